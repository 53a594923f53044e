import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { ProductsService } from '../../src/subscriptions/products.service.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { bo, http, type HttpClient } from '../support/http-client.js';
import { call, connect } from '../support/socket-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { tokenFor } from '../support/tokens.js';

type Event = { id: string; type: string; schemaVersion: number; createdAt: string; [field: string]: unknown };
const OK = { status: false, code: 0, message: '' };
const DAY = 86_400;

/** Does this event concern one of these users (an entry of theirs, or their own field)? */
const concerns = (event: Event, users: readonly string[]) =>
  users.includes(event.userId as string) || ((event.entries as Array<{ account: string }> | undefined) ?? []).some((e) => users.includes(e.account));

describe.each(DATABASE_KINDS)('events feed on %s', (kind) => {
  let app: RunningApp;
  let api: HttpClient;
  let root: Socket;
  const sockets: Socket[] = [];
  /** Where the tests' reader stands: every test reads on from here. */
  let cursor: string;

  /** Every event after `after`, paging with `next`, and where the reader ends. */
  const readAll = async (after: string | undefined, limit = 1000): Promise<{ events: Event[]; next: string }> => {
    const events: Event[] = [];
    let next = after;
    for (;;) {
      const page = await api.get(bo(`/events?${next === undefined ? '' : `after=${next}&`}limit=${limit}`));
      expect(page.status).toBe(200);
      events.push(...(page.body.events as Event[]));
      if (page.body.events.length === 0) return { events, next: page.body.next as string };
      next = page.body.next;
    }
  };
  /** The events since the last call (of the test's users only: due work of other tests may interleave). */
  const newEvents = async (...users: string[]): Promise<Event[]> => {
    const { events, next } = await readAll(cursor);
    cursor = next;
    return users.length === 0 ? events : events.filter((e) => concerns(e, users));
  };
  const socketOf = async (userId: string, roles: string[] = []) => {
    const socket = await connect(app, tokenFor(userId, { username: userId, roles }));
    sockets.push(socket);
    known.add(userId);
    return socket;
  };
  /** Users are created by their first authenticated connection. */
  const known = new Set<string>();
  const credit = async (userId: string, amount: string) => {
    if (!known.has(userId)) await socketOf(userId);
    const answer = await api.post(bo(`/user/${userId}/adjustments`), { asset: 'rents', amount, comment: 'seed' });
    expect(answer.status).toBe(201);
    return answer.body.transactionId as string;
  };
  const shownTransaction = async (transactionId: string) => (await api.get(bo(`/transactions/${transactionId}`))).body as Record<string, unknown>;
  /** The transaction.committed event a transaction must have: what GET /transactions/{id} shows of it. */
  const committedEventOf = async (transactionId: string) => {
    const { reversedBy: _reversedBy, comment: _comment, actor: _actor, ...shown } = await shownTransaction(transactionId);
    return { type: 'transaction.committed', schemaVersion: 1, ...shown };
  };
  const advance = async (seconds: number) => expect((await api.post(bo('/test-clock/advance'), { seconds })).status).toBe(200);

  beforeAll(async () => {
    app = await startApp(kind, { ENABLE_TEST_CLOCK: 'true' });
    api = http(app);
    root = await socketOf('events-admin', ['admin', 'network-admin']);
    const products = app.app.get(ProductsService);
    await products.put('room', 'ev-room', 'ev-owner', [{ plan: 'subscription_week', price: '5' }]);
    cursor = (await readAll(undefined)).next;
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await app?.close();
  });

  it('a donation writes exactly its transaction.committed, with every entry as GET /transactions/{id} shows it', async () => {
    const seeded = await credit('ev-don-a', '10');
    await socketOf('ev-don-b');
    const donor = await socketOf('ev-don-a');
    const donated = await call(donor, 'balance:donateToken', { data: { targetUser: 'ev-don-b', token: 2.5 } });
    expect(donated.error).toEqual(OK);
    const events = await newEvents('ev-don-a', 'ev-don-b');
    expect(events).toHaveLength(2);
    const [seed, donation] = events;
    expect(seed).toEqual({ id: expect.any(String), ...(await committedEventOf(seeded)) });
    // A system account has `account` and no `userId`; amounts are signed decimal strings.
    expect(seed.entries).toContainEqual({ account: 'system:issuer', asset: 'rents', amount: '-10', type: 'system', action: 'adjustment', balanceAfter: expect.any(String) });
    expect(donation).toMatchObject({ type: 'transaction.committed', kind: expect.any(String), action: 'donation' });
    expect(donation).toEqual({ id: expect.any(String), ...(await committedEventOf(donation.transactionId as string)) });
    expect(donation.entries).toEqual([
      { userId: 'ev-don-a', account: 'ev-don-a', asset: 'rents', amount: '-2.5', type: 'spending', action: 'donation', balanceAfter: '7.5' },
      { userId: 'ev-don-b', account: 'ev-don-b', asset: 'rents', amount: '2.5', type: 'mining', action: 'donation', balanceAfter: '2.5' },
    ]);
    expect(BigInt(donation.id)).toBeGreaterThan(BigInt(seed.id));
  });

  it('a refused change writes no event: insufficient funds, a frozen user, a refused hold', async () => {
    await credit('ev-ref-a', '1');
    await socketOf('ev-ref-b');
    const donor = await socketOf('ev-ref-a');
    await newEvents();
    expect((await call(donor, 'balance:donateToken', { data: { targetUser: 'ev-ref-b', token: 5 } })).error).toMatchObject({ code: 422 });
    expect((await api.post(bo('/user/ev-ref-a/holds'), { asset: 'rents', amount: '3', reason: 'too much' })).status).toBe(422);
    expect((await api.put(bo('/user/ev-ref-a/freeze'), { scope: 'debits', reason: 'check' })).status).toBe(200);
    expect((await call(donor, 'balance:donateToken', { data: { targetUser: 'ev-ref-b', token: 0.5 } })).error).toMatchObject({ code: 423 });
    expect((await newEvents('ev-ref-a', 'ev-ref-b')).map((e) => e.type)).toEqual(['user.frozen']);
  });

  it('a change rolled back after it wrote leaves no event, and the units batched with it keep theirs', async () => {
    // A subscription is inserted (with its event) before its charge is refused for want of funds:
    // the whole unit rolls back, while the donations sent at the same time commit.
    const poor = await socketOf('ev-rb-poor');
    await credit('ev-rb-rich', '100');
    await socketOf('ev-rb-to');
    const rich = await socketOf('ev-rb-rich');
    await newEvents();
    const [refused, ...donations] = await Promise.all([
      call(poor, 'balance:createRoomSubscription', { data: { roomId: 'ev-room', subscriptionPlan: 'subscription_week' } }),
      ...Array.from({ length: 20 }, () => call(rich, 'balance:donateToken', { data: { targetUser: 'ev-rb-to', token: 1 } })),
    ]);
    expect(refused.error).toMatchObject({ code: 422 });
    donations.forEach((d) => expect(d.error).toEqual(OK));
    const events = await newEvents('ev-rb-poor', 'ev-rb-rich', 'ev-rb-to');
    expect(events.map((e) => e.type)).toEqual(Array(20).fill('transaction.committed'));
    expect(events.every((e) => e.action === 'donation')).toBe(true);
  });

  it('holds: placed, captured (with its transaction, in the same commit), released, expired', async () => {
    await credit('ev-hold', '100');
    await newEvents();
    const place = async (amount: string, expiresAt?: string) => {
      const answer = await api.post(bo('/user/ev-hold/holds'), { asset: 'rents', amount, reason: 'order', ...(expiresAt ? { expiresAt } : {}) });
      expect(answer.status).toBe(201);
      return answer.body.holdId as string;
    };
    const captured = await place('10');
    const released = await place('3');
    const clockNow = Date.parse((await api.post(bo('/test-clock/advance'), { seconds: 0 })).body.now);
    const expiring = await place('2', new Date(clockNow + 60_000).toISOString());
    expect((await api.post(bo(`/holds/${captured}/capture`), { amount: '4' })).status).toBe(200);
    expect((await api.post(bo(`/holds/${released}/release`))).status).toBe(200);
    await advance(120);
    const events = await newEvents('ev-hold');
    const hold = (type: string, holdId: string, amount: string) => ({ id: expect.any(String), type, schemaVersion: 1, createdAt: expect.any(String), holdId, userId: 'ev-hold', asset: 'rents', amount });
    expect(events).toEqual([
      hold('hold.placed', captured, '10'),
      hold('hold.placed', released, '3'),
      hold('hold.placed', expiring, '2'),
      expect.objectContaining({ type: 'transaction.committed', kind: 'capture', action: 'holdCapture' }),
      hold('hold.captured', captured, '4'),
      hold('hold.released', released, '3'),
      hold('hold.expired', expiring, '2'),
    ]);
    expect(events[3]).toEqual({ id: expect.any(String), ...(await committedEventOf(events[3].transactionId as string)) });
  });

  it('subscriptions: created with its charge, renewed, expired for want of funds and by an operator', async () => {
    await credit('ev-sub', '12');
    const subscriber = await socketOf('ev-sub');
    await newEvents();
    const created = await call(subscriber, 'balance:createRoomSubscription', { data: { roomId: 'ev-room', subscriptionPlan: 'subscription_week' } });
    expect(created.error).toEqual(OK);
    await advance(7 * DAY + 60); // renewed: 12 - 5 - 5 = 2 left
    await advance(7 * DAY); // 2 < 5: expires
    const events = await newEvents('ev-sub');
    const subscription = (type: string, extra: object = {}) => ({ id: expect.any(String), type, schemaVersion: 1, createdAt: expect.any(String), subscriptionId: expect.any(String), userId: 'ev-sub', roomId: 'ev-room', plan: 'subscription_week', ...extra });
    expect(events).toEqual([
      subscription('subscription.created'),
      expect.objectContaining({ type: 'transaction.committed', action: 'roomSubscription' }),
      expect.objectContaining({ type: 'transaction.committed', action: 'roomSubscription' }),
      subscription('subscription.renewed'),
      subscription('subscription.expired', { reason: 'insufficient_funds' }),
    ]);
    expect(new Set(events.filter((e) => e.subscriptionId).map((e) => e.subscriptionId)).size).toBe(1);

    await credit('ev-sub', '10');
    expect((await call(subscriber, 'balance:createRoomSubscription', { data: { roomId: 'ev-room', subscriptionPlan: 'subscription_week' } })).error).toEqual(OK);
    const second = (await newEvents('ev-sub')).find((e) => e.type === 'subscription.created')!;
    expect((await api.post(bo(`/subscriptions/${second.subscriptionId as string}/expire`))).status).toBe(200);
    expect((await call(root, 'balance:expireRoomSubscription', { data: { roomId: 'ev-room', targetUser: 'ev-sub' } })).error).toMatchObject({ code: 404 });
    expect(await newEvents('ev-sub')).toEqual([subscription('subscription.expired', { subscriptionId: second.subscriptionId, reason: 'admin' })]);
  });

  it('freezes: user.frozen (again on a change of scope) and user.unfrozen; lifting no freeze writes nothing', async () => {
    await socketOf('ev-frz');
    await newEvents();
    expect((await api.put(bo('/user/ev-frz/freeze'), { scope: 'debits', reason: 'Chargeback #1' })).status).toBe(200);
    expect((await api.put(bo('/user/ev-frz/freeze'), { scope: 'all', reason: 'Chargeback #2' })).status).toBe(200);
    expect((await api.delete(bo('/user/ev-frz/freeze'))).status).toBe(200);
    expect((await api.delete(bo('/user/ev-frz/freeze'))).status).toBe(200);
    const base = { id: expect.any(String), schemaVersion: 1, createdAt: expect.any(String), userId: 'ev-frz' };
    expect(await newEvents('ev-frz')).toEqual([
      { ...base, type: 'user.frozen', scope: 'debits', reason: 'Chargeback #1' },
      { ...base, type: 'user.frozen', scope: 'all', reason: 'Chargeback #2' },
      { ...base, type: 'user.unfrozen' },
    ]);
  });

  it('a reversal is a transaction.committed naming what it reverses', async () => {
    const original = await credit('ev-rev', '5');
    await newEvents();
    const reversed = await api.post(bo(`/transactions/${original}/reversals`), { comment: 'typo' }, { headers: { 'idempotency-key': 'ev-rev-1' } });
    expect(reversed.status).toBe(201);
    const events = await newEvents('ev-rev');
    expect(events).toEqual([{ id: expect.any(String), ...(await committedEventOf(reversed.body.transactionId as string)) }]);
    expect(events[0]).toMatchObject({ kind: 'reversal', reverses: original });
  });

  it('pages oldest first: next is the last id, or after itself when nothing is new; a bad after or limit is 400', async () => {
    const all = await readAll(undefined, 7);
    const ids = all.events.map((e) => BigInt(e.id));
    expect(ids.length).toBeGreaterThan(20);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : 1)));
    expect(new Set(ids).size).toBe(ids.length);
    expect(all.next).toBe(all.events.at(-1)!.id);
    // The same events in one page, and from the middle on.
    expect((await readAll(undefined)).events).toEqual(all.events);
    const middle = all.events[10].id;
    const page = await api.get(bo(`/events?after=${middle}&limit=3`));
    expect(page.body).toEqual({ events: all.events.slice(11, 14), next: all.events[13].id });
    // Nothing new: next stays where the reader is, even beyond the last id.
    expect((await api.get(bo(`/events?after=${all.next}`))).body).toEqual({ events: [], next: all.next });
    expect((await api.get(bo('/events?after=999999999999'))).body).toEqual({ events: [], next: '999999999999' });
    // The default page is 100 events.
    expect((await api.get(bo('/events'))).body.events).toEqual(all.events.slice(0, 100));
    for (const query of ['after=-1', 'after=abc', 'after=01', 'limit=0', 'limit=1001', 'limit=2.5', 'limit=x', 'other=1']) {
      expect((await api.get(bo(`/events?${query}`))).status).toBe(400);
    }
    expect((await api.get(bo('/events'), { token: tokenFor('not-admin') })).status).toBe(403);
  });
});

