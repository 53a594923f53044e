import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { UsersService } from '../../src/auth/users.service.js';
import { Clock } from '../../src/common/clock.js';
import { Db } from '../../src/database/db.service.js';
import { BALANCES_AT_SQL } from '../../src/ledger/store/balances.store.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { bo, http, type HttpClient } from '../support/http-client.js';
import { call, connect } from '../support/socket-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { tokenFor } from '../support/tokens.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** One transaction whole, balances at an instant, and entry times that never go back (CONTRACT §8). */
describe.each(DATABASE_KINDS)('transactions and balances at a time on %s', (kind) => {
  let app: RunningApp;
  let api: HttpClient;
  const sockets: Socket[] = [];
  const adjust = async (userId: string, asset: string, amount: string, comment = 'point in time') => {
    const res = await api.post(bo(`/user/${userId}/adjustments`), { asset, amount, comment });
    expect(res.status).toBe(201);
    return res.body.transactionId as string;
  };
  const advance = async (seconds: number) => {
    const res = await api.post(bo('/test-clock/advance'), { seconds });
    expect(res.status).toBe(200);
    return Date.parse(res.body.now);
  };
  const createdAt = async (transactionId: string) => Date.parse((await api.get(bo(`/transactions/${transactionId}`))).body.createdAt);
  const balancesAt = (userId: string, at?: string) => api.get(bo(`/user/${userId}/balances${at === undefined ? '' : `?at=${encodeURIComponent(at)}`}`));

  beforeAll(async () => {
    app = await startApp(kind, { ENABLE_TEST_CLOCK: 'true' });
    api = http(app);
    const users = app.app.get(UsersService);
    for (const id of ['p-donor', 'p-receiver', 'p-adjusted', 'p-timed', 'p-clock']) await users.upsert({ id, username: id, email: `${id}@example.com`, roles: [], currency: null });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await app?.close();
  });

  it('GET /transactions/{id} shows a donation with both sides and the balance each left, as the histories do', async () => {
    await adjust('p-donor', 'rents', '10');
    const donor = await connect(app, tokenFor('p-donor'));
    sockets.push(donor);
    expect((await call(donor, 'balance:donateToken', { data: { targetUser: 'p-receiver', token: 3 } })).error.code).toBe(0);
    const history = await api.get(bo('/user/p-receiver/transactions'));
    const entry = history.body.data[0];
    expect(entry).toMatchObject({ action: 'donation', amount: '3', balanceAfter: '3' });

    const res = await api.get(bo(`/transactions/${entry.transactionId}`));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      transactionId: entry.transactionId,
      createdAt: entry.createdAt,
      kind: 'donation',
      action: 'donation',
      reversedBy: [],
      entries: [
        { userId: 'p-donor', account: 'p-donor', asset: 'rents', amount: '-3', type: 'spending', action: 'donation', balanceAfter: '7' },
        { userId: 'p-receiver', account: 'p-receiver', asset: 'rents', amount: '3', type: 'mining', action: 'donation', balanceAfter: '3' },
      ],
    });
    // Every history entry carries the balance it left, the all-users list too.
    const all = await api.get(bo('/transactions?action=donation'));
    expect(all.body.data.map((e: { userId: string; balanceAfter: string }) => [e.userId, e.balanceAfter])).toEqual([
      ['p-receiver', '3'],
      ['p-donor', '7'],
    ]);
  });

  it("GET /transactions/{id} shows an adjustment with the issuer's side, the operator and the comment", async () => {
    const minted = (await api.get(bo('/user/p-donor/transactions?action=adjustment'))).body.data[0].transactionId;
    const issuerBefore = (await api.get(bo(`/transactions/${minted}`))).body.entries.find((e: { account: string }) => e.account === 'system:issuer');
    expect(issuerBefore).toEqual({ account: 'system:issuer', asset: 'rents', amount: '-10', type: 'system', action: 'adjustment', balanceAfter: '-10' });
    const transactionId = await adjust('p-adjusted', 'rents', '2.5', 'Goodwill for ticket 7');
    const res = await api.get(bo(`/transactions/${transactionId}`));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      transactionId,
      createdAt: expect.stringMatching(/Z$/),
      kind: 'adjustment',
      action: 'adjustment',
      comment: 'Goodwill for ticket 7',
      actor: { id: 'admin-1' },
      reversedBy: [],
      entries: [
        { userId: 'p-adjusted', account: 'p-adjusted', asset: 'rents', amount: '2.5', type: 'mining', action: 'adjustment', balanceAfter: '2.5' },
        // The issuer is minus what is in circulation: 10 minted before, 2.5 now.
        { account: 'system:issuer', asset: 'rents', amount: '-2.5', type: 'system', action: 'adjustment', balanceAfter: '-12.5' },
      ],
    });
  });

  it('GET /transactions/{id} is 404 for an unknown or non-numeric id', async () => {
    for (const id of ['999999999', '0', 'abc', '12abc', '-1', '1e3', '99999999999999999999999']) {
      const res = await api.get(bo(`/transactions/${id}`));
      expect([id, res.status, res.body.message]).toEqual([id, 404, `Transaction ${id} not found`]);
    }
  });

  it('GET /user/{id}/balances?at= answers the balance after the last entry at or before the instant, 0 before the first', async () => {
    await advance(0);
    const first = await adjust('p-timed', 'usd', '10');
    const t1 = await createdAt(first);
    await advance(60);
    const second = await adjust('p-timed', 'usd', '5');
    const t2 = await createdAt(second);
    expect(t2).toBeGreaterThanOrEqual(t1 + 60_000);
    // A hold locks funds and moves nothing: the balances are unchanged by it.
    expect((await api.post(bo('/user/p-timed/holds'), { asset: 'usd', amount: '4', reason: 'locks only' })).status).toBe(201);
    await advance(60);
    const usdAt = async (at: string) => {
      const res = await balancesAt('p-timed', at);
      expect(res.status).toBe(200);
      expect(res.body.userId).toBe('p-timed');
      return res.body.balances;
    };
    expect(await usdAt(iso(t1 - 1))).toEqual([{ asset: 'usd', amount: '0' }]);
    expect(await usdAt(iso(t1))).toEqual([{ asset: 'usd', amount: '10' }]);
    expect(await usdAt(iso(t2 - 1))).toEqual([{ asset: 'usd', amount: '10' }]);
    // t2 is later than real time (the test clock is ahead): allowed, the service's clock is what counts.
    expect(await usdAt(iso(t2))).toEqual([{ asset: 'usd', amount: '15' }]);
    // The same instant with another zone offset, and with digits past the millisecond.
    const plusTwo = new Date(t1 + 2 * 3600_000).toISOString().replace('Z', '+02:00');
    expect(await usdAt(plusTwo)).toEqual([{ asset: 'usd', amount: '10' }]);
    expect(await usdAt(iso(t1).replace('Z', '999Z'))).toEqual([{ asset: 'usd', amount: '10' }]);
    const now = await balancesAt('p-timed');
    expect(now.status).toBe(200);
    expect(now.body.balances).toEqual([{ asset: 'usd', amount: '15' }]);
    expect(Date.parse(now.body.at)).toBeGreaterThanOrEqual(t2 + 60_000);
    expect(await usdAt(iso(t1).replace('Z', '+00:00'))).toEqual([{ asset: 'usd', amount: '10' }]);
    // An account opened later is 0 before its first entry, beside the others.
    await adjust('p-timed', 'eur', '1.25');
    expect((await balancesAt('p-timed', iso(t2))).body.balances).toEqual([
      { asset: 'eur', amount: '0' },
      { asset: 'usd', amount: '15' },
    ]);
  });

  it('GET /user/{id}/balances refuses an instant after the clock or without a zone (400), and an unknown user (404)', async () => {
    const clockNow = await advance(0);
    const future = await balancesAt('p-timed', iso(clockNow + 3600_000));
    expect(future).toMatchObject({ status: 400, body: { statusCode: 400, message: "at must not be later than the service's clock" } });
    for (const at of ['2026-11-30T23:59:59', '2025-02-30', '2025-02-30T00:00:00Z', '2025-13-01T00:00:00Z', '2025-01-01T24:00:00Z', '2025-01-01T00:00:00+25:00', 'yesterday', '1767225600000', '']) {
      const res = await balancesAt('p-timed', at);
      expect([at, res.status, res.body.message]).toEqual([at, 400, 'at must be an RFC 3339 date-time with a zone offset, such as 2026-11-30T23:59:59Z']);
    }
    expect(await balancesAt('nobody-here', '2025-01-01T00:00:00Z')).toMatchObject({ status: 404, body: { message: 'User with id:nobody-here not found.' } });
    // A user with no account has no balances.
    expect((await balancesAt('p-clock', '2025-01-01T00:00:00Z')).body).toEqual({ userId: 'p-clock', at: '2025-01-01T00:00:00.000Z', balances: [] });
  });

  it("a transaction's createdAt is never earlier than the last entry of its accounts, even when the clock steps back", async () => {
    const clock = app.app.get(Clock);
    const ahead = await adjust('p-clock', 'usd', '3');
    const aheadAt = await createdAt(ahead);
    // The service's clock steps back an hour (a wall clock corrected, or another instance's clock behind).
    const offset = clock.offset;
    clock.setOffset(offset - 3600_000);
    try {
      const behind = await adjust('p-clock', 'usd', '1');
      expect(await createdAt(behind)).toBeGreaterThanOrEqual(aheadAt);
      // A first entry of an account takes the time of the other side's last one (the issuer's usd account).
      const firstOfReceiver = await adjust('p-receiver', 'usd', '1');
      expect(await createdAt(firstOfReceiver)).toBeGreaterThanOrEqual(aheadAt);
      // The balance at the instant of each entry is the one it left: the entries' times are in order.
      const history = (await api.get(bo('/user/p-clock/transactions'))).body.data as Array<{ createdAt: string; balanceAfter: string }>;
      expect(history.map((e) => e.balanceAfter)).toEqual(['4', '3']);
      expect(Date.parse(history[0].createdAt)).toBeGreaterThanOrEqual(Date.parse(history[1].createdAt));
    } finally {
      clock.setOffset(offset);
    }
    expect((await balancesAt('p-clock', iso(aheadAt))).body.balances).toEqual([{ asset: 'usd', amount: '4' }]);
  });

  it('a balance at an instant is one index lookup per account (the query plan)', async () => {
    const db = app.app.get(Db);
    const plan = await db.read((reader) =>
      reader.query<Record<string, unknown>>(`${kind === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN'} ${BALANCES_AT_SQL}`, [Date.now(), 'p-timed']),
    );
    const text = plan.map((row) => String(row.detail ?? row['QUERY PLAN'])).join('\n');
    expect(text).toMatch(/ledger_entries_account_time/);
    // No scan of the entries and no sort of them: the index hands over the last one first.
    expect(text).not.toMatch(kind === 'sqlite' ? /SCAN e\b|SCAN ledger_entries|TEMP B-TREE/ : /Seq Scan on ledger_entries|Sort/);
  });
});
