import { isDeepStrictEqual } from 'node:util';
import { expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { describeWithRedis } from '../support/redis-server.js';
import { twoInstances } from '../support/scale-out.js';
import { ledgerCheck } from '../support/server-process.js';
import { collect, greetingBalanceOf, sleep, until, type Envelope } from '../support/socket-client.js';
import { tokenFor } from '../support/tokens.js';

const admin = tokenFor('redis-admin', { roles: ['admin'] });
const CYCLES = Number(process.env.REDIS_OUTAGE_CYCLES ?? 1);

/** How soon after Redis is back every socket must show its committed balance (CONTRACT §9). */
const CONVERGENCE_MS = 5000;

/**
 * Two instances on one PostgreSQL and Redis; redis-server is killed under load and started
 * again: requests keep working on both, pushes reach the sockets of the instance that made
 * them, /health reports Redis down (and which connection), both instances reconnect by
 * themselves, events cross instances again, and every socket that stayed connected shows its
 * committed balance within 5 s of Redis coming back, although pushes to it were lost (changes
 * made on A for users on B while Redis was down, and nothing after). REDIS_OUTAGE_CYCLES sets
 * the outages.
 */
describeWithRedis('two instances losing Redis', (redisBinary) => {
  const cluster = twoInstances(redisBinary);

  it(`keeps serving through ${CYCLES} Redis outage(s) and reconnects`, async () => {
    const { a, b, redis } = await cluster.start({ SOCKET_RATE_PER_SECOND: '100000', SOCKET_RATE_BURST: '100000' });
    const health = async (url: string) => {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(15_000) });
      return { status: response.status, body: (await response.json()) as { details: Record<string, Record<string, unknown>> } };
    };
    const root = await cluster.connect(a.url, admin);
    const xOnA = await cluster.connect(a.url, tokenFor('redis-x'));
    const yOnA = await cluster.connect(a.url, tokenFor('redis-y'));
    const zOnB = await cluster.connect(b.url, tokenFor('redis-z'));
    // Changed only during outages, by an operator on the other instance.
    const wOnB = await cluster.connect(b.url, tokenFor('redis-w'));
    const sockets = { root, xOnA, yOnA, zOnB, wOnB };
    const pushes = new Map(Object.values(sockets).map((socket) => [socket, collect<Envelope>(socket, 'user:balance')]));
    const shown = (socket: Socket) => pushes.get(socket)!.at(-1) ?? greetingBalanceOf.get(socket)!;
    for (const user of ['redis-y', 'redis-z']) {
      expect(((await root.emitWithAck('balance:addUserBalanceByAdmin', { data: { targetUser: user, amount: 1000 } })) as Envelope).error.code).toBe(0);
    }
    const pushTo = async (receiver: Socket, sender: Socket) => {
      const received = new Promise<Envelope | 'none'>((resolve) => {
        const timer = setTimeout(() => resolve('none'), 3000);
        receiver.once('user:balance', (e: Envelope) => {
          clearTimeout(timer);
          resolve(e);
        });
      });
      const answer = (await sender.timeout(15_000).emitWithAck('balance:donateToken', { data: { targetUser: 'redis-x', token: 1 } })) as Envelope;
      expect(answer.error.code).toBe(0);
      return received;
    };
    // Before: a donation through B reaches x on A.
    expect(await pushTo(xOnA, zOnB)).not.toBe('none');

    const answers = new Map<number | string, number>();
    let running = true;
    let paused = false;
    let inFlight = 0;
    const drive = async (socket: Socket, target: string) => {
      while (running) {
        if (paused) {
          await sleep(20);
          continue;
        }
        inFlight++;
        let code: number | string;
        try {
          code = ((await socket.timeout(15_000).emitWithAck('balance:donateToken', { data: { targetUser: target, token: 0.01 } })) as Envelope).error.code;
        } catch {
          code = 'no answer';
        }
        inFlight--;
        answers.set(code, (answers.get(code) ?? 0) + 1);
      }
    };
    const convergenceMs: number[] = [];
    const drivers = [drive(yOnA, 'redis-z'), drive(zOnB, 'redis-y')];

    try {
      for (let cycle = 0; cycle < CYCLES; cycle++) {
        await sleep(300);
        await redis.stop();
        await sleep(300);
        for (const server of [a, b]) {
          const down = await health(server.url);
          expect(down.status).toBe(503);
          expect(down.body.details.database).toMatchObject({ status: 'up' });
          expect(down.body.details.redis).toMatchObject({ status: 'down', publisher: 'reconnecting', subscriber: 'reconnecting' });
        }
        // Requests keep working, and a push reaches the receiver's socket on the same instance.
        expect(await pushTo(xOnA, yOnA)).toMatchObject({ data: { transactions: { mining: { donation: expect.any(Number) } } } });
        // The last changes before Redis returns are made on A for users on B: their pushes are lost.
        paused = true;
        await until(() => inFlight === 0, 20_000);
        expect(((await root.emitWithAck('balance:addUserBalanceByAdmin', { data: { targetUser: 'redis-w', amount: 1 } })) as Envelope).error.code).toBe(0);
        expect(((await yOnA.timeout(15_000).emitWithAck('balance:donateToken', { data: { targetUser: 'redis-z', token: 0.5 } })) as Envelope).error.code).toBe(0);
        const committed = new Map<Socket, unknown>();
        for (const socket of Object.values(sockets)) {
          const { token, transactions } = ((await socket.emitWithAck('balance:getTransactions')) as Envelope).data!;
          committed.set(socket, { token, transactions });
        }
        const stale = Object.entries(sockets).filter(([, socket]) => !matches(shown(socket), committed.get(socket)));
        expect(stale.map(([name]) => name)).toEqual(['zOnB', 'wOnB']);
        await sleep(500);
        await redis.restart();
        const back = Date.now();
        const converged = until(() => Object.values(sockets).every((socket) => matches(shown(socket), committed.get(socket))), CONVERGENCE_MS).then(() => convergenceMs.push(Date.now() - back));
        converged.catch(() => undefined); // awaited below, after the health checks
        for (const server of [a, b]) {
          for (let i = 0; (await health(server.url)).status !== 200; i++) {
            if (i > 300) throw new Error(`instance ${server.url} did not reconnect to Redis`);
            await sleep(100);
          }
          expect((await health(server.url)).body.details.redis).toMatchObject({ status: 'up', publisher: 'ready', subscriber: 'ready' });
        }
        await converged;
        paused = false;
        // Events cross instances again (the subscriber subscribed again by itself).
        expect(await pushTo(xOnA, zOnB)).not.toBe('none');
      }
    } finally {
      // Also when an expectation fails, so that the drivers stop and the test ends.
      running = false;
    }
    await Promise.all(drivers);
    process.stdout.write(`redis outage: ${CYCLES} outage(s); answers ${JSON.stringify(Object.fromEntries(answers))}; every socket on its committed balance ${convergenceMs.join(', ')} ms after Redis came back\n`);
    for (const received of pushes.values()) {
      const seqs = received.map((p) => p.data!.seq as number);
      // Never older; the same again only from the resync after an outage.
      expect(seqs.filter((seq, i) => i > 0 && seq < seqs[i - 1])).toEqual([]);
    }
    expect([...answers.keys()]).toEqual([0]);
    for (const server of cluster.servers) expect(server.child.exitCode).toBeNull();
    expect(await ledgerCheck(b.url, admin)).toMatchObject({ ok: true });
  }, 120_000 + CYCLES * 30_000);
});

/** A push shows this balance: its token and totals (seq aside). */
function matches(push: Envelope, balance: unknown): boolean {
  return isDeepStrictEqual({ token: push.data!.token, transactions: push.data!.transactions }, balance);
}
