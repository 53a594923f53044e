import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { Socket } from 'socket.io-client';
import type { DatabaseConfig } from '../src/config/app-config.js';
import { LedgerService } from '../src/ledger/ledger.service.js';
import { ledgerContext } from '../test/support/ledger-context.js';
import { NO_RATE_LIMITS } from '../test/support/server-process.js';
import type { TestDatabase } from '../test/support/test-databases.js';
import { sha1Hex } from '../test/support/legacy-client.js';
import { adminToken, connectAs, parallel, rest, userToken, type Envelope } from './clients.js';
import { refreshStatistics } from './preload.js';
import { drive, median, percentile, rssMiB, withCpu, type CpuUse, type LoadResult } from './stats.js';

export const LEGACY_SECRET = 'bench-legacy-secret-0123456789';

/** The environment of a bench server on `database`. */
export const serverEnv = (database: TestDatabase) => ({
  DATABASE_URL: database.url,
  DATABASE_POOL_SIZE: '20',
  LOG_LEVEL: 'warn',
  LEGACY_API_SECRET: LEGACY_SECRET,
  ...NO_RATE_LIMITS,
  // Every client of the load generator comes from one address, standing for thousands of users.
  SOCKETS_PER_ADDRESS: '1000000',
});

/** Two seconds of donations before a measured phase, then fresh statistics (see refreshStatistics). */
export async function warmUp(clients: Socket[], prefix: string, database: TestDatabase): Promise<void> {
  await donations(clients, prefix, 2);
  await refreshStatistics(database.config);
}

/** Unmeasured donations before each run of a pair (inTurns), so that the run measures the steady state. */
export const RUN_WARM_UP_S = 1;

/**
 * `pairs` pairs of runs of `a` and `b` in turns, the order alternating (a then b, b then a, …), so
 * that a rate drifting one way over the runs weighs on both sides alike (with an even count). Each
 * pair's results are handed to `each` as it ends, and returned in run order.
 */
export async function inTurns<A, B>(pairs: number, a: () => Promise<A>, b: () => Promise<B>, each: (a: A, b: B, pair: number) => void = () => undefined): Promise<Array<[A, B]>> {
  const results: Array<[A, B]> = [];
  for (let pair = 0; pair < pairs; pair++) {
    let ran: [A, B];
    if (pair % 2 === 0) {
      const first = await a();
      ran = [first, await b()];
    } else {
      const first = await b();
      ran = [await a(), first];
    }
    each(...ran, pair);
    results.push(ran);
  }
  return results;
}

/** Connects `count` users and gives each plenty of tokens. */
export async function fundedClients(url: string, count: number, prefix: string): Promise<Socket[]> {
  const admin = await connectAs(url, adminToken());
  const clients = await Promise.all(Array.from({ length: count }, (_, i) => connectAs(url, userToken(`${prefix}-${i}`))));
  for (let i = 0; i < count; i++) {
    const answer = (await admin.emitWithAck('balance:addUserBalanceByAdmin', { data: { targetUser: `${prefix}-${i}`, amount: 1_000_000 } })) as Envelope;
    if (answer.error.status) throw new Error(`funding failed: ${answer.error.message}`);
  }
  admin.close();
  return clients;
}

/** C clients donating round the ring, each awaiting its acknowledgement. */
export function donations(clients: Socket[], prefix: string, seconds: number): Promise<LoadResult> {
  return drive(clients.length, seconds, async (i) => {
    const answer = (await clients[i].emitWithAck('balance:donateToken', { data: { targetUser: `${prefix}-${(i + 1) % clients.length}`, token: 0.00000001 } })) as Envelope;
    return !answer.error.status;
  });
}

/** Starts one of the bench's bare servers (a script beside this one) as a child process; resolves with it and its port. */
async function bareServer(name: string): Promise<{ child: ChildProcess; port: number }> {
  const script = join(dirname(fileURLToPath(import.meta.url)), name);
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(Number(/listening (\d+)/.exec(d.toString())![1]))));
  return { child, port };
}

