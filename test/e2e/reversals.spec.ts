import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { UsersService } from '../../src/auth/users.service.js';
import { AssetRegistry } from '../../src/ledger/asset-registry.js';
import { LedgerService } from '../../src/ledger/ledger.service.js';
import { ProductsService } from '../../src/subscriptions/products.service.js';
import { startApp, startAppOn, type RunningApp } from '../support/app-harness.js';
import { bo, http, type HttpClient, type HttpOptions } from '../support/http-client.js';
import { call, collect, sleep, socketPool, until, type Envelope } from '../support/socket-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { tokenFor } from '../support/tokens.js';

const OK = { status: false, code: 0, message: '' };
const rents = (n: number) => BigInt(Math.round(n * 1e8));

/** Reversals (CONTRACT §8): a mirror transaction, whole or in part, never more than the original. */
describe.each(DATABASE_KINDS)('reversals on %s', (kind) => {
  let app: RunningApp;
  let api: HttpClient;
  const sockets = socketPool(() => app);
  let keys = 0;
  const key = (k = `rev-${++keys}`) => ({ headers: { 'Idempotency-Key': k } });

  const reverse = (transactionId: string, body: Record<string, unknown> = { comment: 'Reversed for the test' }, options: HttpOptions = key()) =>
    api.post(bo(`/transactions/${transactionId}/reversals`), body, options);
  const adjust = async (userId: string, asset: string, amount: string) => {
    const res = await api.post(bo(`/user/${userId}/adjustments`), { asset, amount, comment: 'funding' });
    expect(res.status).toBe(201);
    return res.body.transactionId as string;
  };
  const transaction = async (transactionId: string) => (await api.get(bo(`/transactions/${transactionId}`))).body;
  /** The account as the backoffice states amounts: exact decimals, locked funds included in `amount`. */
  const account = async (userId: string, asset: string) => {
    const { balance, locked } = await balanceOf(userId, asset);
    const assets = app.app.get(AssetRegistry);
    return { amount: assets.format(asset, balance), locked: assets.format(asset, locked) };
  };
  const balanceOf = (userId: string, asset: string) => app.app.get(LedgerService).balanceOf(userId, asset);
  const donate = async (from: string, to: string, token: number) => {
    const answer = await call(await sockets.open(tokenFor(from)), 'balance:donateToken', { data: { targetUser: to, token } });
    expect(answer.error).toEqual(OK);
    return (answer.data as { transactionId: string }).transactionId;
  };
  const ledgerIsSound = async () => expect((await api.get(bo('/ledger/check'))).body).toMatchObject({ ok: true, failures: [] });

  beforeAll(async () => {
    app = await startApp(kind);
    api = http(app);
    const users = app.app.get(UsersService);
    for (const id of ['r-giver', 'r-taker', 'r-part', 'r-multi-a', 'r-multi-b', 'r-multi-c', 'r-race', 'r-held', 'r-spent', 'r-spender', 'r-debit', 'r-frozen-a', 'r-frozen-b', 'r-idem', 'r-sub', 'r-owner', 'r-cap']) {
      await users.upsert({ id, username: id, email: `${id}@example.com`, roles: [], currency: null });
    }
  });
  afterAll(async () => {
    sockets.closeAll();
    await app?.close();
  });

  it('reverses a donation whole: mirror entries, both histories, links both ways, totals and user:balance net back', async () => {
    await adjust('r-giver', 'rents', '10');
    const giver = await sockets.open(tokenFor('r-giver'));
    const taker = await sockets.open(tokenFor('r-taker'));
    const before = (await call(taker, 'balance:getTransactions')).data;
    const donation = await donate('r-giver', 'r-taker', 3);
    expect((await call(taker, 'balance:getTransactions')).data).toEqual({ transactions: { spending: {}, mining: { donation: 3 }, buying: {} }, token: 3 });
    const giverPushes = collect<Envelope>(giver, 'user:balance');
    const takerPushes = collect<Envelope>(taker, 'user:balance');

    const res = await reverse(donation, { comment: 'Sent to the wrong user' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ transactionId: expect.stringMatching(/^[0-9]+$/), reverses: donation });
    const reversal = res.body.transactionId as string;

    expect(await transaction(reversal)).toEqual({
      transactionId: reversal,
      createdAt: expect.stringMatching(/Z$/),
      kind: 'reversal',
      action: 'reversal',
      comment: 'Sent to the wrong user',
      actor: { id: 'admin-1' },
      reverses: donation,
      reversedBy: [],
      entries: [
        { userId: 'r-giver', account: 'r-giver', asset: 'rents', amount: '3', type: 'spending', action: 'donation', balanceAfter: '10' },
        { userId: 'r-taker', account: 'r-taker', asset: 'rents', amount: '-3', type: 'mining', action: 'donation', balanceAfter: '0' },
      ],
    });
    expect((await transaction(donation)).reversedBy).toEqual([reversal]);
    for (const userId of ['r-giver', 'r-taker']) {
      const latest = (await api.get(bo(`/user/${userId}/transactions`))).body.data[0];
      expect(latest).toMatchObject({ transactionId: reversal, kind: 'reversal', action: 'donation', reverses: donation });
    }
    const everyone = (await api.get(bo('/transactions?per_page=2'))).body.data;
    expect(everyone.map((e: { reverses?: string }) => e.reverses)).toEqual([donation, donation]);

    // The totals per type and action are what they were before the donation, pushed and asked for.
    await until(() => giverPushes.length > 0 && takerPushes.length > 0);
    // A reversal is entries too: each account's sequence moves on (it never goes back).
    expect(takerPushes.at(-1)).toEqual({ data: { token: 0, transactions: before!.transactions, seq: 2 }, error: OK });
    expect(giverPushes.at(-1)).toEqual({ data: { token: 10, transactions: { spending: {}, mining: { adjustment: 10 }, buying: {} }, seq: 3 }, error: OK });
    expect((await call(taker, 'balance:getTransactions')).data).toEqual(before);
    expect((await call(giver, 'balance:getTransactions')).data).toEqual({ transactions: { spending: {}, mining: { adjustment: 10 }, buying: {} }, token: 10 });
    await ledgerIsSound();
  });

  it('reverses in part, never more than remains: 422 over the rest, 409 once nothing is left', async () => {
    const original = await adjust('r-part', 'usd', '10');
    expect((await reverse(original, { comment: 'part', amount: '4' })).status).toBe(201);
    expect(await account('r-part', 'usd')).toMatchObject({ amount: '6' });
    expect(await reverse(original, { comment: 'too much', amount: '6.01' })).toMatchObject({ status: 422, body: { statusCode: 422, message: 'Amount exceeds what remains to reverse' } });
    expect(await reverse(original, { comment: 'scale', amount: '0.001' })).toMatchObject({ status: 400, body: { statusCode: 400, message: expect.stringMatching(/decimal places/) } });
    for (const amount of ['0', '-1']) expect((await reverse(original, { comment: 'not positive', amount })).status).toBe(400);
    expect((await reverse(original, { comment: 'bad', amount: 'lots' })).status).toBe(400);
    // Without an amount: all that remains.
    const rest = await reverse(original, { comment: 'the rest' });
    expect(rest.status).toBe(201);
    expect((await transaction(rest.body.transactionId)).entries.map((e: { amount: string }) => e.amount)).toEqual(['-6', '6']);
    expect(await account('r-part', 'usd')).toMatchObject({ amount: '0' });
    expect(await reverse(original, { comment: 'again' })).toMatchObject({ status: 409, body: { statusCode: 409, message: 'Transaction already reversed' } });
    expect(await reverse(original, { comment: 'again', amount: '1' })).toMatchObject({ status: 409, body: { message: 'Transaction already reversed' } });
    expect((await transaction(original)).reversedBy).toHaveLength(2);
    await ledgerIsSound();
  });

  it('reverses a transaction of more than two entries only whole', async () => {
    const posted = await app.app.get(LedgerService).post({
      kind: 'split',
      action: 'splitPayment',
      legs: [
        { ownerId: 'system:issuer', asset: 'rents', amount: -rents(5), type: 'system' },
        { ownerId: 'r-multi-a', asset: 'rents', amount: rents(2), type: 'mining' },
        { ownerId: 'r-multi-b', asset: 'rents', amount: rents(3), type: 'buying' },
      ],
    });
    const original = posted.transactionId;
    expect(await reverse(original, { comment: 'part', amount: '1' })).toMatchObject({
      status: 400,
      body: { message: 'amount is only allowed for a transaction with one debited and one credited entry; leave it out to reverse all of it' },
    });
    const whole = await reverse(original, { comment: 'all of it' });
    expect(whole.status).toBe(201);
    expect((await transaction(whole.body.transactionId)).entries.map((e: { account: string; amount: string; type: string; action: string }) => [e.account, e.amount, e.type, e.action])).toEqual([
      ['system:issuer', '5', 'system', 'splitPayment'],
      ['r-multi-a', '-2', 'mining', 'splitPayment'],
      ['r-multi-b', '-3', 'buying', 'splitPayment'],
    ]);
    expect(await reverse(original, { comment: 'again' })).toMatchObject({ status: 409, body: { message: 'Transaction already reversed' } });
  });

  it('lets only as many racing partial reversals through as the original holds', async () => {
    const original = await adjust('r-race', 'usd', '10');
    const answers = await Promise.all(Array.from({ length: 24 }, () => reverse(original, { comment: 'racing', amount: '3' })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s !== 201)).toEqual(Array(21).fill(422));
    expect(await account('r-race', 'usd')).toMatchObject({ amount: '1' });
    // Racing whole reversals of what is left: one takes it, the others find nothing.
    const wholes = await Promise.all(Array.from({ length: 12 }, () => reverse(original, { comment: 'racing whole' })));
    expect(wholes.map((a) => a.status).sort()).toEqual([201, ...Array(11).fill(409)]);
    expect(await account('r-race', 'usd')).toMatchObject({ amount: '0' });
    const reversals = (await transaction(original)).reversedBy as string[];
    expect(reversals).toHaveLength(4);
    const taken = await Promise.all(reversals.map(async (id) => (await transaction(id)).entries.find((e: { account: string }) => e.account === 'r-race').amount));
    expect(taken.sort()).toEqual(['-1', '-3', '-3', '-3']);
    await ledgerIsSound();
  });

  it('refuses a reversal that would leave a user less than their holds lock, naming the user, and changes nothing', async () => {
    const funding = await adjust('r-held', 'usd', '10');
    expect((await api.post(bo('/user/r-held/holds'), { asset: 'usd', amount: '8', reason: 'pending order' })).status).toBe(201);
    const refused = await reverse(funding, { comment: 'take it back' });
    expect(refused).toMatchObject({ status: 422, body: { statusCode: 422, message: 'Insufficient funds in usd for user r-held' } });
    expect(await account('r-held', 'usd')).toEqual({ amount: '10', locked: '8' });
    expect((await transaction(funding)).reversedBy).toEqual([]);
    expect((await reverse(funding, { comment: 'what is free', amount: '2' })).status).toBe(201);
    expect(await account('r-held', 'usd')).toEqual({ amount: '8', locked: '8' });

    // Money already spent: the receiver of a donation gave it on.
    await adjust('r-spender', 'rents', '5');
    const donation = await donate('r-spender', 'r-spent', 5);
    await donate('r-spent', 'r-giver', 4);
    expect(await reverse(donation, { comment: 'spent' })).toMatchObject({ status: 422, body: { message: 'Insufficient funds in rents for user r-spent' } });
    expect(await balanceOf('r-spent', 'rents')).toEqual({ balance: rents(1), locked: 0n });
    expect(await balanceOf('r-spender', 'rents')).toEqual({ balance: 0n, locked: 0n });
    await ledgerIsSound();
  });

  it("refuses an operator's debit adjustment below what holds lock, naming the user", async () => {
    await adjust('r-debit', 'eur', '10');
    expect((await api.post(bo('/user/r-debit/holds'), { asset: 'eur', amount: '6', reason: 'held' })).status).toBe(201);
    const refused = await api.post(bo('/user/r-debit/adjustments'), { asset: 'eur', amount: '-4.01', comment: 'too much' });
    expect(refused).toMatchObject({ status: 422, body: { statusCode: 422, message: 'Insufficient funds in eur for user r-debit' } });
    expect(await account('r-debit', 'eur')).toEqual({ amount: '10', locked: '6' });
    expect((await api.post(bo('/user/r-debit/adjustments'), { asset: 'eur', amount: '-4', comment: 'what is free' })).status).toBe(201);
    expect(await account('r-debit', 'eur')).toEqual({ amount: '6', locked: '6' });
  });

  it('corrects frozen users: a reversal goes through a freeze of either side', async () => {
    await adjust('r-frozen-a', 'rents', '4');
    const donation = await donate('r-frozen-a', 'r-frozen-b', 4);
    for (const userId of ['r-frozen-a', 'r-frozen-b']) expect((await api.put(bo(`/user/${userId}/freeze`), { scope: 'all', reason: 'investigation' })).status).toBe(200);
    expect((await reverse(donation, { comment: 'fraud' })).status).toBe(201);
    expect(await balanceOf('r-frozen-a', 'rents')).toEqual({ balance: rents(4), locked: 0n });
    expect(await balanceOf('r-frozen-b', 'rents')).toEqual({ balance: 0n, locked: 0n });
  });

  it('requires an Idempotency-Key, replays the same key and body, and refuses the key with another body', async () => {
    const original = await adjust('r-idem', 'usd', '10');
    expect(await reverse(original, { comment: 'no key', amount: '1' }, { headers: {} })).toMatchObject({ status: 400, body: { statusCode: 400, message: 'Idempotency-Key header is required' } });
    const body = { comment: 'once', amount: '2' };
    const first = await reverse(original, body, key('rev-idem-1'));
    const again = await reverse(original, body, key('rev-idem-1'));
    expect(first.status).toBe(201);
    expect(again).toEqual({ ...first, headers: again.headers });
    expect(await reverse(original, { ...body, amount: '3' }, key('rev-idem-1'))).toMatchObject({ status: 409, body: { message: 'Idempotency key reused with a different request' } });
    expect((await transaction(original)).reversedBy).toEqual([first.body.transactionId]);
    expect(await account('r-idem', 'usd')).toMatchObject({ amount: '8' });
    // A refusal is stored too: its replay answers it again.
    const over = await reverse(original, { comment: 'over', amount: '9' }, key('rev-idem-2'));
    expect(over.status).toBe(422);
    expect(await reverse(original, { comment: 'over', amount: '9' }, key('rev-idem-2'))).toMatchObject({ status: 422, body: over.body });
  });

  it('refuses to reverse a reversal (400) and an unknown transaction (404); asks for a comment', async () => {
    const original = await adjust('r-idem', 'usd', '1');
    const reversal = (await reverse(original)).body.transactionId as string;
    expect(await reverse(reversal)).toMatchObject({ status: 400, body: { statusCode: 400, message: 'A reversal cannot be reversed' } });
    for (const id of ['999999999', 'abc', '0']) expect(await reverse(id)).toMatchObject({ status: 404, body: { statusCode: 404, message: `Transaction ${id} not found` } });
    expect((await reverse(original, {})).status).toBe(400);
  });

  it('leaves the subscription of a reversed charge active, and does not re-create the hold of a reversed capture', async () => {
    await app.app.get(ProductsService).put('room', 'r-room', 'r-owner', [{ plan: 'subscription_week', price: '5' }]);
    await adjust('r-sub', 'rents', '5');
    const subscriber = await sockets.open(tokenFor('r-sub'));
    expect((await call(subscriber, 'balance:createRoomSubscription', { data: { roomId: 'r-room', subscriptionPlan: 'subscription_week' } })).error).toEqual(OK);
    const charge = (await api.get(bo('/user/r-sub/transactions?action=roomSubscription'))).body.data[0].transactionId as string;
    expect((await reverse(charge, { comment: 'refund' })).status).toBe(201);
    expect(await balanceOf('r-sub', 'rents')).toEqual({ balance: rents(5), locked: 0n });
    expect(await balanceOf('r-owner', 'rents')).toEqual({ balance: 0n, locked: 0n });
    expect((await api.get(bo('/user/r-sub/subscriptions'))).body).toEqual([expect.objectContaining({ status: 'active' })]);

    await adjust('r-cap', 'usd', '10');
    const hold = (await api.post(bo('/user/r-cap/holds'), { asset: 'usd', amount: '4', reason: 'order' })).body.holdId as string;
    expect((await api.post(bo(`/holds/${hold}/capture`), { amount: '3' })).status).toBe(200);
    const capture = (await api.get(bo('/user/r-cap/transactions?action=holdCapture'))).body.data[0].transactionId as string;
    expect((await reverse(capture, { comment: 'order cancelled' })).status).toBe(201);
    expect(await account('r-cap', 'usd')).toEqual({ amount: '10', locked: '0' });
    expect((await api.get(bo(`/holds/${hold}`))).body).toMatchObject({ status: 'captured', captured: '3' });
    await ledgerIsSound();
  });
});

