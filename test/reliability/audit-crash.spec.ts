import { afterAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { parseAmount } from '../../src/common/money.js';
import { openDatabase } from '../../src/database/open-database.js';
import { Random, seedFromEnv } from '../support/random.js';
import { ledgerCheck, NO_RATE_LIMITS, startServerProcess, type ServerProcess } from '../support/server-process.js';
import { connectUrl, sleep } from '../support/socket-client.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/test-databases.js';
import { tokenFor } from '../support/tokens.js';

/**
 * kill -9 of the real server in a burst of concurrent operator actions (REST and socket
 * adjustments, freezes and unfreezes, rates), then a restart on the same database: every effect
 * has its audit record and every record its effect, and the chain holds. AUDIT_CRASH_ROUNDS sets
 * the rounds per database (the soak tool's `--only audit` runs 20).
 */
const ROUNDS = Number(process.env.AUDIT_CRASH_ROUNDS ?? 1);
const USERS = ['ac-1', 'ac-2', 'ac-3', 'ac-4'];
const SCALES: Record<string, number> = { usd: 2, rents: 8 };
const TIMEOUT_MS = 120_000 + ROUNDS * 30_000;

type Record_ = { action: string; target: string; after?: Record<string, unknown> };

describe.each(DATABASE_KINDS)('audit trail through kill -9 on %s', (kind) => {
  let database: TestDatabase;
  let server: ServerProcess | null = null;
  const seed = seedFromEnv('CRASH_SEED');
  const rnd = new Random(seed);

  afterAll(async () => {
    await server?.kill();
    await database?.drop();
  });

  it(`keeps effects and records together through ${ROUNDS} kill -9 rounds (CRASH_SEED=${seed})`, async () => {
    database = await createTestDatabase(kind);
    const env = { DATABASE_URL: database.url, ...NO_RATE_LIMITS };
    const token = tokenFor('audit-admin', { roles: ['admin'] });
    let acknowledged = 0;

    for (let round = 0; round < ROUNDS; round++) {
      server = await startServerProcess(env);
      const url = server.url;
      const admin: Socket = await connectUrl(url, token);
      const rest = (method: string, path: string, body?: unknown) =>
        fetch(`${url}/back-api/backoffice${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        }).then((r) => r.status);
      let running = true;
      const drive = async (worker: number) => {
        for (let i = 0; running; i++) {
          const user = USERS[(worker + i) % USERS.length];
          const pick = rnd.next();
          try {
            let ok: boolean;
            if (pick < 0.35) ok = (await rest('POST', `/user/${user}/adjustments`, { asset: 'usd', amount: '0.01', comment: `r${round}` })) === 201;
            else if (pick < 0.6) ok = !(await admin.timeout(5000).emitWithAck('balance:addUserBalanceByAdmin', { data: { targetUser: user, amount: 1 } })).error.status;
            else if (pick < 0.75) ok = (await rest('PUT', `/user/${user}/freeze`, { scope: 'debits', reason: `r${round}-${i}` })) === 200;
            else if (pick < 0.85) ok = (await rest('DELETE', `/user/${user}/freeze`)) === 200;
            else ok = (await rest('PUT', `/exchange-rates/${pick < 0.92 ? 'btc' : 'eth'}`, { rate: String(1000 + rnd.int(0, 10_000)) })) === 200;
            if (ok) acknowledged++;
          } catch {
            return; // the server died mid-request
          }
        }
      };
      // The users exist once they called; the operator's actions name them.
      const sockets = await Promise.all(USERS.map((u) => connectUrl(url, tokenFor(u))));
      const drivers = Array.from({ length: 8 }, (_, w) => drive(w));
      await sleep(1000 + rnd.int(0, 1500));
      running = false;
      await server.kill();
      await Promise.all(drivers);
      [admin, ...sockets].forEach((s) => s.close());
    }

    server = await startServerProcess(env);
    const check = (await ledgerCheck(server.url, token)) as { ok: boolean; counts: { auditRecords: number }; failures: unknown[] };
    expect(check).toMatchObject({ ok: true, failures: [] });

    const db = await openDatabase(database.config);
    try {
      const records = (await db.query<{ body: string }>('SELECT body FROM audit_records ORDER BY id')).map((r) => JSON.parse(r.body) as Record_);
      expect(records.length).toBe(check.counts.auditRecords);
      expect(acknowledged).toBeGreaterThan(0);
      // Every adjustment transaction has exactly one record naming it, and every such record's
      // transaction is there, with the user's balance after it as the record says.
      const postings = records.filter((r) => r.action.startsWith('balance.'));
      const named = postings.map((r) => String(r.after!.transactionId));
      expect(new Set(named).size).toBe(named.length);
      const transactions = await db.query<{ id: string | number }>(`SELECT id FROM ledger_transactions WHERE kind = 'adjustment'`);
      expect(transactions.map((t) => String(t.id)).sort()).toEqual([...named].sort());
      const entries = await db.query<{ transaction_id: string | number; owner_id: string; asset: string; balance_after: string }>(
        `SELECT e.transaction_id, a.owner_id, a.asset, e.balance_after FROM ledger_entries e JOIN accounts a ON a.id = e.account_id WHERE a.owner_kind = 'user'`,
      );
      const balanceAfter = new Map(entries.map((e) => [`${e.transaction_id}/${e.owner_id}/${e.asset}`, BigInt(e.balance_after)]));
      for (const r of postings) {
        const asset = String(r.after!.asset);
        const key = `${String(r.after!.transactionId)}/${r.target.slice('user:'.length)}/${asset}`;
        expect({ key, balance: balanceAfter.get(key) }).toEqual({ key, balance: parseAmount(String(r.after!.balance), SCALES[asset]) });
      }
      // Each user's freeze and each quote is what its newest record says it became.
      const users = await db.query<{ id: string; frozen_scope: string | null; frozen_reason: string | null }>(`SELECT id, frozen_scope, frozen_reason FROM users WHERE id LIKE 'ac-%'`);
      for (const user of users) {
        const newest = records.filter((r) => r.target === `user:${user.id}` && r.action.startsWith('freeze.')).pop();
        const frozen = (newest?.after?.frozen ?? null) as { scope: string; reason: string } | null;
        expect({ user: user.id, scope: frozen?.scope ?? null, reason: frozen?.reason ?? null }).toEqual({ user: user.id, scope: user.frozen_scope, reason: user.frozen_reason });
      }
      const rates = await db.query<{ asset: string; rate: string }>('SELECT asset, rate FROM exchange_rates');
      for (const asset of ['btc', 'eth']) {
        const newest = records.filter((r) => r.target === `exchange_rate:${asset}`).pop();
        if (!newest) continue; // never set in the burst: the seeded catalog's quote, if any
        expect({ asset, rate: rates.find((q) => q.asset === asset)?.rate ?? null }).toEqual({ asset, rate: (newest.after?.rate as string | undefined) ?? null });
      }
      process.stdout.write(`audit crash on ${kind}: ${ROUNDS} kill -9 rounds, ${acknowledged} acknowledged operator actions, ${records.length} records, ${named.length} adjustments, chain ok (CRASH_SEED=${seed})\n`);
    } finally {
      await db.close();
    }
  }, TIMEOUT_MS);
});
