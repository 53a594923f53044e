import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { UsersService } from '../../src/auth/users.service.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { bo, http, type HttpClient } from '../support/http-client.js';
import { collect, connect, sleep, type Envelope } from '../support/socket-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { tokenFor } from '../support/tokens.js';

const OK = { status: false, code: 0, message: '' };

describe.each(DATABASE_KINDS)('backoffice holds, idempotency and catalogs on %s', (kind) => {
  let app: RunningApp;
  let api: HttpClient;
  const sockets: Socket[] = [];
  const credit = async (userId: string, asset: string, amount: string) =>
    expect((await api.post(bo(`/user/${userId}/adjustments`), { asset, amount, comment: 'funding' })).status).toBe(201);
  const balance = async (userId: string, asset: string) =>
    (await api.post(bo('/balances'), { userIds: [userId], asset })).body.data[0].balances[0] as { amount: string; locked: string };
  const hold = async (userId: string, asset: string, amount: string, extra: object = {}) => {
    const res = await api.post(bo(`/user/${userId}/holds`), { asset, amount, reason: 'test hold', ...extra });
    expect(res.status).toBe(201);
    return res.body.holdId as string;
  };
  const count = async (userId: string) => (await api.get(bo(`/user/${userId}/transactions`))).body.paging.total as number;

  beforeAll(async () => {
    app = await startApp(kind, { ENABLE_TEST_CLOCK: 'true' });
    api = http(app);
    const users = app.app.get(UsersService);
    for (const id of ['h-1', 'h-race', 'h-exp', 'idem-1', 'idem-2', 'idem-3', 'ta-1', 'pusher']) await users.upsert({ id, username: id, email: null, roles: [], currency: null });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await app?.close();
  });

  describe('holds', () => {
    it('places, partially captures (rest released) and refuses a second end with 409', async () => {
      await credit('h-1', 'usd', '100');
      const res = await api.post(bo('/user/h-1/holds'), { asset: 'usd', amount: '40.5', reason: 'order 1', expiresAt: '2999-01-01T00:00:00Z' });
      expect(res).toMatchObject({ status: 201, body: { holdId: expect.any(String), userId: 'h-1', asset: 'usd', amount: '40.5', captured: null, status: 'pending', reason: 'order 1', expiresAt: '2999-01-01T00:00:00.000Z', endedAt: null } });
      const holdId = res.body.holdId;
      expect(await balance('h-1', 'usd')).toEqual({ asset: 'usd', amount: '100', locked: '40.5', fundsInRootAsset: '100' });
      expect((await api.get(bo('/user/h-1/balance'))).body).toEqual([{ asset: 'usd', balance: 59.5 }]);
      expect(await api.post(bo(`/holds/${holdId}/capture`), { amount: '40.51' })).toMatchObject({ status: 400, body: { message: 'amount must not exceed the held amount' } });
      expect(await api.post(bo(`/holds/${holdId}/capture`), { amount: '0.001' })).toMatchObject({ status: 400, body: { message: expect.stringMatching(/more than 2 decimal places/) } });
      const captured = await api.post(bo(`/holds/${holdId}/capture`), { amount: '10.25' });
      expect(captured).toMatchObject({ status: 200, body: { holdId, status: 'captured', amount: '40.5', captured: '10.25', endedAt: expect.any(String) } });
      expect(await balance('h-1', 'usd')).toEqual({ asset: 'usd', amount: '89.75', locked: '0', fundsInRootAsset: '89.75' });
      expect(await api.post(bo(`/holds/${holdId}/release`))).toEqual(expect.objectContaining({ status: 409, body: { statusCode: 409, message: 'Hold is already captured' } }));
      expect((await api.post(bo(`/holds/${holdId}/capture`))).status).toBe(409);
      expect((await api.get(bo(`/holds/${holdId}`))).body).toMatchObject({ status: 'captured', captured: '10.25' });
      expect((await api.get(bo('/user/h-1/holds?status=captured'))).body.map((h: { holdId: string }) => h.holdId)).toEqual([holdId]);
    });

    it('captures everything without a body, releases, and answers 404 for an unknown hold', async () => {
      const all = await hold('h-1', 'usd', '9.75');
      expect(await api.post(bo(`/holds/${all}/capture`))).toMatchObject({ status: 200, body: { captured: '9.75', status: 'captured' } });
      const released = await hold('h-1', 'usd', '5');
      expect(await api.post(bo(`/holds/${released}/release`))).toMatchObject({ status: 200, body: { status: 'released', captured: null } });
      expect(await balance('h-1', 'usd')).toMatchObject({ amount: '80', locked: '0' });
      expect(await api.post(bo('/user/h-1/holds'), { asset: 'usd', amount: '80.01', reason: 'x' })).toMatchObject({ status: 422, body: { message: 'Insufficient funds in usd' } });
      for (const path of ['/holds/nope/capture', '/holds/nope/release']) {
        expect(await api.post(bo(path))).toMatchObject({ status: 404, body: { statusCode: 404, message: 'Hold nope not found' } });
      }
      expect((await api.get(bo('/holds/nope'))).status).toBe(404);
    });

    it('ends a hold exactly once when capture and release race', async () => {
      await credit('h-race', 'btc', '10');
      for (let round = 0; round < 6; round++) {
        const holdId = await hold('h-race', 'btc', '1');
        const [capture, release] = await Promise.all([api.post(bo(`/holds/${holdId}/capture`)), api.post(bo(`/holds/${holdId}/release`))]);
        expect([capture.status, release.status].sort()).toEqual([200, 409]);
        const winner = capture.status === 200 ? 'captured' : 'released';
        expect((await api.get(bo(`/holds/${holdId}`))).body.status).toBe(winner);
      }
      const { locked } = await balance('h-race', 'btc');
      expect(locked).toBe('0');
    });

    it('never captures an expired hold: the test clock expires it and releases the funds', async () => {
      await credit('h-exp', 'eth', '1');
      const placed = await api.post(bo('/user/h-exp/holds'), { asset: 'eth', amount: '0.000000000000000001', reason: 'short' });
      const createdAt = Date.parse(placed.body.createdAt);
      const holdId = await hold('h-exp', 'eth', '0.5', { expiresAt: createdAt + 60_000 });
      expect(await balance('h-exp', 'eth')).toMatchObject({ locked: '0.500000000000000001' });
      expect(await api.post(bo('/test-clock/advance'), { seconds: 120 })).toMatchObject({ status: 200, body: { now: expect.any(String) } });
      expect((await api.get(bo(`/holds/${holdId}`))).body).toMatchObject({ status: 'expired', captured: null });
      expect(await api.post(bo(`/holds/${holdId}/capture`))).toMatchObject({ status: 409, body: { message: 'Hold is already expired' } });
      expect(await balance('h-exp', 'eth')).toMatchObject({ amount: '1', locked: '0.000000000000000001' });
      // "In the past" is judged by the service's (advanced) clock.
      expect(await api.post(bo('/user/h-exp/holds'), { asset: 'eth', amount: '0.1', reason: 'late', expiresAt: createdAt + 90_000 })).toMatchObject({ status: 400, body: { message: 'expiresAt must be in the future' } });
    });

    it('pushes user:balance when a hold changes the spendable token balance', async () => {
      const socket = await connect(app, tokenFor('pusher'));
      sockets.push(socket);
      await credit('pusher', 'rents', '10');
      await sleep(150);
      const seen = collect<Envelope>(socket, 'user:balance');
      const holdId = await hold('pusher', 'rents', '2.5');
      await sleep(200);
      // A hold moves the account's sequence on too (its entry was 1).
      expect(seen).toEqual([{ data: { token: 7.5, transactions: { spending: {}, mining: { adjustment: 10 }, buying: {} }, seq: 2 }, error: OK }]);
      await api.post(bo(`/holds/${holdId}/release`));
      await sleep(200);
      expect(seen.map((e) => e.data?.token)).toEqual([7.5, 10]);
      // A partial capture unlocks and moves money in one transaction: one push, its final state.
      const second = await hold('pusher', 'rents', '4');
      await sleep(200);
      await api.post(bo(`/holds/${second}/capture`), { amount: '1' });
      await sleep(200);
      expect(seen.map((e) => e.data?.token)).toEqual([7.5, 10, 6, 9]);
      expect(seen.map((e) => e.data?.seq)).toEqual([2, 3, 4, 6]); // the capture: its release, then its entry
      expect(seen[3]).toEqual({ data: { token: 9, transactions: { spending: { holdCapture: 1 }, mining: { adjustment: 10 }, buying: {} }, seq: 6 }, error: OK });
    });
  });

  describe('Idempotency-Key', () => {
    const key = (k: string) => ({ headers: { 'Idempotency-Key': k } });

    it('replays an adjustment with the same key and body, refuses another body with 409, scopes keys per path', async () => {
      const body = { asset: 'usd', amount: '7.5', comment: 'once' };
      const first = await api.post(bo('/user/idem-1/adjustments'), body, key('adj-1'));
      const again = await api.post(bo('/user/idem-1/adjustments'), body, key('adj-1'));
      expect(first.status).toBe(201);
      expect(again).toMatchObject({ status: 201, body: first.body });
      expect(await count('idem-1')).toBe(1);
      expect(await api.post(bo('/user/idem-1/adjustments'), { ...body, amount: '8' }, key('adj-1'))).toMatchObject({ status: 409, body: { statusCode: 409 } });
      expect((await api.post(bo('/user/idem-2/adjustments'), body, key('adj-1'))).status).toBe(201);
      expect(await balance('idem-1', 'usd')).toMatchObject({ amount: '7.5' });
    });

    it('runs concurrent requests with one key once', async () => {
      const body = { asset: 'btc', amount: '0.25', comment: 'burst' };
      const answers = await Promise.all(Array.from({ length: 6 }, () => api.post(bo('/user/idem-3/adjustments'), body, key('burst-1'))));
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 201]);
      expect(new Set(answers.map((a) => a.body.transactionId)).size).toBe(1);
      expect(await balance('idem-3', 'btc')).toMatchObject({ amount: '0.25' });
    });

    it('stores a refusal: the replay answers it again even after the funds arrive', async () => {
      const body = { asset: 'eur', amount: '-5', comment: 'withdraw' };
      expect(await api.post(bo('/user/idem-2/adjustments'), body, key('refused-1'))).toMatchObject({ status: 422, body: { statusCode: 422, message: 'Insufficient funds in eur for user idem-2' } });
      await credit('idem-2', 'eur', '10');
      expect(await api.post(bo('/user/idem-2/adjustments'), body, key('refused-1'))).toMatchObject({ status: 422, body: { statusCode: 422, message: 'Insufficient funds in eur for user idem-2' } });
      expect(await balance('idem-2', 'eur')).toMatchObject({ amount: '10' });
    });

    it('replays holds, captures, releases and applied actions', async () => {
      await credit('idem-1', 'rents', '100');
      const holdBody = { asset: 'rents', amount: '3', reason: 'idempotent' };
      const placed = await api.post(bo('/user/idem-1/holds'), holdBody, key('hold-1'));
      expect(await api.post(bo('/user/idem-1/holds'), holdBody, key('hold-1'))).toMatchObject({ status: 201, body: placed.body });
      expect((await api.get(bo('/user/idem-1/holds'))).body).toHaveLength(1);
      const capture = await api.post(bo(`/holds/${placed.body.holdId}/capture`), { amount: '1' }, key('cap-1'));
      expect(capture.status).toBe(200);
      expect(await api.post(bo(`/holds/${placed.body.holdId}/capture`), { amount: '1' }, key('cap-1'))).toMatchObject({ status: 200, body: capture.body });
      expect(await api.post(bo(`/holds/${placed.body.holdId}/capture`), { amount: '2' }, key('cap-1'))).toMatchObject({ status: 409 });
      const other = await hold('idem-1', 'rents', '1');
      const released = await api.post(bo(`/holds/${other}/release`), undefined, key('rel-1'));
      expect(await api.post(bo(`/holds/${other}/release`), undefined, key('rel-1'))).toMatchObject({ status: 200, body: released.body });
      const applied = await api.post(bo('/user/idem-1/token-actions/dailyLogin'), undefined, key('act-1'));
      expect(applied).toMatchObject({ status: 201, body: { action: 'dailyLogin', amount: '10', balance: { asset: 'rents', amount: '109' } } });
      expect(await api.post(bo('/user/idem-1/token-actions/dailyLogin'), undefined, key('act-1'))).toMatchObject({ status: 201, body: applied.body });
      expect(await balance('idem-1', 'rents')).toEqual({ asset: 'rents', amount: '109', locked: '0', fundsInRootAsset: '1.09' });
    });
  });

  describe('token actions', () => {
    it('lists, creates, applies (mining credits, spending debits, buying credits) and deletes', async () => {
      expect((await api.get(bo('/token-actions'))).body).toContainEqual({ action: 'dailyLogin', type: 'mining', token: '10', price: '0', category: 'event', description: 'Logged in today' });
      const put = await api.put(bo('/token-actions/vipBadge'), { type: 'spending', token: 2.5, price: '1.50', category: 'product', description: 'A badge' });
      expect(put).toMatchObject({ status: 200, body: { action: 'vipBadge', type: 'spending', token: '2.5', price: '1.5', category: 'product', description: 'A badge' } });
      expect(await api.post(bo('/user/ta-1/token-actions/vipBadge'))).toMatchObject({ status: 422, body: { message: 'Insufficient funds in rents' } });
      expect(await api.post(bo('/user/ta-1/token-actions/tokenPack100'))).toMatchObject({ status: 201, body: { type: 'buying', amount: '100', balance: { amount: '100' } } });
      expect(await api.post(bo('/user/ta-1/token-actions/vipBadge'))).toMatchObject({ status: 201, body: { type: 'spending', amount: '-2.5', balance: { amount: '97.5' } } });
      expect((await api.get(bo('/user/ta-1/transactions?type=spending&action=vipBadge'))).body.data).toMatchObject([{ amount: '-2.5', balanceAfter: '97.5' }]);
      expect(await api.delete(bo('/token-actions/vipBadge'))).toMatchObject({ status: 204 });
      expect(await api.delete(bo('/token-actions/vipBadge'))).toMatchObject({ status: 404, body: { message: 'Token action vipBadge not found' } });
      expect(await api.post(bo('/user/ta-1/token-actions/vipBadge'))).toMatchObject({ status: 404 });
    });
  });

  describe('exchange rates', () => {
    it('lists quotes with the root at 1, sets with history, removes (400 for the root, 404 when unquoted)', async () => {
      const list = (await api.get(bo('/exchange-rates'))).body;
      expect(list.rootAsset).toBe('usd');
      expect(list.rates).toContainEqual({ asset: 'usd', rate: '1', updatedAt: expect.any(String) });
      expect(list.rates.map((r: { asset: string }) => r.asset)).not.toContain('xmr');
      expect(await api.put(bo('/exchange-rates/BTC'), { rate: '70000.50' })).toMatchObject({ status: 200, body: { asset: 'btc', rate: '70000.5' } });
      expect((await api.get(bo('/exchange-rates/btc/history'))).body.history.slice(0, 2).map((h: { rate: string }) => h.rate)).toEqual(['70000.5', '65000']);
      expect(await balance('idem-3', 'btc')).toMatchObject({ amount: '0.25', fundsInRootAsset: '17500.12' }); // 17500.125, half-even
      await credit('idem-3', 'eth', '1');
      expect((await api.post(bo('/balances'), { userIds: ['idem-3'] })).body.data[0].totalFundsInRootAsset).toBe('20700.12');
      expect(await api.delete(bo('/exchange-rates/eth'))).toMatchObject({ status: 204 });
      const after = (await api.post(bo('/balances'), { userIds: ['idem-3'] })).body.data[0];
      expect(after.balances).toContainEqual({ asset: 'eth', amount: '1', locked: '0' });
      expect(after).not.toHaveProperty('totalFundsInRootAsset');
      expect(await api.delete(bo('/exchange-rates/eth'))).toMatchObject({ status: 404, body: { message: 'Asset eth has no quote' } });
      expect((await api.get(bo('/exchange-rates/eth/history'))).body.history[0]).toEqual({ rate: null, changedAt: expect.any(String) });
      expect(await api.put(bo('/exchange-rates/eth'), { rate: 3300 })).toMatchObject({ status: 200, body: { rate: '3300' } });
      expect(await api.put(bo('/exchange-rates/doge'), { rate: '1' })).toMatchObject({ status: 404 });
    });
  });

  describe('products', () => {
    it('creates or replaces a product with its plans and reads it back', async () => {
      const body = { ownerId: 'ta-1', options: [{ plan: 'subscription_month', price: '15.50' }, { plan: 'free', price: 0 }] };
      const put = await api.put(bo('/products/room/room-42'), body);
      expect(put).toEqual(expect.objectContaining({ status: 200, body: { productType: 'room', productId: 'room-42', ownerId: 'ta-1', asset: 'rents', options: [{ plan: 'free', price: '0' }, { plan: 'subscription_month', price: '15.5' }] } }));
      expect((await api.get(bo('/products/room/room-42'))).body).toEqual(put.body);
      const replaced = await api.put(bo('/products/room/room-42'), { options: [{ plan: 'one_time_payment', price: '99' }] });
      expect(replaced.body).toMatchObject({ ownerId: null, options: [{ plan: 'one_time_payment', price: '99' }] });
      expect(await api.get(bo('/products/room/nope'))).toMatchObject({ status: 404, body: { message: 'Product room/nope not found' } });
    });
  });

  it('leaves the ledger consistent', async () => {
    expect((await api.get(bo('/ledger/check'))).body).toMatchObject({ ok: true, failures: [] });
  });
});
