import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { toDecimalString } from '../../src/common/money.js';
import { LedgerService } from '../../src/ledger/ledger.service.js';
import { SYSTEM_ACCOUNTS } from '../../src/ledger/system-accounts.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { bo, http, type HttpClient } from '../support/http-client.js';
import { legacyCall, legacyXml, sha1Hex } from '../support/legacy-client.js';
import { call, connect } from '../support/socket-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { adminToken, tokenFor } from '../support/tokens.js';

const OK = { status: false, code: 0, message: '' };
const SECRET = 'legacy-test-secret-0123456789';
/** MAX_AMOUNT's default, 10^15 whole units, as the refusals name it. */
const LIMIT = /at most 1000000000000000 per request \(MAX_AMOUNT\)/;
/** Beyond the cap as JSON numbers: one that prints with an exponent, and one just past it. */
const HUGE = [1e300, 1e16] as const;

/**
 * M4: at most MAX_AMOUNT whole units per request, in any asset, on every surface (CONTRACT §10),
 * and a ledger that refuses, with a coded error, a balance its amount columns cannot hold.
 */
describe.each(DATABASE_KINDS)('amounts are bounded on %s', (kind) => {
  let app: RunningApp;
  let api: HttpClient;
  let admin: Socket;
  let giver: Socket;
  const sockets: Socket[] = [];
  const amountOf = async (userId: string, asset: string) => {
    const report = await api.post(bo('/balances'), { userIds: [userId], asset });
    return (report.body.data[0].balances as Array<{ amount: string }>)[0]?.amount ?? '0';
  };

  beforeAll(async () => {
    app = await startApp(kind, { LEGACY_API_SECRET: SECRET });
    api = http(app);
    admin = await connect(app, tokenFor('amount-admin', { username: 'ops', roles: ['admin'] }));
    giver = await connect(app, tokenFor('giver'));
    sockets.push(admin, giver, await connect(app, tokenFor('taker')));
    for (const userId of ['rest-user', 'eth-user', 'legacy-user']) {
      expect((await api.get(bo('/users'), { token: tokenFor(userId) })).status).toBe(403); // creates the user
    }
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await app?.close();
  });

  it('refuses socket amounts beyond MAX_AMOUNT, exponent forms included, and takes one at the limit', async () => {
    for (const amount of [...HUGE, '10000000000000000', -1e16, '1000000000000000.00000001']) {
      const refused = await call(admin, 'balance:addUserBalanceByAdmin', { data: { targetUser: 'giver', amount } });
      expect({ amount, error: refused.error }).toEqual({ amount, error: { status: true, code: 400, message: expect.stringMatching(LIMIT) } });
    }
    const atLimit = await call(admin, 'balance:addUserBalanceByAdmin', { data: { targetUser: 'giver', amount: 1e15 } });
    expect(atLimit).toEqual({ data: { transactionId: expect.any(String), token: 1e15 }, error: OK });

    // The giver has 10^15 rents: without the cap these would be 422 (insufficient funds), not 400.
    for (const token of [...HUGE, '1000000000000001']) {
      const refused = await call(giver, 'balance:donateToken', { data: { targetUser: 'taker', token } });
      expect({ token, error: refused.error }).toEqual({ token, error: { status: true, code: 400, message: expect.stringMatching(LIMIT) } });
    }
    expect(await amountOf('giver', 'rents')).toBe('1000000000000000');
    expect(await amountOf('taker', 'rents')).toBe('0');
  });

  it('refuses REST adjustments, holds, captures, token actions and plan prices beyond MAX_AMOUNT', async () => {
    for (const amount of [...HUGE, '10000000000000000']) {
      const refusals = [
        await api.post(bo('/user/rest-user/adjustments'), { asset: 'usd', amount, comment: 'too much' }),
        await api.post(bo('/user/rest-user/holds'), { asset: 'usd', amount, reason: 'too much' }),
        await api.put(bo('/token-actions/hugeAction'), { type: 'mining', token: amount, price: '1', category: 'event', description: '' }),
        await api.put(bo('/token-actions/hugeAction'), { type: 'buying', token: '1', price: amount, category: 'product', description: '' }),
        await api.put(bo('/products/room/huge-room'), { options: [{ plan: 'subscription_year', price: amount }] }),
      ];
      for (const refused of refusals) expect({ amount, ...refused.body }).toEqual({ amount, statusCode: 400, message: expect.stringMatching(LIMIT) });
    }
    expect((await api.post(bo('/user/rest-user/adjustments'), { asset: 'usd', amount: '100', comment: 'funding' })).status).toBe(201);
    const hold = await api.post(bo('/user/rest-user/holds'), { asset: 'usd', amount: '10', reason: 'order' });
    expect(hold.status).toBe(201);
    expect((await api.post(bo(`/holds/${hold.body.holdId}/capture`), { amount: 1e16 })).body).toEqual({ statusCode: 400, message: expect.stringMatching(LIMIT) });
    expect((await api.get(bo(`/holds/${hold.body.holdId}`))).body).toMatchObject({ status: 'pending', captured: null });
    expect(await amountOf('rest-user', 'usd')).toBe('100');
    expect((await api.get(bo('/token-actions'))).body).not.toContainEqual(expect.objectContaining({ action: 'hugeAction' }));
    expect((await api.get(bo('/products/room/huge-room'))).status).toBe(404);
  });

  it('refuses a plan price that converts to more than MAX_AMOUNT of the paying currency', async () => {
    expect((await api.put(bo('/products/room/pricey'), { options: [{ plan: 'one_time_payment', price: '150' }] })).status).toBe(200);
    // valu quoted at 10^-20 usd: 150 rents (1.5 usd) is 1.5 * 10^20 valu.
    expect((await api.put(bo('/exchange-rates/valu'), { rate: '0.00000000000000000001' })).status).toBe(200);
    const refused = await call(giver, 'balance:createRoomSubscription', { data: { roomId: 'pricey', subscriptionPlan: 'one_time_payment', currency: 'valu', walletAddress: '0xw' } });
    expect(refused.error).toEqual({ status: true, code: 400, message: 'price: 150000000000000000000 valu is more than 1000000000000000 per request (MAX_AMOUNT)' });
    expect((await call(giver, 'balance:getSubscriptions')).data).toEqual({ subscriptions: [] });
  });

  it('keeps exchange rates to what their column holds', async () => {
    for (const rate of [1e300, 1e-300, '0.' + '0'.repeat(40) + '1']) {
      expect({ rate, ...(await api.put(bo('/exchange-rates/xmr'), { rate })).body }).toEqual({ rate, statusCode: 400, message: 'rate must have at most 30 digits before the decimal point and 40 after' });
    }
    expect((await api.put(bo('/exchange-rates/xmr'), { rate: '150.5' })).body).toMatchObject({ asset: 'xmr', rate: '150.5' });
  });

  it('refuses a legacy update beyond MAX_AMOUNT with "User balance not updated"', async () => {
    const update = (balance: string | number, requestId: string) =>
      legacyCall(app.url, '/billing/api/user_balance_update', {
        json: { user_id: 'legacy-user', balance, request_id: requestId, u: 'ops', hash: sha1Hex('legacy-user', toDecimalString(balance), requestId, SECRET) },
      });
    for (const [i, balance] of [...HUGE, '10000000000000000', '-10000000000000000'].entries()) {
      expect({ balance, body: (await update(balance, `huge-${i}`)).body }).toEqual({ balance, body: legacyXml.pageError('User balance not updated') });
    }
    expect((await update('12.5', 'fine-1')).body).toBe(legacyXml.updated('legacy-user', 'legacy-user', '12.50'));
    expect(await amountOf('legacy-user', 'usd')).toBe('12.5');
  });

  it('posts and reads back exactly the largest eth amount allowed, 10^15 with 18 decimals', async () => {
    const largest = ['1000000000000000', '999999999999999.999999999999999999'];
    for (const amount of largest) {
      expect(await api.post(bo('/user/eth-user/adjustments'), { asset: 'eth', amount, comment: 'at the cap' })).toMatchObject({ status: 201, body: { amount } });
    }
    expect((await api.post(bo('/user/eth-user/adjustments'), { asset: 'eth', amount: '1000000000000000.000000000000000001', comment: 'over' })).body)
      .toEqual({ statusCode: 400, message: expect.stringMatching(LIMIT) });
    expect(await amountOf('eth-user', 'eth')).toBe('1999999999999999.999999999999999999');
    const history = (await api.get(bo('/user/eth-user/transactions?asset=eth'))).body.data as Array<{ amount: string }>;
    expect(history.map((e) => e.amount).sort()).toEqual([...largest].sort());
  });
});