describe.each(DATABASE_KINDS)('events retention on %s', (kind) => {
  let app: RunningApp;
  let api: HttpClient;

  beforeAll(async () => {
    app = await startApp(kind, { ENABLE_TEST_CLOCK: 'true', EVENTS_RETENTION_DAYS: '2' });
    api = http(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('purges events older than EVENTS_RETENTION_DAYS; after below the highest purged id is 410, at it or above is not', async () => {
    const credit = async (userId: string) => {
      // A user is created by its first authenticated request.
      expect((await api.get(bo('/events?limit=1'), { token: tokenFor(userId) })).status).toBe(403);
      expect((await api.post(bo(`/user/${userId}/adjustments`), { asset: 'rents', amount: '1', comment: 'old' })).status).toBe(201);
    };
    await credit('ret-1');
    await credit('ret-2');
    const old = (await api.get(bo('/events'))).body.events as Event[];
    expect(old.length).toBeGreaterThanOrEqual(2);
    // One day on: kept (at least the retention period).
    expect((await api.post(bo('/test-clock/advance'), { seconds: DAY })).status).toBe(200);
    expect((await api.get(bo('/events'))).body.events.slice(0, old.length)).toEqual(old);
    await credit('ret-3');
    // Two more days: the first two are older than two days, the third is not.
    expect((await api.post(bo('/test-clock/advance'), { seconds: 1.5 * DAY })).status).toBe(200);
    const kept = (await api.get(bo('/events'))).body.events as Event[];
    const lastPurged = old.at(-1)!.id;
    expect(kept.every((e) => BigInt(e.id) > BigInt(lastPurged))).toBe(true);
    expect(kept.some((e) => e.type === 'transaction.committed' && (e.entries as Array<{ account: string }>).some((x) => x.account === 'ret-3'))).toBe(true);
    const gone = await api.get(bo(`/events?after=${old[0].id}`));
    expect(gone.status).toBe(410);
    expect(gone.body.message).toContain('purged');
    expect((await api.get(bo('/events?after=0'))).status).toBe(410);
    // At the highest purged id, the reader has missed nothing.
    const resumed = await api.get(bo(`/events?after=${lastPurged}`));
    expect(resumed.status).toBe(200);
    expect(resumed.body.events).toEqual(kept);
  });
});