/** The transport limit: the same clients against a bare socket.io server that acks with no work. */
export async function transportLimit(clientCount: number, seconds: number): Promise<Measured> {
  const { child, port } = await bareServer('bare-server.js');
  try {
    const clients = await Promise.all(Array.from({ length: clientCount }, () => connectAs(`http://127.0.0.1:${port}`, null)));
    const result = await withCpu(child.pid!, () =>
      drive(clientCount, seconds, async (i) => {
        await clients[i].emitWithAck('balance:donateToken', { data: { targetUser: 'x', token: 0.00000001 } });
        return true;
      }),
    );
    clients.forEach((c) => c.close());
    return result;
  } finally {
    child.kill('SIGKILL');
  }
}

/**
 * The transport limit for HTTP: the legacy load (same body, 32 keep-alive connections) against a
 * bare node:http server that answers a reply of the legacy one's size with no work.
 */
export async function httpLimit(seconds: number): Promise<Measured> {
  const { child, port } = await bareServer('bare-http-server.js');
  try {
    return await legacyThroughput(`http://127.0.0.1:${port}`, child.pid!, seconds);
  } finally {
    child.kill('SIGKILL');
  }
}

/** The storage limit: the same double-entry transfer straight against the database, one transaction each, in a loop. */
export async function storageLimit(config: DatabaseConfig, seconds: number): Promise<Measured> {
  const context = await ledgerContext(config);
  try {
    const ledger = context.get(LedgerService);
    await ledger.post({ kind: 'mint', action: 'bench', legs: [
      { ownerId: 'system:issuer', asset: 'rents', amount: -(10n ** 15n), type: 'system' },
      { ownerId: 'storage-a', asset: 'rents', amount: 10n ** 15n, type: 'mining' },
    ] });
    // The ledger runs in this process: its CPU is the client's here.
    return await withCpu(null, () =>
      drive(1, seconds, async () => {
        await ledger.post({ kind: 'donation', action: 'donation', legs: [
          { ownerId: 'storage-a', asset: 'rents', amount: -1n, type: 'spending' },
          { ownerId: 'storage-b', asset: 'rents', amount: 1n, type: 'mining' },
        ] });
        return true;
      }),
    );
  } finally {
    await context.close();
  }
}

/** Makes `id` a known user (its first authenticated request) with a balance in `asset`. */
export async function knownUser(url: string, id: string, asset = 'usd'): Promise<void> {
  await makeKnown(url, id);
  await credit(url, id, asset);
}

/** The user's first authenticated request: answered 403, but the user is known now. */
async function makeKnown(url: string, id: string): Promise<void> {
  await fetch(`${url}/back-api/backoffice/users`, { headers: { authorization: `Bearer ${userToken(id)}` } });
}

/** A backoffice adjustment of 12.5 `asset` to `id`. */
async function credit(url: string, id: string, asset: string): Promise<void> {
  const res = await rest(url, 'POST', `/back-api/backoffice/user/${id}/adjustments`, { asset, amount: '12.5', comment: 'bench' });
  if (res.status !== 201) throw new Error(`adjustment failed: ${JSON.stringify(res.json)}`);
}

/** POST /balances for 1,000 users with a balance in every asset, a page of 100 users at a time. */
export async function backofficeBalances(url: string, requests: number): Promise<{ p50: number; p99: number; users: number; assets: number }> {
  const ids = Array.from({ length: 1000 }, (_, i) => `bo-${i}`);
  await parallel(ids, 32, (id) => makeKnown(url, id));
  const assets = ['rents', 'roomi', 'valu', 'usd', 'eur', 'btc', 'eth', 'usdt', 'xmr'];
  await parallel(ids.flatMap((id) => assets.map((asset) => [id, asset] as const)), 32, ([id, asset]) => credit(url, id, asset));
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const t0 = performance.now();
    const res = await rest(url, 'POST', `/back-api/backoffice/balances?page=${(i % 10) + 1}&per_page=100`, { userIds: ids });
    times.push(performance.now() - t0);
    if (res.status !== 200) throw new Error('balances failed');
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), users: ids.length, assets: assets.length };
}

