import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { Socket } from 'socket.io-client';
import { Db } from '../../src/database/db.service.js';
import { ProductsService } from '../../src/subscriptions/products.service.js';
import { startApp, startAppOn, type RunningApp } from '../support/app-harness.js';
import { bo, http, type HttpClient } from '../support/http-client.js';
import { addLegacyUser, legacyCall, legacyXml, sha1Hex, usdBalance } from '../support/legacy-client.js';
import { call, connect, sleep, type Envelope } from '../support/socket-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { tokenFor } from '../support/tokens.js';

const OK = { status: false, code: 0, message: '' };
const FROZEN = { status: true, code: 423, message: 'Account is frozen' };
const SECRET = 'freezes-legacy-secret-0123';
const DAY = 86_400;
const rents = (n: number) => BigInt(Math.round(n * 1e8));

describe.each(DATABASE_KINDS)('freezes on %s', (kind) => {
  let app: RunningApp;
  let api: HttpClient;
  let root: Socket;
  const sockets = new Map<string, Socket>();

  /** The user's socket (connecting also makes the user known, as a first authenticated call does). */
  const socketOf = async (userId: string) => {
    let socket = sockets.get(userId);
    if (!socket) sockets.set(userId, (socket = await connect(app, tokenFor(userId, { username: userId }))));
    return socket;
  };
  const balance = async (userId: string, asset = 'rents') => {
    const rows = await app.app.get(Db).query<{ balance: string }>('SELECT balance FROM accounts WHERE owner_id = ? AND asset = ?', [userId, asset]);
    return rows.length ? BigInt(rows[0].balance) : 0n;
  };
  const credit = async (userId: string, amount: number) =>
    expect((await call(root, 'balance:addUserBalanceByAdmin', { data: { targetUser: userId, amount } })).error).toEqual(OK);
  const freeze = (userId: string, scope: 'all' | 'debits', reason = 'Investigation') => api.put(bo(`/user/${userId}/freeze`), { scope, reason });
  const unfreeze = (userId: string) => api.delete(bo(`/user/${userId}/freeze`));
  const donate = async (from: string, to: string, token: number): Promise<Envelope> => call(await socketOf(from), 'balance:donateToken', { data: { targetUser: to, token } });
  const applyAction = (userId: string, action: string) => api.post(bo(`/user/${userId}/token-actions/${action}`));
  const advance = async (seconds: number): Promise<number> => {
    const answer = await api.post(bo('/test-clock/advance'), { seconds });
    expect(answer.status).toBe(200);
    return Date.parse((answer.body as { now: string }).now);
  };
  const legacyUpdate = (userId: string, amount: string) =>
    legacyCall(app.url, '/billing/api/user_balance_update', { query: { user_id: userId, balance: amount, u: 'ops', hash: sha1Hex(userId, amount, '', SECRET) } });
  const legacyGet = (username: string) => legacyCall(app.url, '/billing/api/user_balance_get', { query: { username, hash: sha1Hex(username, '', SECRET) } });
  const subscriptionsOf = async (userId: string) => (await api.get(bo(`/user/${userId}/subscriptions`))).body as Array<Record<string, unknown>>;
  const frozenRefusal = (userId: string) => ({ status: 423, body: { statusCode: 423, message: `User ${userId} is frozen` } });

  beforeAll(async () => {
    app = await startApp(kind, { ENABLE_TEST_CLOCK: 'true', LEGACY_API_SECRET: SECRET, LEGACY_HASH_FAIL_LIMIT: '1000' });
    api = http(app);
    root = await connect(app, tokenFor('admin-1', { roles: ['admin', 'network-admin'] }));
    await addLegacyUser(app, { id: 'ops-1', username: 'ops', roles: ['admin'] });
    const products = app.app.get(ProductsService);
    await products.put('room', 'owned-room', 'room-owner', [{ plan: 'subscription_week', price: '5' }]);
    await products.put('room', 'weekly-only', null, [{ plan: 'subscription_week', price: '10' }]);
    await products.put('room', 'free-room', null, [{ plan: 'free', price: '0' }]);
    for (const [action, type] of [['frzSpend', 'spending'], ['frzMine', 'mining'], ['frzBuy', 'buying']]) {
      const saved = await api.put(bo(`/token-actions/${action}`), { type, token: '1', price: '0', category: 'event', description: action });
      expect(saved.status).toBe(200);
    }
  });
  afterAll(async () => {
    root?.close();
    sockets.forEach((s) => s.close());
    await app?.close();
  });

  it('freezes and unfreezes through PUT and DELETE, shown on the user and in the users list', async () => {
    await socketOf('shown-1');
    const before = await advance(0);
    const frozen = await freeze('shown-1', 'debits', 'Chargeback #1');
    const after = await advance(0);
    expect(frozen).toMatchObject({ status: 200, body: { userId: 'shown-1', frozen: { scope: 'debits', reason: 'Chargeback #1', by: 'admin-1' } } });
    const since = Date.parse(frozen.body.frozen.since);
    expect(since).toBeGreaterThanOrEqual(before);
    expect(since).toBeLessThanOrEqual(after);
    expect((await api.get(bo('/user/shown-1'))).body).toMatchObject({ userId: 'shown-1', frozen: frozen.body.frozen });
    expect((await api.get(bo('/users?search=shown-1'))).body.data).toEqual([expect.objectContaining({ userId: 'shown-1', frozen: frozen.body.frozen })]);

    // A second PUT changes scope and reason; the freeze has been on since the first.
    const widened = await freeze('shown-1', 'all', 'Confirmed fraud');
    expect(widened).toMatchObject({ status: 200, body: { frozen: { scope: 'all', reason: 'Confirmed fraud', since: frozen.body.frozen.since, by: 'admin-1' } } });

    expect(await unfreeze('shown-1')).toMatchObject({ status: 200, body: { userId: 'shown-1', frozen: null } });
    expect(await unfreeze('shown-1')).toMatchObject({ status: 200, body: { userId: 'shown-1', frozen: null } });
    expect((await api.get(bo('/user/shown-1'))).body).toMatchObject({ frozen: null });
    expect((await api.get(bo('/users?search=shown-1'))).body.data).toEqual([expect.objectContaining({ frozen: null })]);
  });

  it('answers 404 for an unknown user and 400 for a bad body, without an Idempotency-Key', async () => {
    await socketOf('valid-1');
    const unknown = { status: 404, body: { statusCode: 404, message: 'User with id:ghost-9 not found.' } };
    expect(await freeze('ghost-9', 'all')).toMatchObject(unknown);
    expect(await unfreeze('ghost-9')).toMatchObject(unknown);
    for (const body of [{ reason: 'x' }, { scope: 'credits', reason: 'x' }, { scope: 'all' }, { scope: 'all', reason: '' }, { scope: 'all', reason: 'x'.repeat(1001) }]) {
      expect(await api.put(bo('/user/valid-1/freeze'), body)).toMatchObject({ status: 400, body: { statusCode: 400 } });
    }
    expect((await api.get(bo('/user/valid-1'))).body).toMatchObject({ frozen: null });
  });

  it('debits: refuses money out on the socket, REST and legacy XML, and changes nothing', async () => {
    await socketOf('deb-1');
    await socketOf('friend-1');
    await credit('deb-1', 20);
    await addLegacyUser(app, { id: 'deb-1', username: 'deb-1' });
    expect((await api.post(bo('/user/deb-1/adjustments'), { asset: 'usd', amount: '5', comment: 'seed' })).status).toBe(201);
    expect(await freeze('deb-1', 'debits')).toMatchObject({ status: 200 });

    expect(await donate('deb-1', 'friend-1', 1)).toEqual({ error: FROZEN });
    expect(await call(await socketOf('deb-1'), 'balance:createRoomSubscription', { data: { roomId: 'weekly-only', subscriptionPlan: 'subscription_week' } })).toEqual({ error: FROZEN });
    expect(await applyAction('deb-1', 'frzSpend')).toMatchObject(frozenRefusal('deb-1'));
    expect(await legacyUpdate('deb-1', '-1')).toMatchObject({ status: 200, body: legacyXml.pageError('User balance not updated') });

    expect(await balance('deb-1')).toBe(rents(20));
    expect(await usdBalance(app, 'deb-1')).toBe(500n);
    expect(await subscriptionsOf('deb-1')).toEqual([]);
    // Reads are never refused.
    expect((await call(await socketOf('deb-1'), 'balance:getTransactions')).error).toEqual(OK);
    expect((await api.get(bo('/user/deb-1/balance'))).status).toBe(200);
    expect((await legacyGet('deb-1')).body).toBe(legacyXml.balance('5.00'));
    await unfreeze('deb-1');
  });

  it('debits: money still comes in, operators still correct, hold and capture', async () => {
    await socketOf('deb-2');
    await socketOf('giver-2');
    await credit('giver-2', 10);
    await addLegacyUser(app, { id: 'deb-2', username: 'deb-2' });
    expect(await freeze('deb-2', 'debits')).toMatchObject({ status: 200 });

    expect((await donate('giver-2', 'deb-2', 3)).error).toEqual(OK);
    expect(await applyAction('deb-2', 'frzMine')).toMatchObject({ status: 201 });
    expect(await applyAction('deb-2', 'frzBuy')).toMatchObject({ status: 201 });
    expect(await legacyUpdate('deb-2', '2')).toMatchObject({ body: legacyXml.updated('deb-2', 'deb-2', '2.00') });
    expect(await balance('deb-2')).toBe(rents(5));
    expect(await usdBalance(app, 'deb-2')).toBe(200n);
    expect(await unfreeze('deb-2')).toMatchObject({ status: 200 });
  });

  it('all: refuses money in as well, while operators still credit, withdraw, hold, capture and release', async () => {
    await socketOf('all-1');
    await socketOf('giver-3');
    await credit('giver-3', 10);
    await credit('all-1', 10);
    await addLegacyUser(app, { id: 'all-1', username: 'all-1' });
    expect(await freeze('all-1', 'all')).toMatchObject({ status: 200 });

    expect(await donate('giver-3', 'all-1', 1)).toEqual({ error: FROZEN });
    expect(await donate('all-1', 'giver-3', 1)).toEqual({ error: FROZEN });
    expect(await applyAction('all-1', 'frzMine')).toMatchObject(frozenRefusal('all-1'));
    expect(await applyAction('all-1', 'frzBuy')).toMatchObject(frozenRefusal('all-1'));
    expect(await applyAction('all-1', 'frzSpend')).toMatchObject(frozenRefusal('all-1'));
    expect(await legacyUpdate('all-1', '1')).toMatchObject({ body: legacyXml.pageError('User balance not updated') });
    expect(await legacyUpdate('all-1', '-1')).toMatchObject({ body: legacyXml.pageError('User balance not updated') });
    expect(await balance('all-1')).toBe(rents(10));
    expect(await balance('giver-3')).toBe(rents(10));
    expect(await usdBalance(app, 'all-1')).toBe(0n);

    // Operators: REST adjustments both ways, the socket's admin credit and withdrawal, holds.
    expect(await api.post(bo('/user/all-1/adjustments'), { asset: 'rents', amount: '2', comment: 'fix' })).toMatchObject({ status: 201 });
    expect(await api.post(bo('/user/all-1/adjustments'), { asset: 'rents', amount: '-1', comment: 'fix' })).toMatchObject({ status: 201 });
    await credit('all-1', 3);
    await credit('all-1', -2);
    const held = await api.post(bo('/user/all-1/holds'), { asset: 'rents', amount: '4', reason: 'dispute' });
    expect(held.status).toBe(201);
    expect(await api.post(bo(`/holds/${held.body.holdId as string}/capture`), { amount: '3' })).toMatchObject({ status: 200 });
    const released = await api.post(bo('/user/all-1/holds'), { asset: 'rents', amount: '1', reason: 'dispute' });
    expect(await api.post(bo(`/holds/${released.body.holdId as string}/release`))).toMatchObject({ status: 200 });
    expect(await balance('all-1')).toBe(rents(10 + 2 - 1 + 3 - 2 - 3));
    expect(await unfreeze('all-1')).toMatchObject({ status: 200 });
    expect((await donate('giver-3', 'all-1', 1)).error).toEqual(OK);
  });

  it('an open hold keeps its expiry on a frozen user', async () => {
    await socketOf('hold-1');
    await credit('hold-1', 10);
    const now = await advance(0);
    const held = await api.post(bo('/user/hold-1/holds'), { asset: 'rents', amount: '4', reason: 'pending', expiresAt: new Date(now + 3600_000).toISOString() });
    expect(held.status).toBe(201);
    expect(await freeze('hold-1', 'all')).toMatchObject({ status: 200 });
    await advance(2 * 3600);
    const holds = (await api.get(bo('/user/hold-1/holds'))).body as Array<{ holdId: string; status: string }>;
    expect(holds.find((h) => h.holdId === held.body.holdId)).toMatchObject({ status: 'expired' });
    expect((await api.get(bo('/user/hold-1/balance'))).body).toEqual([{ asset: 'rents', balance: 10 }]);
    await unfreeze('hold-1');
  });

  it("a frozen owner still receives subscription payments, and a free plan is no movement", async () => {
    await socketOf('room-owner');
    await socketOf('fan-1');
    await credit('fan-1', 10);
    expect(await freeze('room-owner', 'all')).toMatchObject({ status: 200 });
    const ownerBefore = await balance('room-owner');
    expect((await call(await socketOf('fan-1'), 'balance:createRoomSubscription', { data: { roomId: 'owned-room', subscriptionPlan: 'subscription_week' } })).error).toEqual(OK);
    await advance(7 * DAY + 60); // the renewal pays the frozen owner too
    expect(await balance('fan-1')).toBe(0n);
    expect((await balance('room-owner')) - ownerBefore).toBe(rents(10));
    expect(await freeze('fan-1', 'all')).toMatchObject({ status: 200 });
    expect((await call(await socketOf('fan-1'), 'balance:createRoomSubscription', { data: { roomId: 'free-room', subscriptionPlan: 'free' } })).error).toEqual(OK);
    await unfreeze('fan-1');
    await unfreeze('room-owner');
  });

  it('defers a renewal that falls due while frozen: charged once at the unfreeze, for the period then running', async () => {
    const s = await socketOf('renew-1');
    await credit('renew-1', 25);
    expect((await call(s, 'balance:createRoomSubscription', { data: { roomId: 'weekly-only', subscriptionPlan: 'subscription_week' } })).error).toEqual(OK);
    const [created] = await subscriptionsOf('renew-1');
    expect(await freeze('renew-1', 'debits')).toMatchObject({ status: 200 });

    await advance(7 * DAY + 60);
    await advance(7 * DAY); // a second period passes while frozen
    const [waiting] = await subscriptionsOf('renew-1');
    expect(waiting).toMatchObject({ status: 'active', periodIndex: 0, periodEnd: created.periodEnd });
    expect(await balance('renew-1')).toBe(rents(15));

    const unfrozenAt = await advance(0);
    expect(await unfreeze('renew-1')).toMatchObject({ status: 200 });
    const [renewed] = await subscriptionsOf('renew-1');
    expect(renewed).toMatchObject({ status: 'active', periodIndex: 2 });
    expect(Date.parse(renewed.periodStart as string)).toBeLessThanOrEqual(unfrozenAt);
    expect(Date.parse(renewed.periodEnd as string)).toBeGreaterThan(unfrozenAt);
    expect(await balance('renew-1')).toBe(rents(5)); // one charge, not two
    const charges = await app.app.get(Db).query<{ metadata: string }>(`SELECT metadata FROM ledger_transactions WHERE kind = 'subscription' AND metadata LIKE ?`, [`%${created.id as string}%`]);
    expect(charges.map((c) => (JSON.parse(c.metadata) as { period: number }).period).sort()).toEqual([0, 2]);

    // Then it renews as usual.
    await credit('renew-1', 5);
    await advance(7 * DAY);
    expect(await balance('renew-1')).toBe(0n);
    expect((await subscriptionsOf('renew-1'))[0]).toMatchObject({ status: 'active', periodIndex: 3 });
  });

  it('a deferred renewal without funds expires at the unfreeze, not before', async () => {
    const s = await socketOf('renew-2');
    await credit('renew-2', 10);
    expect((await call(s, 'balance:createRoomSubscription', { data: { roomId: 'weekly-only', subscriptionPlan: 'subscription_week' } })).error).toEqual(OK);
    expect(await freeze('renew-2', 'all')).toMatchObject({ status: 200 });
    await advance(8 * DAY);
    expect((await subscriptionsOf('renew-2'))[0]).toMatchObject({ status: 'active', endedAt: null });
    const unfrozenAt = await advance(0);
    expect(await unfreeze('renew-2')).toMatchObject({ status: 200 });
    const [ended] = await subscriptionsOf('renew-2');
    expect(ended).toMatchObject({ status: 'expired', endedReason: 'insufficient_funds' });
    expect(Date.parse(ended.endedAt as string)).toBeGreaterThanOrEqual(unfrozenAt);
  });

  it('a freeze racing a burst of donations: every donation is either refused or taken whole, none after the freeze answered', async () => {
    await socketOf('racer-1');
    await socketOf('sink-1');
    await credit('racer-1', 40);
    const donations = Array.from({ length: 30 }, () => donate('racer-1', 'sink-1', 1));
    const frozen = freeze('racer-1', 'debits');
    const answers = await Promise.all(donations);
    expect((await frozen).status).toBe(200);
    for (const answer of answers) expect([OK, FROZEN]).toContainEqual(answer.error);
    const taken = answers.filter((a) => !a.error.status).length;
    expect(await balance('racer-1')).toBe(rents(40 - taken));
    expect(await balance('sink-1')).toBe(rents(taken));
    expect(await donate('racer-1', 'sink-1', 1)).toEqual({ error: FROZEN });
    await unfreeze('racer-1');
  });

  it('leaves the ledger consistent', async () => {
    expect((await api.get(bo('/ledger/check'))).body).toMatchObject({ ok: true, failures: [] });
  });
});

