import { afterAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { Socket } from 'socket.io-client';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { openDatabase } from '../../src/database/open-database.js';
import { EVENT_TYPES } from '../../src/ledger/events/event-types.js';
import { followFeed, type FeedEvent, type FeedFollower } from '../support/feed-follower.js';
import { Random, seedFromEnv } from '../support/random.js';
import { ledgerCheck, NO_RATE_LIMITS, startServerProcess, type ServerProcess } from '../support/server-process.js';
import { connectUrl, sleep, type Envelope } from '../support/socket-client.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/test-databases.js';
import { tokenFor } from '../support/tokens.js';
import { startReceiver, type ReceivedHook, type WebhookReceiver } from '../support/webhook-receiver.js';

/**
 * kill -9 of the real server while clients move money and hold funds, a feed reader polls
 * GET /events?after=next and a webhook receiver verifies every delivery with the standardwebhooks
 * library; then a restart on the same database, round after round. In the end no event is
 * missing (ids 1..N, each read once, in order, by the reader that lived through every kill),
 * every acknowledged change has its event in the feed, and every event reached the receiver at
 * least once; duplicate deliveries are allowed (at least once) and counted. EVENTS_CRASH_ROUNDS
 * sets the rounds per database (the soak tool's `--events` runs 20).
 *
 * A `.soak` file, which npm test leaves out: even one round takes 15–40 s per database (two
 * server starts, and a delivery the killed server had claimed waits out its lease), too much for
 * the suite. Run it with `npm run soak -- --events`.
 */
const ROUNDS = Number(process.env.EVENTS_CRASH_ROUNDS ?? 1);
const USERS = ['evc-a', 'evc-b', 'evc-c', 'evc-d'];
/**
 * Deliveries a killed server had claimed wait for their lease to lapse (15 s attempt + 10 s,
 * src/webhooks/delivery-worker.ts) before the restarted one sends them.
 */
const DRAIN_MS = 120_000;
const TIMEOUT_MS = 180_000 + ROUNDS * 30_000;
const ADMIN = tokenFor('evc-admin', { roles: ['admin'] });

/** What the clients were told succeeded: each must have its event. */
interface Acknowledged {
  readonly transactions: Set<string>;
  readonly holdsPlaced: Set<string>;
  /** Hold id → the event its end must have written. */
  readonly holdsEnded: Map<string, 'hold.captured' | 'hold.released'>;
}

describe.each(DATABASE_KINDS)('events and webhooks through kill -9 on %s', (kind) => {
  let database: TestDatabase;
  let server: ServerProcess | null = null;
  let receiver: WebhookReceiver | null = null;
  let reader: FeedFollower | null = null;
  const seed = seedFromEnv('CRASH_SEED');
  const rnd = new Random(seed);

  afterAll(async () => {
    reader?.stop();
    await server?.kill();
    await receiver?.close();
    await database?.drop();
  });

  it(`misses no event and delivers every one through ${ROUNDS} kill -9 rounds (CRASH_SEED=${seed})`, async () => {
    const started = Date.now();
    database = await createTestDatabase(kind);
    const env = { DATABASE_URL: database.url, WEBHOOKS_ALLOW_PRIVATE: 'true', ...NO_RATE_LIMITS };
    const acked: Acknowledged = { transactions: new Set(), holdsPlaced: new Set(), holdsEnded: new Map() };
    const pendingHolds: string[] = [];

    receiver = await startReceiver();
    server = await start(database, env);
    const registered = await rest(server.url, 'POST', '/webhooks', { url: `${receiver.url}/soak`, events: EVENT_TYPES, description: 'kill -9 soak' });
    expect(registered.status).toBe(201);
    const signer = new StandardWebhook((registered.body as { secret: string }).secret);
    /** Each event's copies, with the life (the count of kills before it) of the server that sent each. */
    const delivered = new Map<string, Array<{ event: FeedEvent; life: number }>>();
    let life = 0;
    /** Deliveries the library refused, or whose `webhook-id` is not their event's id. */
    const refused: string[] = [];
    receiver.answer = (hook: ReceivedHook) => {
      let event: FeedEvent;
      try {
        event = signer.verify(hook.body, hook.headers as Record<string, string>) as FeedEvent;
      } catch (error) {
        refused.push(`${String(hook.headers['webhook-id'])}: ${(error as Error).message}`);
        return { status: 401 };
      }
      if (hook.headers['webhook-id'] !== event.id) refused.push(`webhook-id ${String(hook.headers['webhook-id'])} on event ${event.id}`);
      delivered.set(event.id, [...(delivered.get(event.id) ?? []), { event, life }]);
      return { status: 204 };
    };

    let live: string | null = server.url;
    const pageSizes = new Random(seed + 1); // apart from the drivers' draws
    reader = followFeed(() => live, ADMIN, () => pageSizes.int(1, 200));

    for (let round = 0; round < ROUNDS; round++) {
      server ??= await start(database, env);
      live = server.url;
      const url = server.url;
      const root: Socket = await connectUrl(url, ADMIN);
      const sockets = await Promise.all(USERS.map((u) => connectUrl(url, tokenFor(u))));
      let running = true;
      const onSocket = async (socket: Socket, i: number) => {
        while (running) {
          const credit = rnd.next() < 0.2;
          const [from, event, data] = credit
            ? ([root, 'balance:addUserBalanceByAdmin', { targetUser: USERS[i], amount: 1 }] as const)
            : ([socket, 'balance:donateToken', { targetUser: USERS[(i + 1) % USERS.length], token: 0.01 }] as const);
          try {
            const answer = (await from.timeout(5000).emitWithAck(event, { data })) as Envelope;
            if (!answer.error.status) acked.transactions.add(String(answer.data!.transactionId));
          } catch {
            return; // the server died mid-request: unacknowledged
          }
        }
      };
      const onRest = async (worker: number) => {
        for (let i = 0; running; i++) {
          const user = USERS[(worker + i) % USERS.length];
          const pick = rnd.next();
          try {
            if (pick < 0.45) {
              const answer = await rest(url, 'POST', `/user/${user}/adjustments`, { asset: 'rents', amount: '0.5', comment: `round ${round}` });
              if (answer.status === 201) acked.transactions.add(String((answer.body as { transactionId: string }).transactionId));
            } else if (pick < 0.75 || pendingHolds.length === 0) {
              const answer = await rest(url, 'POST', `/user/${user}/holds`, { asset: 'rents', amount: '0.02', reason: `round ${round}` });
              if (answer.status !== 201) continue;
              const { holdId } = answer.body as { holdId: string };
              acked.holdsPlaced.add(holdId);
              pendingHolds.push(holdId);
            } else {
              const holdId = pendingHolds.splice(rnd.int(0, pendingHolds.length - 1), 1)[0];
              const end = pick < 0.88 ? 'capture' : 'release';
              const answer = await rest(url, 'POST', `/holds/${holdId}/${end}`);
              if (answer.status === 200) acked.holdsEnded.set(holdId, end === 'capture' ? 'hold.captured' : 'hold.released');
            }
          } catch {
            return; // the server died mid-request
          }
        }
      };
      const drivers = [...sockets.map((s, i) => onSocket(s, i)), onRest(0), onRest(1)];
      await sleep(1000 + rnd.int(0, 1500));
      running = false;
      live = null;
      await server.kill();
      server = null;
      life++;
      await Promise.all(drivers);
      [root, ...sockets].forEach((s) => s.close());
    }

    // The final restart: whatever the killed servers left (unsequenced events, claimed
    // deliveries) is taken up by this one.
    server = await start(database, env);
    live = server.url;
    const check = await ledgerCheck(server.url, ADMIN);
    expect(check).toMatchObject({ ok: true, failures: [] });
    const all = await everything(server.url);
    const ids = all.map((e) => e.id);
    expect(ids).toEqual(all.map((_, i) => String(i + 1)));
    await reader.stopAfter(ids.at(-1)!);
    expect(reader.breaks).toEqual([]);
    expect(reader.seen.map((e) => e.id)).toEqual(ids);

    const db = await openDatabase(database.config);
    try {
      // Every row is in the feed, none still without its id (PostgreSQL's sequencer gives them).
      const [rows] = await db.query<{ total: string | number; sequenced: string | number }>('SELECT COUNT(*) AS total, COUNT(id) AS sequenced FROM events');
      expect({ total: Number(rows.total), sequenced: Number(rows.sequenced) }).toEqual({ total: all.length, sequenced: all.length });
      const [{ n: transactions }] = await db.query<{ n: string | number }>('SELECT COUNT(*) AS n FROM ledger_transactions');
      const committed = all.filter((e) => e.type === 'transaction.committed').map((e) => String(e.transactionId));
      expect(new Set(committed).size).toBe(committed.length);
      expect(committed.length).toBe(Number(transactions));
      const inFeed = new Set(committed);
      expect([...acked.transactions].filter((t) => !inFeed.has(t))).toEqual([]);
    } finally {
      await db.close();
    }
    const holdEvents = new Set(all.filter((e) => e.type.startsWith('hold.')).map((e) => `${e.type} ${String(e.holdId)}`));
    expect([...acked.holdsPlaced].filter((h) => !holdEvents.has(`hold.placed ${h}`))).toEqual([]);
    expect([...acked.holdsEnded].filter(([h, type]) => !holdEvents.has(`${type} ${h}`))).toEqual([]);

    // Every event reaches the receiver (registered before the first change), as the feed shows it.
    const deadline = Date.now() + DRAIN_MS;
    while (ids.some((id) => !delivered.has(id)) && Date.now() < deadline) await sleep(250);
    expect(ids.filter((id) => !delivered.has(id))).toEqual([]);
    expect(refused).toEqual([]);
    for (const event of all) for (const copy of delivered.get(event.id)!) expect(copy.event).toEqual(event);
    const known = new Set(ids);
    expect([...delivered.keys()].filter((id) => !known.has(id))).toEqual([]);
    expect(acked.transactions.size).toBeGreaterThan(ROUNDS * 5);

    const deliveries = [...delivered.values()].reduce((n, copies) => n + copies.length, 0);
    // A copy sent again by the server that sent it before (a retry of an attempt whose answer it
    // did not get in time), rather than by a later one after a kill.
    const sameLife = [...delivered.values()].reduce((n, copies) => n + copies.length - new Set(copies.map((c) => c.life)).size, 0);
    process.stdout.write(
      `events crash on ${kind}: figures rounds=${ROUNDS} acknowledged-transactions=${acked.transactions.size} acknowledged-holds=${acked.holdsPlaced.size} ` +
        `acknowledged-hold-ends=${acked.holdsEnded.size} events=${all.length} missing=0 reader-read=${reader.seen.length} reader-unanswered=${reader.unanswered()} ` +
        `deliveries=${deliveries} delivered-events=${delivered.size} duplicates=${deliveries - delivered.size} (from-one-server=${sameLife}) refused=${refused.length} ` +
        `time=${((Date.now() - started) / 1000).toFixed(0)}s (CRASH_SEED=${seed})\n`,
    );
  }, TIMEOUT_MS);
});

/** A backoffice request as the admin, with its status and JSON body. */
async function rest(url: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${url}/back-api/backoffice${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

/** Every event in the feed, from the oldest, in pages of 1000. */
async function everything(url: string): Promise<FeedEvent[]> {
  const all: FeedEvent[] = [];
  for (let after = '0'; ; ) {
    const { body } = await rest(url, 'GET', `/events?after=${after}&limit=1000`);
    const page = body as { events: FeedEvent[]; next: string };
    if (page.events.length === 0) return all;
    all.push(...page.events);
    after = page.next;
  }
}

/**
 * Starts the server; when it does not come up on PostgreSQL, the error also shows what the
 * database's sessions were doing (a start waiting on a lock a killed server's session holds).
 */
async function start(database: TestDatabase, env: Record<string, string>): Promise<ServerProcess> {
  try {
    return await startServerProcess(env);
  } catch (error) {
    if (database.config.type !== 'postgres') throw error;
    const client = new pg.Client({ connectionString: database.url });
    const sessions = await client
      .connect()
      .then(() => client.query("SELECT pid, state, wait_event_type, wait_event, now() - xact_start AS open_for, left(query, 200) AS query FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"))
      .then((r) => JSON.stringify(r.rows, null, 1))
      .catch((e: unknown) => `(could not ask: ${(e as Error).message})`)
      .finally(() => client.end().catch(() => undefined));
    throw new Error(`${(error as Error).message}\nsessions on the database then:\n${sessions}`, { cause: error });
  }
}