/**
 * Requests that warm a fresh server's route before its balances at an instant are measured: on a
 * fresh server the p50 kept falling, from about 2.5 to 1.3 ms, over the first 1,500 requests (the
 * JIT compiling the route), so a short warm-up measured how far that had gone.
 */
export const BALANCES_AT_WARM_UP = 1_500;

/**
 * GET /user/filler-a/balances?at= on a ledger preloaded with `transactions` whose last one is at
 * `loadedAt` (preload.ts): filler-a's account has an entry per preloaded transaction, one a
 * millisecond, so `at` halfway back lands mid-history. Sequential requests after a short warm-up:
 * the p50 of one index lookup per account plus HTTP.
 */
export async function balancesAtP50(url: string, ledger: { transactions: number; loadedAt: number }, requests = 300): Promise<number> {
  await makeKnown(url, 'filler-a');
  const at = new Date(ledger.loadedAt - ledger.transactions / 2).toISOString();
  const path = `/back-api/backoffice/user/filler-a/balances?at=${encodeURIComponent(at)}`;
  const times: number[] = [];
  for (let i = 0; i < requests + 30; i++) {
    const t0 = performance.now();
    const res = await rest(url, 'GET', path);
    if (i >= 30) times.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`balances at failed: ${JSON.stringify(res.json)}`);
  }
  times.sort((a, b) => a - b);
  return percentile(times, 50);
}

/**
 * Legacy user_balance_get at 32 keep-alive connections. node:http rather than fetch: the load
 * generator shares the machine, and fetch costs it several times more CPU per request.
 */
export async function legacyThroughput(url: string, serverPid: number, seconds: number): Promise<Measured> {
  const body = new URLSearchParams({ username: 'bo-1', hash: sha1Hex('bo-1', LEGACY_SECRET) }).toString();
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });
  const target = new URL(`${url}/api/user_balance_get`);
  const post = () =>
    new Promise<boolean>((resolve, reject) => {
      const req = request(
        { agent, hostname: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve(res.statusCode === 200 && text.includes('<balance>')));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  try {
    return await withCpu(serverPid, () => drive(32, seconds, post));
  } finally {
    agent.destroy();
  }
}

/** Opens `count` authenticated idle sockets and reports the server's resident memory. */
export async function idleSockets(url: string, pid: number, count: number): Promise<{ sockets: number; rssMiB: number }> {
  const sockets: Socket[] = [];
  const ids = Array.from({ length: count }, (_, i) => i);
  await parallel(ids, 200, async (i) => {
    sockets.push(await connectAs(url, userToken(`idle-${i % 1000}`)));
  });
  await new Promise((r) => setTimeout(r, 2000));
  const rss = await rssMiB(pid);
  sockets.forEach((s) => s.close());
  return { sockets: sockets.length, rssMiB: rss };
}

/** A load phase with the CPU both sides spent on it. */
export type Measured = LoadResult & { cpu: CpuUse };

/** The median of each figure over the runs (CPU included). */
export function medianOf(results: Measured[]): Measured {
  const pick = (key: keyof LoadResult) => median(results.map((r) => r[key]));
  const server = results.map((r) => r.cpu.serverCores).filter((c): c is number => c !== null);
  return {
    perSecond: pick('perSecond'),
    p50: pick('p50'),
    p95: pick('p95'),
    p99: pick('p99'),
    acknowledged: pick('acknowledged'),
    refused: pick('refused'),
    cpu: { serverCores: server.length > 0 ? median(server) : null, clientCores: median(results.map((r) => r.cpu.clientCores)), databaseCores: median(results.map((r) => r.cpu.databaseCores)) },
  };
}
