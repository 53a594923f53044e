import { afterAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { connectUrl, sleep, type Envelope } from '../support/socket-client.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/test-databases.js';
import { tokenFor } from '../support/tokens.js';

const USERS = ['calm-a', 'calm-b', 'calm-c'];
const admin = tokenFor('calm-admin', { roles: ['admin'] });

/**
 * SIGTERM under load: requests already sent are answered, new work is refused, the process
 * exits 0, and after a restart everything acknowledged is there.
 */
describe.each(DATABASE_KINDS)('graceful shutdown on %s', (kind) => {
  let database: TestDatabase;
  let server: ServerProcess | null = null;

  afterAll(async () => {
    await server?.kill();
    await database?.drop();
  });

  it('answers in-flight requests, exits 0, and keeps what it acknowledged', async () => {
    database = await createTestDatabase(kind);
    server = await startServerProcess({ DATABASE_URL: database.url });
    const root = await connectUrl(server.url, admin);
    const sockets = await Promise.all(USERS.map((u) => connectUrl(server!.url, tokenFor(u))));
    for (const user of USERS) await root.emitWithAck('balance:addUserBalanceByAdmin', { data: { targetUser: user, amount: 1000 } });

    const sentBeforeTerm: Array<Promise<Envelope | 'disconnected'>> = [];
    const acknowledged: Array<{ socket: number; id: string; answer: Envelope }> = [];
    let terminated = false;
    let counter = 0;
    const drive = async (socket: Socket, i: number) => {
      while (!terminated) {
        const id = `g-${++counter}`;
        const pending = socket
          .timeout(20_000)
          .emitWithAck('balance:donateToken', { data: { targetUser: USERS[(i + 1) % USERS.length], token: 0.5 }, event: { id } })
          .then((answer: Envelope) => {
            acknowledged.push({ socket: i, id, answer });
            return answer;
          }, () => 'disconnected' as const);
        sentBeforeTerm.push(pending);
        await pending;
      }
    };
    const drivers = sockets.map(drive);
    await sleep(400);
    terminated = true;
    server.child.kill('SIGTERM');
    const outcomes = await Promise.all(sentBeforeTerm);
    await Promise.all(drivers);
    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(/shut down cleanly/);
    // Everything sent before SIGTERM was answered (a success, or 503 if it arrived while draining).
    expect(outcomes.filter((o) => o === 'disconnected')).toEqual([]);
    expect(outcomes.every((o) => o !== 'disconnected' && (o.error.code === 0 || o.error.code === 503))).toBe(true);
    [root, ...sockets].forEach((s) => s.close());

    server = await startServerProcess({ DATABASE_URL: database.url });
    const check = await (await fetch(`${server.url}/back-api/backoffice/ledger/check`, { headers: { authorization: `Bearer ${admin}` } })).json();
    expect(check).toMatchObject({ ok: true });
    const again = await Promise.all(USERS.map((u) => connectUrl(server!.url, tokenFor(u))));
    const successes = acknowledged.filter((a) => a.answer.error.code === 0);
    expect(successes.length).toBeGreaterThan(5);
    for (const { socket, id, answer } of successes) {
      const replay = await again[socket].emitWithAck('balance:donateToken', { data: { targetUser: USERS[(socket + 1) % USERS.length], token: 0.5 }, event: { id } });
      expect(replay).toEqual(answer);
    }
    again.forEach((s) => s.close());
  });
});
