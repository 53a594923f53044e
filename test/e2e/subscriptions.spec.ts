import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { Clock } from '../../src/common/clock.js';
import { Db } from '../../src/database/db.service.js';
import { ProductsService } from '../../src/subscriptions/products.service.js';
import { RenewalsService } from '../../src/subscriptions/renewals.service.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { call, type Envelope, socketPool } from '../support/socket-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { adminToken, tokenFor } from '../support/tokens.js';

const OK = { status: false, code: 0, message: '' };
const DAY = 86_400;

describe.each(DATABASE_KINDS)('subscriptions over socket.io on %s', (kind) => {
  let app: RunningApp;
  let root: Socket;
  const { open, closeAll } = socketPool(() => app);
  const credit = async (userId: string, amount: number) =>
    expect((await call(root, 'balance:addUserBalanceByAdmin', { data: { targetUser: userId, amount } })).error).toEqual(OK);
  const balance = async (userId: string, asset = 'rents') => {
    const rows = await app.app.get(Db).query<{ balance: string }>('SELECT balance FROM accounts WHERE owner_id = ? AND asset = ?', [userId, asset]);
    return rows.length ? BigInt(rows[0].balance) : 0n;
  };
  const rents = (n: number) => BigInt(Math.round(n * 1e8));
  const advance = async (seconds: number) => {
    const res = await fetch(`${app.url}/back-api/backoffice/test-clock/advance`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ seconds }),
    });
    expect(res.status).toBe(200);
    return res.json() as Promise<{ now: string }>;
  };
  const subscriptionsOf = async (s: Socket) => ((await call(s, 'balance:getSubscriptions')).data!.subscriptions as Array<Record<string, unknown>>);

  beforeAll(async () => {
    app = await startApp(kind, { ENABLE_TEST_CLOCK: 'true' });
    root = await open(tokenFor('admin-1', { roles: ['admin', 'network-admin'] }));
    await open(tokenFor('owner'));
    const products = app.app.get(ProductsService);
    await products.put('room', 'owned-room', 'owner', [
      { plan: 'free', price: '0' },
      { plan: 'one_time_payment', price: '100' },
      { plan: 'subscription_week', price: '5' },
      { plan: 'subscription_month', price: '15' },
    ]);
    await products.put('room', 'weekly-only', null, [{ plan: 'subscription_week', price: '10' }]);
  });
  afterAll(async () => {
    closeAll();
    await app?.close();
  });

  it('lists a product\'s options, with converted alternative prices for another currency', async () => {
    const plain = await call(root, 'balance:getProductSubscriptionOptions', { data: { productType: 'room', productId: 'owned-room' } });
    expect(plain).toEqual({
      data: { subscriptionOptions: [
        { plan: 'free', price: 0 }, { plan: 'one_time_payment', price: 100 }, { plan: 'subscription_week', price: 5 }, { plan: 'subscription_month', price: 15 },
      ] },
      error: OK,
    });
    const alt = await call(root, 'balance:getProductSubscriptionOptions', { data: { productType: 'room', productId: 'owned-room', currency: 'Valu' } });
    expect(alt.data).toEqual({
      subscriptionOptions: [
        { plan: 'free', price: 0, altCurrency: 'valu', altPrice: 0 },
        { plan: 'one_time_payment', price: 100, altCurrency: 'valu', altPrice: 50 },
        { plan: 'subscription_week', price: 5, altCurrency: 'valu', altPrice: 2.5 },
        { plan: 'subscription_month', price: 15, altCurrency: 'valu', altPrice: 7.5 },
      ],
      altCurrencyExchangeRate: 0.5,
    });
    expect((await call(root, 'balance:getProductSubscriptionOptions', { data: { productType: 'room', productId: 'missing' } })).error).toMatchObject({ code: 404 });
    expect((await call(root, 'balance:getProductSubscriptionOptions', { data: { productType: 'room', productId: 'owned-room', currency: 'doge' } })).error).toMatchObject({ code: 404 });
  });

  it('charges the subscriber, credits the owner, and refuses a second active subscription to the room', async () => {
    const s = await open(tokenFor('sub-1'));
    await credit('sub-1', 20);
    const ownerBefore = await balance('owner');
    const created = await call(s, 'balance:createRoomSubscription', { data: { roomId: 'owned-room', subscriptionPlan: 'subscription_month' }, event: { id: 'c-1' } });
    expect(created.error).toEqual(OK);
    expect(created.data!.subscription).toMatchObject({ roomId: 'owned-room', plan: 'subscription_month', status: 'active', currency: 'rents', price: 15 });
    expect(await balance('sub-1')).toBe(rents(5));
    expect((await balance('owner')) - ownerBefore).toBe(rents(15));
    expect((await call(s, 'balance:getTransactions')).data).toMatchObject({ transactions: { spending: { roomSubscription: 15 } } });
    expect((await call(s, 'balance:createRoomSubscription', { data: { roomId: 'owned-room', subscriptionPlan: 'free' } })).error).toMatchObject({ code: 409 });
    expect((await call(s, 'balance:createRoomSubscription', { data: { roomId: 'owned-room', subscriptionPlan: 'subscription_year' } })).error).toMatchObject({ code: 404 });
    expect((await call(s, 'balance:createRoomSubscription', { data: { roomId: 'no-room', subscriptionPlan: 'free' } })).error).toMatchObject({ code: 404 });
    expect((await call(s, 'balance:createRoomSubscription', { data: { roomId: 'weekly-only', subscriptionPlan: 'subscription_week' } })).error).toMatchObject({ code: 422 });
    expect(await subscriptionsOf(s)).toHaveLength(1);
  });

  it('charges in roomi at the converted price with a wallet address, and credits the owner in roomi', async () => {
    const s = await open(tokenFor('crypto-1'));
    // roomi reaches users from outside (a bridge); here the issuer stands in for it.
    const { LedgerService } = await import('../../src/ledger/ledger.service.js');
    await app.app.get(LedgerService).post({ kind: 'mint', action: 'bridge', legs: [
      { ownerId: 'system:issuer', asset: 'roomi', amount: -rents(30), type: 'system' },
      { ownerId: 'crypto-1', asset: 'roomi', amount: rents(30), type: 'buying' },
    ] });
    const missingWallet = await call(s, 'balance:createRoomSubscription', { data: { roomId: 'owned-room', subscriptionPlan: 'one_time_payment', currency: 'roomi' } });
    expect(missingWallet.error).toMatchObject({ code: 400, message: expect.stringMatching(/walletAddress/) });
    const ownerRoomi = await balance('owner', 'roomi');
    const paid = await call(s, 'balance:createRoomSubscription', { data: { roomId: 'owned-room', subscriptionPlan: 'one_time_payment', currency: 'ROOMI', walletAddress: '0xabc' } });
    expect(paid.data!.subscription).toMatchObject({ currency: 'roomi', price: 20, walletAddress: '0xabc', periodEnd: null });
    expect(await balance('crypto-1', 'roomi')).toBe(rents(10));
    expect((await balance('owner', 'roomi')) - ownerRoomi).toBe(rents(20));
    expect((await call(s, 'balance:createRoomSubscription', { data: { roomId: 'weekly-only', subscriptionPlan: 'subscription_week', currency: 'usd', walletAddress: 'x' } })).error).toMatchObject({ code: 400 });
  });

  it('lets only network admins expire a subscription, without refund', async () => {
    const s = await open(tokenFor('sub-2'));
    await credit('sub-2', 5);
    expect((await call(s, 'balance:createRoomSubscription', { data: { roomId: 'owned-room', subscriptionPlan: 'subscription_week' } })).error).toEqual(OK);
    expect((await call(s, 'balance:expireRoomSubscription', { data: { roomId: 'owned-room' } })).error).toEqual({ status: true, code: 403, message: 'Requires role network-admin' });
    const expired = await call(root, 'balance:expireRoomSubscription', { data: { roomId: 'owned-room', targetUser: 'sub-2' } });
    expect(expired.data!.subscription).toMatchObject({ status: 'expired' });
    expect(await balance('sub-2')).toBe(0n);
    expect((await call(root, 'balance:expireRoomSubscription', { data: { roomId: 'owned-room', targetUser: 'sub-2' } })).error).toMatchObject({ code: 404 });
    expect((await call(s, 'balance:createRoomSubscription', { data: { roomId: 'owned-room', subscriptionPlan: 'free' } })).error).toEqual(OK);
  });

  it('renews each elapsed period once through the test clock, then expires when funds run out', async () => {
    const s = await open(tokenFor('renewer'));
    await credit('renewer', 25); // first week + two renewals
    expect((await call(s, 'balance:createRoomSubscription', { data: { roomId: 'weekly-only', subscriptionPlan: 'subscription_week' } })).error).toEqual(OK);
    expect(await balance('renewer')).toBe(rents(15));
    await advance(7 * DAY);
    expect(await balance('renewer')).toBe(rents(5));
    expect((await subscriptionsOf(s))[0]).toMatchObject({ status: 'active' });
    await advance(0);
    expect(await balance('renewer')).toBe(rents(5));
    await advance(14 * DAY); // two periods elapse: one cannot be paid
    expect(await balance('renewer')).toBe(rents(5));
    const [sub] = await subscriptionsOf(s);
    expect(sub).toMatchObject({ status: 'expired' });
    const charges = await app.app.get(Db).query(`SELECT id FROM ledger_transactions WHERE kind = 'subscription' AND metadata LIKE ?`, [`%${sub.id as string}%`]);
    expect(charges).toHaveLength(2);
  });

  it('charges a period once when renewals run in parallel', async () => {
    const s = await open(tokenFor('parallel'));
    await credit('parallel', 100);
    expect((await call(s, 'balance:createRoomSubscription', { data: { roomId: 'weekly-only', subscriptionPlan: 'subscription_week' } })).error).toEqual(OK);
    const clock = app.app.get(Clock);
    const offset = clock.offset;
    clock.setOffset(offset + 7 * DAY * 1000 + 1000);
    const renewals = app.app.get(RenewalsService);
    const results = await Promise.all([renewals.renewDue(), renewals.renewDue(), renewals.renewDue()]);
    expect(results.reduce((n, r) => n + r.renewed, 0)).toBe(1);
    expect(await balance('parallel')).toBe(rents(80));
    clock.setOffset(offset);
  });

  it('leaves the ledger consistent', async () => {
    const res = await fetch(`${app.url}/back-api/backoffice/ledger/check`, { headers: { authorization: `Bearer ${adminToken()}` } });
    expect(await res.json()).toMatchObject({ ok: true, failures: [] });
  });
});

describe('the test clock is off by default', () => {
  it('answers 404', async () => {
    const app = await startApp('sqlite');
    try {
      const res = await fetch(`${app.url}/back-api/backoffice/test-clock/advance`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken()}`, 'content-type': 'application/json' },
        body: JSON.stringify({ seconds: 1 }),
      });
      expect(res.status).toBe(404);
      expect(((await res.json()) as Envelope & { statusCode: number }).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