/** Its own ledger: the issuer's eth account must be untouched for the edge to be reached exactly. */
describe.each(DATABASE_KINDS)("the amount columns' range on %s", (kind) => {
  let app: RunningApp;
  let api: HttpClient;
  const amountOf = async (userId: string, asset: string) => {
    const report = await api.post(bo('/balances'), { userIds: [userId], asset });
    return (report.body.data[0].balances as Array<{ amount: string }>)[0]?.amount ?? '0';
  };

  beforeAll(async () => {
    app = await startApp(kind);
    api = http(app);
    expect((await api.get(bo('/users'), { token: tokenFor('edge-user') })).status).toBe(403); // creates the user
  });
  afterAll(async () => {
    await app?.close();
  });

  it('fills an eth balance to the amount column\'s last digit, then refuses the next credit with a coded 400 and no write', async () => {
    // Reaching 10^78 minor units would take ~10^45 capped requests; the ledger is put next to it.
    const columnMax = 10n ** 78n - 1n;
    const cap = 10n ** 33n; // MAX_AMOUNT whole eth in minor units
    await app.app.get(LedgerService).post({ kind: 'adjustment', action: 'columnEdge', legs: [
      { ownerId: SYSTEM_ACCOUNTS.issuer, asset: 'eth', amount: -(columnMax - cap), type: 'system' },
      { ownerId: 'edge-user', asset: 'eth', amount: columnMax - cap, type: 'mining' },
    ] });
    const full = '9'.repeat(60) + '.' + '9'.repeat(18);
    expect(await api.post(bo('/user/edge-user/adjustments'), { asset: 'eth', amount: '1000000000000000', comment: 'last credit that fits' })).toMatchObject({ status: 201, body: { balance: { amount: full } } });
    expect(await amountOf('edge-user', 'eth')).toBe(full);

    const before = (await api.get(bo('/user/edge-user/transactions?asset=eth'))).body.paging.total;
    const over = await api.post(bo('/user/edge-user/adjustments'), { asset: 'eth', amount: '0.000000000000000001', comment: 'one wei too many' });
    expect(over.body).toEqual({ statusCode: 400, message: 'The ledger cannot hold a eth balance or total of 78 digits or more in minor units' });
    expect((await api.post(bo('/user/edge-user/adjustments'), { asset: 'usd', amount: '1', comment: 'another account' })).status).toBe(201);
    expect(await amountOf('edge-user', 'eth')).toBe(full);
    expect((await api.get(bo('/user/edge-user/transactions?asset=eth'))).body.paging.total).toBe(before);
    expect((await api.get(bo('/ledger/check'), { token: adminToken() })).body).toMatchObject({ ok: true });
  });
});
