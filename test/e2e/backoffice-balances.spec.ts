import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UsersService } from '../../src/auth/users.service.js';
import { Db } from '../../src/database/db.service.js';
import { countReads, stopBackgroundReaders } from '../support/read-counter.js';
import { DueWorkService } from '../../src/scheduler/due-work.service.js';
import { LedgerService } from '../../src/ledger/ledger.service.js';
import { SYSTEM_ACCOUNTS } from '../../src/ledger/system-accounts.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { bo, http, type HttpClient } from '../support/http-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';

const user = (id: string, email: string | null = null, roles: string[] = []) => ({ id, username: `name-${id}`, email, roles, currency: null });

describe.each(DATABASE_KINDS)('backoffice balances, history and adjustments on %s', (kind) => {
  let app: RunningApp;
  let api: HttpClient;
  const adjust = async (userId: string, asset: string, amount: string | number, comment = 'test') => {
    const res = await api.post(bo(`/user/${userId}/adjustments`), { asset, amount, comment });
    expect({ userId, asset, amount, status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body;
  };
  const balancesOf = async (body: object, query = '') => (await api.post(bo(`/balances${query}`), body)).body;

  beforeAll(async () => {
    app = await startApp(kind);
    api = http(app);
    const users = app.app.get(UsersService);
    for (const id of ['bal-a', 'bal-b', 'bal-c', 'bal-d', 'bal-e', 'bal-f', 'bal-g', 'bal-empty']) await users.upsert(user(id, `${id}@example.com`, ['Bot']));
    await adjust('bal-a', 'btc', '1.5');
    await adjust('bal-a', 'usd', '10.25');
    expect((await api.post(bo('/user/bal-a/holds'), { asset: 'btc', amount: '0.5', reason: 'open order' })).status).toBe(201);
    await adjust('bal-b', 'usd', 5);
    await adjust('bal-b', 'xmr', '2.000000000001');
    await adjust('bal-c', 'rents', '0.5');
    await adjust('bal-d', 'rents', '2.5');
  });
  afterAll(async () => {
    await app?.close();
  });

  describe('GET /user/{userId}/balance/', () => {
    it('lists the available balance per account as JSON numbers, with or without the trailing slash', async () => {
      const expected = [
        { asset: 'btc', balance: 1 },
        { asset: 'usd', balance: 10.25 },
      ];
      expect(await api.get(bo('/user/bal-a/balance/'))).toMatchObject({ status: 200, body: expected });
      expect(await api.get(bo('/user/bal-a/balance'))).toMatchObject({ status: 200, body: expected });
      expect(await api.get(bo('/user/bal-empty/balance/'))).toMatchObject({ status: 200, body: [] });
    });
  });

  describe('POST /balances', () => {
    it("answers the spec's shape in request order, with error entries for unknown users", async () => {
      const res = await api.post(bo('/balances'), { userIds: ['bal-a', 'nobody-1', 'bal-b'] });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        filters: { userIds: ['bal-a', 'nobody-1', 'bal-b'] },
        paging: { page: 1, per_page: 20, total: 3 },
        data: [
          {
            userName: 'name-bal-a',
            userId: 'bal-a',
            userEmail: 'bal-a@example.com',
            userRoles: ['Bot'],
            balances: [
              { asset: 'btc', amount: '1.5', locked: '0.5', fundsInRootAsset: '97500' },
              { asset: 'usd', amount: '10.25', locked: '0', fundsInRootAsset: '10.25' },
            ],
            totalFundsInRootAsset: '97510.25',
            rootAsset: 'usd',
          },
          { userId: 'nobody-1', error: 'User with id:nobody-1 not found.' },
          {
            userName: 'name-bal-b',
            userId: 'bal-b',
            userEmail: 'bal-b@example.com',
            userRoles: ['Bot'],
            // xmr has no quote: no fundsInRootAsset for it, and so no total.
            balances: [
              { asset: 'usd', amount: '5', locked: '0', fundsInRootAsset: '5' },
              { asset: 'xmr', amount: '2.000000000001', locked: '0' },
            ],
            rootAsset: 'usd',
          },
        ],
      });
    });

    it('filters by one asset or a list (case-insensitive), echoes the filter and then never totals', async () => {
      const one = await balancesOf({ asset: 'btc', userIds: ['bal-a', 'bal-empty'] });
      expect(one.filters).toEqual({ asset: 'btc', userIds: ['bal-a', 'bal-empty'] });
      expect(one.data[0].balances).toEqual([{ asset: 'btc', amount: '1.5', locked: '0.5', fundsInRootAsset: '97500' }]);
      expect(one.data[0].totalFundsInRootAsset).toBeUndefined();
      expect(one.data[1].balances).toEqual([{ asset: 'btc', amount: '0', locked: '0', fundsInRootAsset: '0' }]);
      const list = await balancesOf({ asset: ['USD', 'xmr'], userIds: ['bal-b'] });
      expect(list.filters).toEqual({ asset: ['USD', 'xmr'], userIds: ['bal-b'] });
      expect(list.data[0].balances).toEqual([
        { asset: 'usd', amount: '5', locked: '0', fundsInRootAsset: '5' },
        { asset: 'xmr', amount: '2.000000000001', locked: '0' },
      ]);
      expect(list.data[0]).not.toHaveProperty('totalFundsInRootAsset');
    });

    it('converts into the root asset half-even at its scale', async () => {
      const { data } = await balancesOf({ userIds: ['bal-c', 'bal-d'] });
      // 0.5 rents * 0.01 = 0.005 -> 0.00 and 2.5 * 0.01 = 0.025 -> 0.02 (half-up would give 0.01 and 0.03).
      expect(data[0].balances).toEqual([{ asset: 'rents', amount: '0.5', locked: '0', fundsInRootAsset: '0' }]);
      expect(data[0].totalFundsInRootAsset).toBe('0');
      expect(data[1].balances).toEqual([{ asset: 'rents', amount: '2.5', locked: '0', fundsInRootAsset: '0.02' }]);
    });

    it('keeps amounts exact: 0.1 + 0.2, 18-decimal eth, more than 2^53 minor units', async () => {
      await adjust('bal-e', 'usd', '0.1');
      await adjust('bal-e', 'usd', '0.2');
      await adjust('bal-e', 'eur', 0.1);
      await adjust('bal-e', 'eur', 0.2);
      await adjust('bal-e', 'eth', '1.123456789012345678');
      await adjust('bal-f', 'usd', '123456789012345.67');
      const { data } = await balancesOf({ userIds: ['bal-e', 'bal-f'] });
      expect(data[0].balances).toEqual([
        { asset: 'eth', amount: '1.123456789012345678', locked: '0', fundsInRootAsset: '3595.06' },
        { asset: 'eur', amount: '0.3', locked: '0', fundsInRootAsset: '0.32' },
        { asset: 'usd', amount: '0.3', locked: '0', fundsInRootAsset: '0.3' },
      ]);
      expect(data[0].totalFundsInRootAsset).toBe('3595.68');
      expect(data[1].balances).toEqual([{ asset: 'usd', amount: '123456789012345.67', locked: '0', fundsInRootAsset: '123456789012345.67' }]);
      expect(data[1].totalFundsInRootAsset).toBe('123456789012345.67');
    });

    it('pages over the requested users (page/per_page and Page/PerPage), past the end empty', async () => {
      const userIds = ['bal-a', 'bal-b', 'ghost', 'bal-c', 'bal-d'];
      const second = await balancesOf({ userIds }, '?page=2&per_page=2');
      expect(second.paging).toEqual({ page: 2, per_page: 2, total: 5 });
      expect(second.data.map((d: { userId: string }) => d.userId)).toEqual(['ghost', 'bal-c']);
      const aliased = await balancesOf({ userIds }, '?Page=3&PerPage=2');
      expect(aliased.paging).toEqual({ page: 3, per_page: 2, total: 5 });
      expect(aliased.data.map((d: { userId: string }) => d.userId)).toEqual(['bal-d']);
      expect(await balancesOf({ userIds }, '?page=4&per_page=2')).toMatchObject({ paging: { page: 4, per_page: 2, total: 5 }, data: [] });
      expect(await balancesOf({ userIds: [] })).toEqual({ filters: { userIds: [] }, paging: { page: 1, per_page: 20, total: 0 }, data: [] });
      expect((await balancesOf({ userIds }, '?per_page=1')).data).toHaveLength(1);
      expect((await balancesOf({ userIds }, '?per_page=100')).data).toHaveLength(5);
    });

    it('reports every user when userIds is absent, oldest first, total = all users', async () => {
      const users = await api.get(bo('/users?per_page=100'));
      const all = await balancesOf({}, '?per_page=100');
      expect(all.filters).toEqual({});
      expect(all.paging).toEqual({ page: 1, per_page: 100, total: users.body.paging.total });
      expect(all.data.map((d: { userId: string }) => d.userId)).toEqual(users.body.data.map((u: { userId: string }) => u.userId));
      expect(all.data.every((d: { error?: string }) => d.error === undefined)).toBe(true);
    });
  });

  describe('adjustments and history', () => {
    it('credits and withdraws through the ledger with the comment, never below what is available', async () => {
      await adjust('bal-g', 'btc', '2');
      expect((await api.post(bo('/user/bal-g/holds'), { asset: 'btc', amount: '1.5', reason: 'r' })).status).toBe(201);
      const refused = await api.post(bo('/user/bal-g/adjustments'), { asset: 'btc', amount: '-0.6', comment: 'too much' });
      expect(refused).toMatchObject({ status: 422, body: { statusCode: 422, message: 'Insufficient funds in btc for user bal-g' } });
      const res = await api.post(bo('/user/bal-g/adjustments'), { asset: 'BTC', amount: '-0.5', comment: 'chargeback #12' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        transactionId: expect.any(String),
        userId: 'bal-g',
        action: 'adjustment',
        asset: 'btc',
        amount: '-0.5',
        comment: 'chargeback #12',
        balance: { asset: 'btc', amount: '1.5', locked: '1.5', available: '0' },
      });
      const history = await api.get(bo('/user/bal-g/transactions'));
      expect(history.body.paging.total).toBe(2);
      expect(history.body.data[0]).toEqual({
        entryId: expect.any(String),
        transactionId: res.body.transactionId,
        asset: 'btc',
        amount: '-0.5',
        balanceAfter: '1.5',
        type: 'spending',
        action: 'adjustment',
        kind: 'adjustment',
        metadata: { comment: 'chargeback #12', admin: 'admin-1' },
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      });
    });

    it('lists entries newest first with exact amounts, filtered by asset, type, action, from and to, paged', async () => {
      const list = async (query: string) => (await api.get(bo(`/user/bal-e/transactions${query}`))).body;
      const all = await list('');
      expect(all.data.map((e: { asset: string; amount: string; balanceAfter: string }) => [e.asset, e.amount, e.balanceAfter])).toEqual([
        ['eth', '1.123456789012345678', '1.123456789012345678'],
        ['eur', '0.2', '0.3'],
        ['eur', '0.1', '0.1'],
        ['usd', '0.2', '0.3'],
        ['usd', '0.1', '0.1'],
      ]);
      expect((await list('?asset=usd')).data.map((e: { amount: string }) => e.amount)).toEqual(['0.2', '0.1']);
      expect((await list('?asset=usd')).filters).toEqual({ asset: 'usd' });
      expect((await list('?type=mining&action=adjustment')).paging.total).toBe(5);
      expect((await list('?type=spending')).paging.total).toBe(0);
      expect((await list('?action=donation')).paging.total).toBe(0);
      expect((await list('?from=2000-01-01')).paging.total).toBe(5);
      expect((await list('?from=946684800000&to=4102444800000')).paging.total).toBe(5);
      expect((await list('?to=2000-01-01T00:00:00')).paging.total).toBe(0);
      expect((await list('?from=2100-01-01T00:00:00Z')).paging.total).toBe(0);
      const oldest = all.data[4].createdAt;
      expect((await list(`?to=${encodeURIComponent(oldest)}`)).paging.total).toBe(0);
      expect((await list(`?from=${Date.parse(oldest)}`)).paging.total).toBe(5);
      const paged = await list('?page=2&per_page=2');
      expect(paged.paging).toEqual({ page: 2, per_page: 2, total: 5 });
      expect(paged.data.map((e: { entryId: string }) => e.entryId)).toEqual([all.data[2].entryId, all.data[3].entryId]);
      expect((await list('?page=9&per_page=2')).data).toEqual([]);
    });
  });

  it('leaves the ledger consistent', async () => {
    expect((await api.get(bo('/ledger/check'))).body).toMatchObject({ ok: true, failures: [] });
  });
});

