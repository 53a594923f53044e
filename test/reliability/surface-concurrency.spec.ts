import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { Clock } from '../../src/common/clock.js';
import { Db } from '../../src/database/db.service.js';
import { ProductsService } from '../../src/subscriptions/products.service.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { http } from '../support/http-client.js';
import { call, connect } from '../support/socket-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { NO_RATE_LIMITS } from '../support/server-process.js';
import { tokenFor } from '../support/tokens.js';

const RING = ['ring-0', 'ring-1', 'ring-2', 'ring-3', 'ring-4', 'ring-5'];

/**
 * Races through the public surfaces, with many clients at once: no negative balance, every
 * asset conserved, successes equal recorded transactions, each hold and period settled once.
 */
describe.each(DATABASE_KINDS)('concurrency through the public surfaces on %s', (kind) => {
  let app: RunningApp;
  let admin: Socket;
  const opened: Socket[] = [];
  const open = async (user: string, roles: string[] = []) => {
    const socket = await connect(app, tokenFor(user, { roles }));
    opened.push(socket);
    return socket;
  };
  const count = async (sql: string, params: unknown[] = []) => Number((await app.app.get(Db).query<{ n: string }>(sql, params))[0].n);
  const ledgerOk = async () => expect((await http(app).get('/back-api/backoffice/ledger/check')).body).toMatchObject({ ok: true, failures: [] });

  beforeAll(async () => {
    app = await startApp(kind, { ...NO_RATE_LIMITS, ENABLE_TEST_CLOCK: 'true' });
    admin = await open('race-admin', ['admin']);
  });
  afterAll(async () => {
    opened.forEach((s) => s.close());
    await app?.close();
  });

  it('donations in a ring and into one hot account, with admin debits racing them', async () => {
    const sockets = await Promise.all(RING.map((u) => open(u)));
    const hot = await open('hot-account');
    for (const user of RING) await call(admin, 'balance:addUserBalanceByAdmin', { data: { targetUser: user, amount: 20 } });
    const before = await count(`SELECT COUNT(*) AS n FROM ledger_transactions`);
    const attempts: Array<Promise<{ error: { code: number } }>> = [];
    for (let round = 0; round < 15; round++) {
      sockets.forEach((s, i) => {
        attempts.push(call(s, 'balance:donateToken', { data: { targetUser: RING[(i + 1) % RING.length], token: 3 } }));
        attempts.push(call(s, 'balance:donateToken', { data: { targetUser: 'hot-account', token: 1 } }));
        attempts.push(call(admin, 'balance:addUserBalanceByAdmin', { data: { targetUser: RING[i], amount: -2 } }));
      });
    }
    const answers = await Promise.all(attempts);
    const codes = answers.map((a) => a.error.code);
    expect(codes.every((c) => c === 0 || c === 422)).toBe(true);
    const successes = codes.filter((c) => c === 0).length;
    expect(successes).toBeGreaterThan(20);
    expect(codes).toContain(422);
    expect(await count(`SELECT COUNT(*) AS n FROM ledger_transactions`)).toBe(before + successes);
    const balances = await app.app.get(Db).query<{ owner_id: string; balance: string }>(`SELECT owner_id, balance FROM accounts WHERE asset = 'rents'`);
    expect(balances.filter((b) => !b.owner_id.startsWith('system:') && BigInt(b.balance) < 0n)).toEqual([]);
    expect(balances.reduce((sum, b) => sum + BigInt(b.balance), 0n)).toBe(0n);
    expect((await call(hot, 'balance:getTransactions')).error.code).toBe(0);
    await ledgerOk();
  });

  it('settles each hold once when capture, release and expiry race', async () => {
    const api = http(app);
    await open('holder');
    await api.post('/back-api/backoffice/user/holder/adjustments', { asset: 'usd', amount: '1000', comment: 'funding' });
    const holds: string[] = [];
    const expiresAt = new Date(app.app.get(Clock).now() + 60_000).toISOString();
    for (let i = 0; i < 12; i++) {
      const placed = await api.post('/back-api/backoffice/user/holder/holds', { asset: 'usd', amount: '10', reason: `race ${i}`, expiresAt });
      expect(placed.status).toBe(201);
      holds.push(placed.body.holdId as string);
    }
    const advance = api.post('/back-api/backoffice/test-clock/advance', { seconds: 61 });
    const ends = await Promise.all(holds.flatMap((id) => [api.post(`/back-api/backoffice/holds/${id}/capture`, {}), api.post(`/back-api/backoffice/holds/${id}/release`)]));
    expect((await advance).status).toBe(200);
    expect(ends.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    for (const id of holds) {
      const hold = await api.get(`/back-api/backoffice/holds/${id}`);
      expect(['captured', 'released', 'expired']).toContain(hold.body.status);
    }
    const captured = ends.filter((r, i) => i % 2 === 0 && r.status === 200).length;
    const released = ends.filter((r, i) => i % 2 === 1 && r.status === 200).length;
    expect(captured + released).toBeLessThanOrEqual(holds.length);
    expect(await count(`SELECT COUNT(*) AS n FROM ledger_transactions WHERE kind = 'capture'`)).toBe(captured);
    expect(await count(`SELECT COUNT(*) AS n FROM holds WHERE status = 'pending'`)).toBe(0);
    await ledgerOk();
  });

  it('charges a renewal period once when two test-clock advances race', async () => {
    await app.app.get(ProductsService).put('room', 'race-room', null, [{ plan: 'subscription_week', price: '1' }]);
    const subscriber = await open('race-subscriber');
    await call(admin, 'balance:addUserBalanceByAdmin', { data: { targetUser: 'race-subscriber', amount: 10 } });
    expect((await call(subscriber, 'balance:createRoomSubscription', { data: { roomId: 'race-room', subscriptionPlan: 'subscription_week' } })).error.code).toBe(0);
    const api = http(app);
    const [a, b] = await Promise.all([api.post('/back-api/backoffice/test-clock/advance', { seconds: 7 * 86_400 }), api.post('/back-api/backoffice/test-clock/advance', { seconds: 0 })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await api.post('/back-api/backoffice/test-clock/advance', { seconds: 0 });
    const charges = await count(`SELECT COUNT(*) AS n FROM ledger_transactions WHERE kind = 'subscription' AND metadata LIKE ?`, ['%race-room%']);
    expect(charges).toBe(2); // the first period and exactly one renewal
    await ledgerOk();
  });
});
