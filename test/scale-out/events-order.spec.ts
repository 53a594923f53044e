import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { Socket } from 'socket.io-client';
import { NO_RATE_LIMITS, startServerProcess, type ServerProcess } from '../support/server-process.js';
import { connectUrl, sleep, type Envelope } from '../support/socket-client.js';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.js';
import { tokenFor } from '../support/tokens.js';

type Event = { id: string; type: string; transactionId?: string; userId?: string };
const admin = tokenFor('order-admin', { roles: ['admin'] });

/** The events page after `after` from the server at `url`. */
async function page(url: string, after: string | undefined, limit: number): Promise<{ events: Event[]; next: string }> {
  const res = await fetch(`${url}/back-api/backoffice/events?limit=${limit}${after === undefined ? '' : `&after=${after}`}`, { headers: { authorization: `Bearer ${admin}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as { events: Event[]; next: string };
}

/** Every event from the start, read in pages of 1000 until one is empty. */
async function everything(url: string): Promise<Event[]> {
  const all: Event[] = [];
  let after: string | undefined;
  for (;;) {
    const { events, next } = await page(url, after, 1000);
    if (events.length === 0) return all;
    all.push(...events);
    after = next;
  }
}

/**
 * A reader that always asks again with `next` (on the servers in turn, so both instances' reads
 * are used), while writers commit. It stops once it has passed `until()` (set when writing ended).
 */
function reader(urls: readonly string[], limit: number, until: () => string | null) {
  const seen: Event[] = [];
  const done = (async () => {
    let after: string | undefined;
    for (let turn = 0; ; turn++) {
      const { events, next } = await page(urls[turn % urls.length], after, limit);
      seen.push(...events);
      after = next;
      const last = until();
      if (last !== null && after !== undefined && BigInt(after) >= BigInt(last)) return;
      if (events.length === 0) await sleep(5);
    }
  })();
  return { seen, done };
}

const ascending = (events: readonly Event[]) => events.every((e, i) => i === 0 || BigInt(e.id) > BigInt(events[i - 1].id));

describe('events in commit order across two instances on PostgreSQL', () => {
  let database: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  const sockets: Socket[] = [];
  const connect = async (url: string, userId: string, roles: string[] = []) => {
    const socket = await connectUrl(url, tokenFor(userId, { username: userId, roles }));
    sockets.push(socket);
    return socket;
  };
  const donate = async (socket: Socket, to: string, token: number) => {
    const answer = (await socket.timeout(20_000).emitWithAck('balance:donateToken', { data: { targetUser: to, token } })) as Envelope;
    expect(answer.error.code).toBe(0);
  };
  const fund = async (socket: Socket, userId: string, amount: number) => {
    const answer = (await socket.timeout(20_000).emitWithAck('balance:addUserBalanceByAdmin', { data: { targetUser: userId, amount } })) as Envelope;
    expect(answer.error.code).toBe(0);
  };

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const env = { DATABASE_URL: database.url, ...NO_RATE_LIMITS };
    a = await startServerProcess(env);
    b = await startServerProcess(env);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await a?.kill();
    await b?.kill();
    await database?.drop();
  });

  it('readers polling with next while both instances commit see every event exactly once, in order', async () => {
    const users = Array.from({ length: 8 }, (_, i) => `order-${i}`);
    const rootA = await connect(a.url, 'order-root', ['admin']);
    const onA = await Promise.all(users.map((u) => connect(a.url, u)));
    const onB = await Promise.all(users.map((u) => connect(b.url, u)));
    for (const u of users) await fund(rootA, u, 1000);

    let last: string | null = null;
    const readers = [reader([a.url], 7, () => last), reader([b.url], 50, () => last), reader([a.url, b.url], 13, () => last)];
    // Every user donates to the next one from both instances at once: batches on both, contending for accounts.
    const rounds = 25;
    await Promise.all(
      [...onA, ...onB].map(async (socket, i) => {
        for (let r = 0; r < rounds; r++) await donate(socket, users[(i + 1) % users.length], 1);
      }),
    );
    const all = await everything(b.url);
    last = all.at(-1)!.id;
    await Promise.all(readers.map((r) => r.done));

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const [{ count }] = (await client.query<{ count: string }>('SELECT count(*) AS count FROM ledger_transactions')).rows;
      // Every committed transaction has exactly one event, and the feed holds them all.
      const committed = all.filter((e) => e.type === 'transaction.committed');
      expect(committed).toHaveLength(Number(count));
      expect(committed).toHaveLength(users.length + 2 * users.length * rounds);
      expect(new Set(committed.map((e) => e.transactionId)).size).toBe(committed.length);
    } finally {
      await client.end();
    }
    expect(ascending(all)).toBe(true);
    for (const r of readers) expect(r.seen.map((e) => e.id)).toEqual(all.map((e) => e.id));
  });

  it('an event written before a later one commits is not passed over: it gets an id after the ones already read', async () => {
    // The classic trap: with ids taken when a row is written, an event whose transaction commits
    // late has an id lower than events a reader has already passed, and is never read.
    const rootB = await connect(b.url, 'trap-root', ['admin']);
    await connect(a.url, 'trap-frozen');
    await connect(b.url, 'trap-to');
    const donor = await connect(b.url, 'trap-donor');
    await fund(rootB, 'trap-donor', 10);
    let { next } = await page(b.url, undefined, 1000);
    for (let drained = false; !drained; ) ({ next, drained } = await page(b.url, next, 1000).then((p) => ({ next: p.next, drained: p.events.length === 0 })));

    // A freeze through A writes its user.frozen event, then waits for the audit trail's head row,
    // which this connection holds: its transaction stays open with the event row written.
    const blocker = new pg.Client({ connectionString: database.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('SELECT * FROM audit_chain_head FOR UPDATE');
    const freezing = fetch(`${a.url}/back-api/backoffice/user/trap-frozen/freeze`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ scope: 'debits', reason: 'held open' }),
    });
    const watcher = new pg.Client({ connectionString: database.url });
    await watcher.connect();
    try {
      const waiting = async () =>
        Number(
          (
            await watcher.query<{ n: string }>(
              "SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%audit_chain_head%' AND pid <> pg_backend_pid()",
            )
          ).rows[0].n,
        );
      // The freeze's transaction waits for the lock, its event row written (uncommitted, so unseen).
      for (let polls = 0; (await waiting()) === 0 && polls < 2000; polls++) await sleep(5);
      expect(await waiting()).toBe(1);

      // Meanwhile B commits donations, and a reader passes their events.
      for (let i = 0; i < 3; i++) await donate(donor, 'trap-to', 1);
      const passed: Event[] = [];
      while (passed.filter((e) => e.type === 'transaction.committed').length < 3) {
        const p = await page(b.url, next, 1000);
        passed.push(...p.events);
        next = p.next;
      }
      expect(passed.map((e) => e.type)).toEqual(['transaction.committed', 'transaction.committed', 'transaction.committed']);

      // The freeze commits now. The reader, asking on from where it stands, still receives it.
      await blocker.query('COMMIT');
      expect((await freezing).status).toBe(200);
      let after: Event[] = [];
      // Its id comes once it is sequenced (right after its commit); a reader asks a few times.
      for (let polls = 0; after.length === 0 && polls < 200; polls++) {
        after = (await page(polls % 2 ? a.url : b.url, next, 1000)).events;
        if (after.length === 0) await sleep(10);
      }
      expect(after).toEqual([expect.objectContaining({ type: 'user.frozen', userId: 'trap-frozen' })]);
      expect(BigInt(after[0].id)).toBeGreaterThan(BigInt(passed.at(-1)!.id));
    } finally {
      await blocker.end().catch(() => undefined);
      await watcher.end();
    }
  });
});