describe.each(DATABASE_KINDS)('POST /balances at scale on %s', (kind) => {
  const USERS = 1000;
  let app: RunningApp;
  let api: HttpClient;
  const ids = Array.from({ length: USERS }, (_, i) => `scale-${String(i).padStart(4, '0')}`);

  beforeAll(async () => {
    app = await startApp(kind);
    api = http(app);
    const db = app.app.get(Db);
    await db.transaction((tx) =>
      tx.query(
        `INSERT INTO users (id, username, email, roles, currency, created_at, updated_at) VALUES ${ids.map(() => "(?, ?, ?, '[]', NULL, ?, ?)").join(', ')}`,
        ids.flatMap((id, i) => [id, id, `${id}@example.com`, i, i]),
      ),
    );
    // A few postings per asset credit many users at once: a realistic ledger without 9,000 requests.
    // (Batches of 250: the ledger finds accounts with one OR per leg, and SQLite caps expression depth at 1,000.)
    const ledger = app.app.get(LedgerService);
    for (const asset of ['rents', 'roomi', 'valu', 'usd', 'eur', 'btc', 'eth', 'usdt', 'xmr']) {
      for (let start = 0; start < USERS; start += 250) {
        const batch = ids.slice(start, start + 250);
        await ledger.post({
          kind: 'adjustment',
          action: 'seed',
          legs: [
            ...batch.map((ownerId) => ({ ownerId, asset, amount: 100n, type: 'mining' as const })),
            { ownerId: SYSTEM_ACCOUNTS.issuer, asset, amount: -100n * BigInt(batch.length), type: 'system' as const },
          ],
        });
      }
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers a page of 100 users x 9 assets from a fixed handful of queries', async () => {
    await api.get(bo('/ledger/check')); // the admin's first request records the admin user
    // Background due work reads too: stopped (and any run in progress finished) so only this request's reads count.
    const dueWork = app.app.get(DueWorkService);
    dueWork.onApplicationShutdown();
    await dueWork.runDue();
    await stopBackgroundReaders(app.app);
    const reads = countReads(app.app.get(Db));
    try {
      for (const body of [{ userIds: ids }, {}]) {
        reads.reset();
        const started = Date.now();
        const res = await api.post(bo('/balances?page=3&per_page=100'), body);
        const elapsed = Date.now() - started;
        expect(res.status).toBe(200);
        expect(res.body.paging.page).toBe(3);
        expect(res.body.data).toHaveLength(100);
        expect(res.body.data[0].balances).toHaveLength(9);
        expect(res.body.data[0]).toMatchObject({ userId: 'scale-0200', balances: expect.arrayContaining([{ asset: 'eth', amount: '0.0000000000000001', locked: '0', fundsInRootAsset: '0' }]) });
        expect(reads.count).toBeLessThanOrEqual(4);
        expect(elapsed).toBeLessThan(2000);
      }
    } finally {
      reads.restore();
    }
  });

  it('pages through all 1,000 requested users', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 11; page++) {
      const res = await api.post(bo(`/balances?page=${page}&per_page=100`), { userIds: ids, asset: 'usd' });
      expect(res.body.paging).toEqual({ page, per_page: 100, total: USERS });
      seen.push(...res.body.data.map((d: { userId: string; balances: unknown[] }) => (d.balances.length === 1 ? d.userId : 'wrong')));
    }
    expect(seen).toEqual(ids);
  });

  it('leaves the ledger consistent', async () => {
    expect((await api.get(bo('/ledger/check'))).body).toMatchObject({ ok: true, failures: [] });
  });
});
