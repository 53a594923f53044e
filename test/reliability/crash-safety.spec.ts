import { afterAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { connectUrl, sleep, type Envelope } from '../support/socket-client.js';
import { openDatabase } from '../../src/database/open-database.js';
import { Random, seedFromEnv } from '../support/random.js';
import { ledgerCheck, NO_RATE_LIMITS, startServerProcess, type ServerProcess } from '../support/server-process.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/test-databases.js';
import { tokenFor } from '../support/tokens.js';

/**
 * kill -9 of the real server in the middle of donations and admin credits, then a restart on
 * the same database: every acknowledged success is there exactly once, replaying its event id
 * returns its stored answer, nothing unacknowledged left a partial write, and the ledger check
 * passes. CRASH_ROUNDS sets the rounds per database: two by default, so a round also runs on a
 * database recovered from a kill; the soak tool's `--rounds` runs many.
 */
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 2);
const USERS = ['crash-a', 'crash-b', 'crash-c', 'crash-d'];
/** However many rounds are asked for, Jest's default timeout must not end the run. */
const TIMEOUT_MS = 120_000 + ROUNDS * 30_000;

describe.each(DATABASE_KINDS)('crash safety on %s', (kind) => {
  let database: TestDatabase;
  let server: ServerProcess | null = null;
  const seed = seedFromEnv('CRASH_SEED');
  const rnd = new Random(seed);
  let over = false;

  afterAll(async () => {
    over = true; // a timed-out test's loop stops at its next round
    await server?.kill();
    await database?.drop();
  });

  it(`keeps every acknowledged operation through ${ROUNDS} kill -9 rounds (CRASH_SEED=${seed})`, async () => {
    process.stdout.write(`crash safety on ${kind}: ${ROUNDS} rounds, CRASH_SEED=${seed}\n`);
    database = await createTestDatabase(kind);
    const env = { DATABASE_URL: database.url, ...NO_RATE_LIMITS }; // the replays run far faster than the per-user limits allow
    const acknowledged = new Map<string, { user: string; event: string; data: unknown; answer: Envelope }>();
    let eventCounter = 0;

    for (let round = 0; round < ROUNDS; round++) {
      if (over) throw new Error(`stopped at round ${round}: the test is over`);
      server = await startServerProcess(env);
      const admin = await connectUrl(server.url, tokenFor('crash-admin', { roles: ['admin'] }));
      const users = await Promise.all(USERS.map((u) => connectUrl(server!.url, tokenFor(u))));
      let running = true;
      const drive = async (socket: Socket, user: string, i: number) => {
        while (running) {
          const id = `ev-${round}-${++eventCounter}`;
          const credit = rnd.next() < 0.2;
          const [event, data] = credit
            ? ['balance:addUserBalanceByAdmin', { targetUser: user, amount: 1 }]
            : ['balance:donateToken', { targetUser: USERS[(i + 1) % USERS.length], token: 0.01 }];
          const from = credit ? admin : socket;
          try {
            const answer = (await from.timeout(5000).emitWithAck(event, { data, event: { id } })) as Envelope;
            if (!answer.error.status) acknowledged.set(id, { user: credit ? 'crash-admin' : user, event, data, answer });
          } catch {
            return; // the server died mid-request: unacknowledged
          }
        }
      };
      const drivers = users.map((s, i) => drive(s, USERS[i], i));
      // The kill comes at a random moment once the round has done some work: on a busy runner a
      // fixed window could end before anything was acknowledged, and the round would prove nothing.
      const before = acknowledged.size;
      await sleep(300);
      for (let waited = 0; acknowledged.size - before < 10 && waited < 10_000; waited += 50) await sleep(50);
      await sleep(rnd.int(0, 700));
      running = false;
      await server.kill();
      await Promise.all(drivers);
      [admin, ...users].forEach((s) => s.close());
    }

    server = await startServerProcess(env);
    const check = await ledgerCheck(server.url, tokenFor('crash-admin', { roles: ['admin'] }));
    expect(check).toMatchObject({ ok: true, failures: [] });

    // Every acknowledged success replays to its stored answer, and its transaction is there once.
    const byUser = new Map<string, Promise<Socket>>();
    const socketOf = (user: string) => {
      if (!byUser.has(user)) byUser.set(user, connectUrl(server!.url, tokenFor(user, user === 'crash-admin' ? { roles: ['admin'] } : {})));
      return byUser.get(user)!;
    };
    expect(acknowledged.size).toBeGreaterThan(ROUNDS * 5);
    const entries = [...acknowledged];
    for (let i = 0; i < entries.length; i += 64) {
      const replays = await Promise.all(
        entries.slice(i, i + 64).map(async ([id, { user, event, data }]) => ({ id, replay: await (await socketOf(user)).timeout(10_000).emitWithAck(event, { data, event: { id } }) })),
      );
      for (const { id, replay } of replays) expect({ id, replay }).toEqual({ id, replay: acknowledged.get(id)!.answer });
    }
    for (const socket of byUser.values()) (await socket).close();
    process.stdout.write(`crash safety on ${kind}: ${ROUNDS} kill -9 rounds, ${acknowledged.size} acknowledged operations replayed to their stored answers (CRASH_SEED=${seed})\n`);

    const db = await openDatabase(database.config);
    try {
      const ids = [...acknowledged.values()].map((a) => a.answer.data!.transactionId!);
      const found = await db.query<{ id: string | number }>(`SELECT id FROM ledger_transactions WHERE id IN (${ids.map(() => '?').join(',')})`, ids);
      expect(found.length).toBe(new Set(ids).size);
      expect(new Set(ids).size).toBe(acknowledged.size);
      // A movement without its stored answer (or the reverse) would be a partial write.
      const [{ n: movements }] = await db.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ledger_transactions WHERE kind IN ('donation', 'adjustment')`);
      const records = await db.query<{ response: string }>(`SELECT response FROM idempotency_records`);
      const successes = records.filter((r) => !(JSON.parse(r.response) as Envelope).error.status).length;
      expect(Number(movements)).toBe(successes);
      process.stdout.write(
        `crash safety on ${kind}: figures acknowledged=${acknowledged.size} lost=${new Set(ids).size - found.length} duplicated=${acknowledged.size - new Set(ids).size} ` +
          `movements=${movements} stored-successes=${successes} ledger-check=${(check as { ok: boolean }).ok ? 'ok' : 'FAILED'}\n`,
      );
    } finally {
      await db.close();
    }
  }, TIMEOUT_MS);
});