/**
 * The ordering that matters on PostgreSQL, where transactions run side by side (SQLite has one
 * writer). A raw connection holds the locks a transaction in flight would hold.
 */
describe.each(DATABASE_KINDS.filter((k) => k === 'postgres'))('freezes and postings in flight on %s', (kind) => {
  let app: RunningApp;
  /** A second instance on the same database: one instance runs its transactions one batch after another. */
  let other: RunningApp;
  let api: HttpClient;
  let root: Socket;
  let raw: pg.Client;
  const sockets: Socket[] = [];
  const open = async (userId: string) => {
    const socket = await connect(app, tokenFor(userId));
    sockets.push(socket);
    return socket;
  };
  /** Waits until some statement of the app waits for a row lock (fails if none comes to wait). */
  const someoneWaitsForALock = async () => {
    for (let attempt = 0; attempt < 500; attempt++) {
      const { rows } = await raw.query<{ n: string }>(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      if (Number(rows[0].n) > 0) return;
      await sleep(10);
    }
    throw new Error('no statement came to wait for the lock');
  };

  beforeAll(async () => {
    app = await startApp(kind);
    api = http(app);
    other = await startAppOn(app.database);
    root = await connect(app, tokenFor('admin-1', { roles: ['admin'] }));
    raw = new pg.Client({ connectionString: app.database.url });
    await raw.connect();
  });
  afterAll(async () => {
    await raw?.end();
    root?.close();
    sockets.forEach((s) => s.close());
    await other?.app.close();
    await app?.close();
  });

  it('a freeze that commits while a donation waits for its accounts stops that donation', async () => {
    const sender = await open('inflight-1');
    await open('inflight-2');
    expect((await call(root, 'balance:addUserBalanceByAdmin', { data: { targetUser: 'inflight-1', amount: 5 } })).error).toEqual(OK);
    // Another transaction holds the sender's account: the donation starts, then waits.
    await raw.query('BEGIN');
    await raw.query(`SELECT id FROM accounts WHERE owner_id = 'inflight-1' FOR UPDATE`);
    const donation = call(sender, 'balance:donateToken', { data: { targetUser: 'inflight-2', token: 1 } });
    await someoneWaitsForALock();
    expect(await http(other).put(bo('/user/inflight-1/freeze'), { scope: 'debits', reason: 'race' })).toMatchObject({ status: 200 });
    await raw.query('ROLLBACK');
    expect(await donation).toEqual({ error: FROZEN });
  });

  it('a donation waits for a freeze in flight on its user, and is refused once it commits', async () => {
    const sender = await open('inflight-3');
    await open('inflight-4');
    expect((await call(root, 'balance:addUserBalanceByAdmin', { data: { targetUser: 'inflight-3', amount: 5 } })).error).toEqual(OK);
    // A freeze in flight: the user's row locked and changed, not yet committed.
    await raw.query('BEGIN');
    await raw.query(`SELECT id FROM users WHERE id = 'inflight-3' FOR UPDATE`);
    await raw.query(`UPDATE users SET frozen_scope = 'debits', frozen_reason = 'race', frozen_since = 0, frozen_by = 'admin-1' WHERE id = 'inflight-3'`);
    const donation = call(sender, 'balance:donateToken', { data: { targetUser: 'inflight-4', token: 1 } });
    await someoneWaitsForALock();
    await raw.query('COMMIT');
    expect(await donation).toEqual({ error: FROZEN });
    expect((await api.get(bo('/user/inflight-3/balance'))).body).toEqual([{ asset: 'rents', balance: 5 }]);
  });

  it('a freeze waits for a donation that has read the user unfrozen, which then commits', async () => {
    const sender = await open('inflight-5');
    await open('inflight-6');
    expect((await call(root, 'balance:addUserBalanceByAdmin', { data: { targetUser: 'inflight-5', amount: 5 } })).error).toEqual(OK);
    // What a posting holds once it has read the freeze: the user's row FOR KEY SHARE.
    await raw.query('BEGIN');
    await raw.query(`SELECT id FROM users WHERE id = 'inflight-5' FOR KEY SHARE`);
    const frozen = api.put(bo('/user/inflight-5/freeze'), { scope: 'debits', reason: 'race' });
    await someoneWaitsForALock();
    await raw.query('COMMIT');
    expect(await frozen).toMatchObject({ status: 200 });
    expect(await call(sender, 'balance:donateToken', { data: { targetUser: 'inflight-6', token: 1 } })).toEqual({ error: FROZEN });
  });
});
