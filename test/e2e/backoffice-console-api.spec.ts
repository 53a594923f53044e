import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { UsersService } from '../../src/auth/users.service.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { bo, http, type HttpClient } from '../support/http-client.js';
import { call, collect, connect, sleep } from '../support/socket-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { adminToken, tokenFor } from '../support/tokens.js';

/** What the operator console needs beyond the spec's backoffice: all transactions, per-asset totals, subscriptions, products, the live feed. */
describe.each(DATABASE_KINDS)('backoffice routes for the console on %s', (kind) => {
  let app: RunningApp;
  let api: HttpClient;
  const sockets: Socket[] = [];
  const adjust = async (userId: string, asset: string, amount: string, key?: string) =>
    api.post(bo(`/user/${userId}/adjustments`), { asset, amount, comment: 'console test' }, key ? { headers: { 'Idempotency-Key': key } } : {});

  beforeAll(async () => {
    app = await startApp(kind);
    api = http(app);
    const users = app.app.get(UsersService);
    for (const id of ['c-1', 'c-2', 'c-3']) await users.upsert({ id, username: id, email: `${id}@example.com`, roles: [], currency: null });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await app?.close();
  });

  it('GET /transactions pages every user\'s entries newest first, without system accounts, with the user\'s filters', async () => {
    expect((await adjust('c-1', 'usd', '10')).status).toBe(201);
    expect((await adjust('c-2', 'usd', '5')).status).toBe(201);
    expect((await adjust('c-2', 'eur', '1.25')).status).toBe(201);
    const all = await api.get(bo('/transactions?per_page=2'));
    expect(all.status).toBe(200);
    expect(all.body.paging).toEqual({ page: 1, per_page: 2, total: 3 });
    expect(all.body.data.map((e: { userId: string; asset: string; amount: string }) => [e.userId, e.asset, e.amount])).toEqual([
      ['c-2', 'eur', '1.25'],
      ['c-2', 'usd', '5'],
    ]);
    expect(all.body.data[0]).toMatchObject({ action: 'adjustment', kind: 'adjustment', balanceAfter: '1.25', metadata: { comment: 'console test' } });
    const usd = await api.get(bo('/transactions?asset=USD&page=2&per_page=1'));
    expect(usd.body).toMatchObject({ filters: { asset: 'USD' }, paging: { page: 2, per_page: 1, total: 2 }, data: [{ userId: 'c-1', amount: '10' }] });
    expect((await api.get(bo('/transactions?type=nonsense'))).status).toBe(400);
    expect((await api.get(bo('/transactions?per_page=101'))).status).toBe(400);
    // A user's own history is unchanged (no userId field).
    expect((await api.get(bo('/user/c-1/transactions'))).body.data[0].userId).toBeUndefined();
  });

  it('GET /assets sums what users hold per asset exactly, with locked, the quote and the value in the root asset', async () => {
    // 0.1 + 0.2 is 0.3 exactly, and eth amounts far beyond 2^53 minor units stay exact.
    await adjust('c-3', 'usd', '0.1');
    await adjust('c-3', 'usd', '0.2');
    await adjust('c-1', 'eth', '123456789.123456789123456789');
    await adjust('c-2', 'eth', '0.000000000000000001');
    expect((await api.post(bo('/user/c-1/holds'), { asset: 'eth', amount: '0.5', reason: 'console hold' })).status).toBe(201);
    expect((await api.put(bo('/exchange-rates/eth'), { rate: '2000' })).status).toBe(200);
    const res = await api.get(bo('/assets'));
    expect(res.status).toBe(200);
    expect(res.body.rootAsset).toBe('usd');
    const byAsset = Object.fromEntries(res.body.assets.map((a: { asset: string }) => [a.asset, a]));
    expect(byAsset.usd).toEqual({ asset: 'usd', scale: 2, accounts: 3, amount: '15.3', locked: '0', rate: '1', fundsInRootAsset: '15.3' });
    expect(byAsset.eth).toEqual({
      asset: 'eth',
      scale: 18,
      accounts: 2,
      amount: '123456789.12345678912345679',
      locked: '0.5',
      rate: '2000',
      fundsInRootAsset: '246913578246.91',
    });
    expect(byAsset.eur).toMatchObject({ accounts: 1, amount: '1.25' });
    expect(byAsset.xmr).toEqual({ asset: 'xmr', scale: 12, accounts: 0, amount: '0', locked: '0', rate: null, fundsInRootAsset: null });
    // 15.3 usd + 246913578246.91 (eth) + 1.35 (1.25 eur at 1.08)
    expect(res.body.totalFundsInRootAsset).toBe('246913578263.56');
    // Holding an unquoted asset makes the total unknown, never wrong.
    await adjust('c-3', 'xmr', '1');
    const after = await api.get(bo('/assets'));
    expect(after.body.totalFundsInRootAsset).toBeNull();
    expect(after.body.assets.find((a: { asset: string }) => a.asset === 'xmr')).toMatchObject({ accounts: 1, amount: '1', fundsInRootAsset: null });
  });

  it('lists a user\'s subscriptions with their period and expires one (404 unknown, 409 twice)', async () => {
    await adjust('c-3', 'rents', '100');
    const s = await connect(app, tokenFor('c-3'));
    sockets.push(s);
    const created = await call(s, 'balance:createRoomSubscription', { data: { roomId: 'demo-room', subscriptionPlan: 'subscription_week' } });
    expect(created.error.code).toBe(0);
    const list = await api.get(bo('/user/c-3/subscriptions'));
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    const [sub] = list.body;
    expect(sub).toMatchObject({ userId: 'c-3', productType: 'room', productId: 'demo-room', plan: 'subscription_week', status: 'active', currency: 'rents', periodIndex: 0, endedAt: null });
    expect(Date.parse(sub.periodEnd) - Date.parse(sub.periodStart)).toBe(7 * 86_400_000);
    expect(typeof sub.price).toBe('string');

    const expired = await api.post(bo(`/subscriptions/${sub.id}/expire`));
    expect(expired.status).toBe(200);
    expect(expired.body).toMatchObject({ id: sub.id, status: 'expired', endedReason: 'admin' });
    expect((await api.post(bo(`/subscriptions/${sub.id}/expire`))).body).toEqual({ statusCode: 409, message: `Subscription ${sub.id} has already ended` });
    expect((await api.post(bo('/subscriptions/nope/expire'))).body).toEqual({ statusCode: 404, message: 'Subscription nope not found' });
    expect((await api.get(bo('/user/c-3/subscriptions'))).body[0]).toMatchObject({ status: 'expired' });
    expect((await api.get(bo('/user/nobody/subscriptions'))).body).toEqual({ statusCode: 404, message: 'User with id:nobody not found.' });
    // Admin-only like every backoffice route.
    expect((await api.get(bo('/user/c-3/subscriptions'), { token: tokenFor('c-3') })).status).toBe(403);
  });

  it('GET /products lists every product with its plans', async () => {
    const res = await api.get(bo('/products'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.arrayContaining([expect.objectContaining({ productType: 'room', productId: 'demo-room', asset: 'rents' })]));
    expect(res.body[0].options.length).toBeGreaterThan(0);
  });

  it('pushes admin:transaction to admin sockets only, after commit, once per transaction (not for a replay or a refusal)', async () => {
    const admin = await connect(app, adminToken('console-admin'));
    const plain = await connect(app, tokenFor('c-2'));
    sockets.push(admin, plain);
    const seen = collect<{ transactionId: string; kind: string; action: string; createdAt: string; entries: unknown[] }>(admin, 'admin:transaction');
    const unseen = collect(plain, 'admin:transaction');
    const first = await adjust('c-1', 'usd', '2.5', 'live-1');
    expect((await adjust('c-1', 'usd', '2.5', 'live-1')).body).toEqual(first.body);
    expect((await adjust('c-2', 'usd', '-1000000')).status).toBe(422);
    const donor = await connect(app, tokenFor('c-3'));
    sockets.push(donor);
    expect((await call(donor, 'balance:donateToken', { data: { targetUser: 'c-1', token: 1 } })).error.code).toBe(0);
    for (let i = 0; i < 50 && seen.length < 2; i++) await sleep(20);
    await sleep(100);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toEqual({
      transactionId: first.body.transactionId,
      kind: 'adjustment',
      action: 'adjustment',
      createdAt: expect.stringMatching(/Z$/),
      entries: [{ userId: 'c-1', asset: 'usd', amount: '2.5', type: 'mining' }],
    });
    expect(seen[1]).toMatchObject({ action: 'donation', entries: expect.arrayContaining([{ userId: 'c-1', asset: 'rents', amount: '1', type: 'mining' }]) });
    expect(unseen).toHaveLength(0);
  });

  it('documents the new routes with typed answers in the OpenAPI document', async () => {
    const doc = (await api.get('/docs-json', { token: null })).body;
    // Schemas are components the answers refer to ($ref); follow the reference.
    const resolve = (schema: { $ref?: string; items?: unknown }): Record<string, any> => // eslint-disable-line @typescript-eslint/no-explicit-any
      schema.$ref ? doc.components.schemas[schema.$ref.split('/').pop()!] : schema;
    const answer = (path: string, method: string, status = '200') => resolve(doc.paths[path][method].responses[status].content['application/json'].schema);
    expect(answer('/back-api/backoffice/assets', 'get')).toMatchObject({ type: 'object', properties: { assets: { type: 'array' }, totalFundsInRootAsset: { type: 'string', nullable: true } } });
    expect(resolve(answer('/back-api/backoffice/transactions', 'get').properties.data.items).properties.userId).toMatchObject({ type: 'string' });
    const subscriptions = answer('/back-api/backoffice/user/{userId}/subscriptions', 'get');
    expect(subscriptions.type).toBe('array');
    expect(resolve(subscriptions.items).properties.periodEnd).toMatchObject({ type: 'string', nullable: true });
    expect(doc.paths['/back-api/backoffice/subscriptions/{subscriptionId}/expire'].post.security).toEqual([{ bearer: [] }]);
  });
});
