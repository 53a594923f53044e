import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { bo, http, type HttpClient } from '../support/http-client.js';
import { call, connect } from '../support/socket-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { tokenFor } from '../support/tokens.js';

const OK = { status: false, code: 0, message: '' };

/** L2: a paid plan whose price in the paying currency rounds to zero is refused, never given away. */
describe.each(DATABASE_KINDS)('paid plans are never free on %s', (kind) => {
  let app: RunningApp;
  let api: HttpClient;
  let buyer: Socket;
  const amountOf = async (userId: string, asset: string) => {
    const report = await api.post(bo('/balances'), { userIds: [userId], asset });
    return (report.body.data[0].balances as Array<{ amount: string }>)[0]?.amount ?? '0';
  };
  const subscribe = (roomId: string, subscriptionPlan: string, currency?: string) =>
    call(buyer, 'balance:createRoomSubscription', { data: { roomId, subscriptionPlan, ...(currency ? { currency, walletAddress: '0xwallet' } : {}) }, event: { id: `${roomId}-${subscriptionPlan}-${currency}` } });
  const subscriptions = async () => (await call(buyer, 'balance:getSubscriptions')).data!.subscriptions as Array<{ roomId: string; price: number }>;

  beforeAll(async () => {
    app = await startApp(kind);
    api = http(app);
    buyer = await connect(app, tokenFor('buyer'));
    for (const [asset, amount] of [['rents', '1000'], ['valu', '10'], ['roomi', '10']]) {
      expect((await api.post(bo('/user/buyer/adjustments'), { asset, amount, comment: 'funding' })).status).toBe(201);
    }
    expect((await api.put(bo('/products/room/yearly'), { options: [{ plan: 'subscription_year', price: '150' }] })).status).toBe(200);
    expect((await api.put(bo('/products/room/tiny'), { options: [{ plan: 'subscription_week', price: '0.00000001' }] })).status).toBe(200);
  });
  afterAll(async () => {
    buyer?.close();
    await app?.close();
  });

  it('refuses a yearly plan paid in valu at a rate that makes its price round to 0 valu, and charges nothing', async () => {
    // valu quoted at 10^9 usd: 150 rents (1.5 usd) is 0.0000000015 valu, 0 at valu's 8 decimals.
    expect((await api.put(bo('/exchange-rates/valu'), { rate: '1000000000' })).status).toBe(200);
    const refused = await subscribe('yearly', 'subscription_year', 'valu');
    expect(refused).toEqual({ error: { status: true, code: 400, message: 'The subscription_year plan of room yearly costs less than the smallest unit of valu; pay in rents' } });
    expect(await subscriptions()).toEqual([]);
    expect(await amountOf('buyer', 'valu')).toBe('10');
    expect(await amountOf('buyer', 'rents')).toBe('1000');

    // At a rate where it costs something, the same request is charged.
    expect((await api.put(bo('/exchange-rates/valu'), { rate: '1' })).status).toBe(200);
    const paid = await call(buyer, 'balance:createRoomSubscription', { data: { roomId: 'yearly', subscriptionPlan: 'subscription_year', currency: 'valu', walletAddress: '0xwallet' } });
    expect(paid.error).toEqual(OK);
    expect(paid.data!.subscription).toMatchObject({ currency: 'valu', price: 1.5, status: 'active' });
    expect(await amountOf('buyer', 'valu')).toBe('8.5');
  });

  it('refuses a tiny TOKEN_ASSET price that converts to 0 roomi, and charges the same plan in rents', async () => {
    // 0.00000001 rents at 0.2 roomi per rents is 0.000000002 roomi: 0 at roomi's 8 decimals.
    const refused = await subscribe('tiny', 'subscription_week', 'roomi');
    expect(refused.error).toEqual({ status: true, code: 400, message: 'The subscription_week plan of room tiny costs less than the smallest unit of roomi; pay in rents' });
    expect((await subscriptions()).filter((s) => s.roomId === 'tiny')).toEqual([]);
    expect(await amountOf('buyer', 'roomi')).toBe('10');
    const paid = await subscribe('tiny', 'subscription_week');
    expect(paid.error).toEqual(OK);
    expect(paid.data!.subscription).toMatchObject({ currency: 'rents', price: 0.00000001 });
  });

  it('refuses a paid plan priced 0 when the product is put', async () => {
    const put = await api.put(bo('/products/room/zero'), { options: [{ plan: 'free', price: '0' }, { plan: 'subscription_month', price: '0' }] });
    expect(put.body).toEqual({ statusCode: 400, message: 'options[1].price of a paid plan must be greater than 0 (offer the free plan instead)' });
    expect((await api.get(bo('/products/room/zero'))).status).toBe(404);
  });
});