/**
 * The race that matters on PostgreSQL, where transactions run side by side (SQLite has one
 * writer): two instances, so the two reversals are in transactions of their own, and a raw
 * connection holding the user's account so that both are in flight at once.
 */
describe.each(DATABASE_KINDS.filter((k) => k === 'postgres'))('reversals in flight on %s', (kind) => {
  let app: RunningApp;
  let other: RunningApp;
  let raw: pg.Client;
  const reverse = (on: RunningApp, transactionId: string, amount: string, idempotencyKey: string) =>
    http(on).post(bo(`/transactions/${transactionId}/reversals`), { comment: 'in flight', amount }, { headers: { 'Idempotency-Key': idempotencyKey } });
  /** Waits until `n` statements of the apps wait for a row lock. */
  const waitingForLocks = async (n: number) => {
    for (let attempt = 0; attempt < 500; attempt++) {
      const { rows } = await raw.query<{ n: string }>(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      if (Number(rows[0].n) >= n) return;
      await sleep(10);
    }
    throw new Error(`${n} statements never came to wait for a lock`);
  };

  beforeAll(async () => {
    app = await startApp(kind);
    other = await startAppOn(app.database);
    await app.app.get(UsersService).upsert({ id: 'r-flight', username: 'r-flight', email: 'r-flight@example.com', roles: [], currency: null });
    raw = new pg.Client({ connectionString: app.database.url });
    await raw.connect();
  });
  afterAll(async () => {
    await raw?.end();
    await other?.app.close();
    await app?.close();
  });

  it('two partial reversals in flight together cannot both pass: the second waits for the first and finds less left', async () => {
    const funding = await http(app).post(bo('/user/r-flight/adjustments'), { asset: 'usd', amount: '10', comment: 'funding' });
    const original = funding.body.transactionId as string;
    // Another transaction holds the user's account: the first reversal gets as far as its posting and waits there.
    await raw.query('BEGIN');
    await raw.query(`SELECT id FROM accounts WHERE owner_id = 'r-flight' FOR UPDATE`);
    const first = reverse(app, original, '7', 'flight-1');
    await waitingForLocks(1);
    const second = reverse(other, original, '7', 'flight-2');
    await waitingForLocks(2);
    await raw.query('ROLLBACK');
    const answers = await Promise.all([first, second]);
    expect(answers.map((a) => a.status)).toEqual([201, 422]);
    expect(answers[1].body).toEqual({ statusCode: 422, message: 'Amount exceeds what remains to reverse' });
    expect(await app.app.get(LedgerService).balanceOf('r-flight', 'usd')).toEqual({ balance: 300n, locked: 0n });
  });

  it('many partial reversals sent to two instances at once never add up to more than the original', async () => {
    const funding = await http(app).post(bo('/user/r-flight/adjustments'), { asset: 'usd', amount: '10', comment: 'funding' });
    const original = funding.body.transactionId as string;
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => reverse(i % 2 ? other : app, original, '0.7', `burst-${i}`)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(14);
    expect(statuses.filter((s) => s !== 201)).toEqual(Array(16).fill(422));
    expect(await app.app.get(LedgerService).balanceOf('r-flight', 'usd')).toEqual({ balance: 300n + 20n, locked: 0n });
    expect((await http(app).get(bo('/ledger/check'))).body).toMatchObject({ ok: true });
  });
});
