import { afterAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { connectUrl, sleep, type Envelope } from '../support/socket-client.js';
import { startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres.js';
import { NO_RATE_LIMITS, startServerProcess, type ServerProcess } from '../support/server-process.js';
import { tokenFor } from '../support/tokens.js';
import pg from 'pg';

/**
 * PostgreSQL killed (kill -9 of the postmaster) and started again while the service runs under
 * load: requests during the outage are answered at once with 503 (never left hanging, never a
 * 500), /health reports the database down, the service reconnects by itself, and afterwards
 * every acknowledged operation is there exactly once and nothing was half written.
 * PG_RESTART_CYCLES sets how many outages (1 by default).
 */
const CYCLES = Number(process.env.PG_RESTART_CYCLES ?? 1);
const USERS = ['pgr-a', 'pgr-b', 'pgr-c', 'pgr-d'];
const admin = tokenFor('pgr-admin', { roles: ['admin'] });
/** An answer that takes longer than this counts as a hung request. */
const ANSWER_WITHIN_MS = 15_000;

describe('PostgreSQL restarted under load', () => {
  let postgres: PrivatePostgres | null = null;
  let server: ServerProcess | null = null;
  let running = true;
  const sockets: Socket[] = [];

  afterAll(async () => {
    running = false;
    sockets.forEach((s) => s.close());
    await server?.kill();
    await postgres?.stop();
  });

  it(`answers 503 during ${CYCLES} outage(s), reconnects by itself and keeps every acknowledged operation once`, async () => {
    postgres = await startPrivatePostgres();
    server = await startServerProcess({ DATABASE_URL: postgres.url, ...NO_RATE_LIMITS });
    const root = await connectUrl(server.url, admin);
    sockets.push(...(await Promise.all(USERS.map((u) => connectUrl(server!.url, tokenFor(u))))));
    sockets.push(root);
    for (const user of USERS) expect(((await root.emitWithAck('balance:addUserBalanceByAdmin', { data: { targetUser: user, amount: 1000 } })) as Envelope).error.code).toBe(0);

    const acknowledged = new Map<string, { socket: number; answer: Envelope }>();
    const codes = new Map<number | string, number>();
    let outage = false;
    const duringOutage = new Map<number | string, number>();
    let counter = 0;
    const drive = async (socket: Socket, i: number) => {
      while (running) {
        const id = `pgr-${++counter}`;
        const data = { targetUser: USERS[(i + 1) % USERS.length], token: 0.01 };
        let code: number | string;
        try {
          const answer = (await socket.timeout(ANSWER_WITHIN_MS).emitWithAck('balance:donateToken', { data, event: { id } })) as Envelope;
          code = answer.error.code;
          if (code === 0) acknowledged.set(id, { socket: i, answer });
        } catch {
          code = 'no answer';
        }
        codes.set(code, (codes.get(code) ?? 0) + 1);
        if (outage) duringOutage.set(code, (duringOutage.get(code) ?? 0) + 1);
        if (code !== 0) await sleep(20);
      }
    };
    const drivers = sockets.slice(0, USERS.length).map(drive);
    const health = async () => {
      const response = await fetch(`${server!.url}/health`, { signal: AbortSignal.timeout(ANSWER_WITHIN_MS) }).catch((error: unknown) => {
        throw new Error(`/health failed (server exit ${server!.child.exitCode}):\n${server!.output().slice(-3000)}`, { cause: error });
      });
      return { status: response.status, body: (await response.json()) as { info?: unknown; error?: Record<string, { status: string }> } };
    };
    const rest = () =>
      fetch(`${server!.url}/back-api/backoffice/ledger/check`, { headers: { authorization: `Bearer ${admin}` }, signal: AbortSignal.timeout(ANSWER_WITHIN_MS) });

    for (let cycle = 0; cycle < CYCLES; cycle++) {
      await sleep(500);
      await postgres.kill();
      outage = true;
      await sleep(300);
      const down = await health();
      expect(down.status).toBe(503);
      expect(down.body.error).toMatchObject({ database: { status: 'down' } });
      const refused = await rest();
      expect(refused.status).toBe(503);
      expect(await refused.json()).toEqual({ statusCode: 503, message: 'Database unavailable; retry later' });
      await sleep(700);
      await postgres.start();
      // The service reconnects by itself: no restart, no signal.
      for (let i = 0; (await health()).status !== 200; i++) {
        if (i > 300) throw new Error('the service did not reconnect to PostgreSQL');
        await sleep(100);
      }
      outage = false;
    }
    await sleep(500);
    running = false;
    await Promise.all(drivers);
    process.stdout.write(`postgres restart: ${CYCLES} outage(s); answers ${JSON.stringify(Object.fromEntries(codes))}; during outages ${JSON.stringify(Object.fromEntries(duringOutage))}\n`);
    // Every request was answered, with a success or a 503; the outage was seen and survived.
    expect([...codes.keys()].filter((c) => c !== 0 && c !== 503)).toEqual([]);
    expect(duringOutage.get(503) ?? 0).toBeGreaterThan(0);
    expect(acknowledged.size).toBeGreaterThan(10);

    const check = await (await rest()).json();
    expect(check).toMatchObject({ ok: true, failures: [] });
    // Acknowledged operations replay to their stored answers, once each.
    for (const [id, { socket, answer }] of acknowledged) {
      const replay = await sockets[socket].timeout(ANSWER_WITHIN_MS).emitWithAck('balance:donateToken', { data: { targetUser: USERS[(socket + 1) % USERS.length], token: 0.01 }, event: { id } });
      expect({ id, replay }).toEqual({ id, replay: answer });
    }
    sockets.forEach((s) => s.close());
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    try {
      const ids = [...acknowledged.values()].map((a) => String(a.answer.data!.transactionId));
      const { rows } = await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM ledger_transactions WHERE id::text = ANY($1)', [ids]);
      expect(Number(rows[0].n)).toBe(new Set(ids).size);
      expect(new Set(ids).size).toBe(acknowledged.size);
      // Every donation has its stored answer and every stored success its donation: nothing half written.
      const [{ n: donations }] = (await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ledger_transactions WHERE kind = 'donation'`)).rows;
      const records = (await client.query<{ response: string }>(`SELECT response FROM idempotency_records WHERE scope LIKE 'socket:pgr-_'`)).rows;
      const successes = records.filter((r) => !(JSON.parse(r.response) as Envelope).error.status && (JSON.parse(r.response) as Envelope).data?.transactionId).length;
      expect(Number(donations)).toBe(successes);
    } finally {
      await client.end();
    }
  }, 120_000 + CYCLES * 30_000);
});
