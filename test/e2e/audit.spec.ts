import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { Db } from '../../src/database/db.service.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { bo, http, type HttpClient } from '../support/http-client.js';
import { addLegacyUser, legacyCall, sha1Hex } from '../support/legacy-client.js';
import { call, connect } from '../support/socket-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { tokenFor } from '../support/tokens.js';

const SECRET = 'audit-legacy-secret-0123456';
const OK = { status: false, code: 0, message: '' };
const ADMIN = { id: 'admin-1', username: 'admin-1' };
const LOCAL = expect.stringMatching(/^(127\.0\.0\.1|::1)$/);

type AuditRecord = {
  id: string;
  at: string;
  actor: { id: string; username: string | null; asserted?: true };
  surface: string;
  address: string;
  action: string;
  target: string;
  requestId: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  hash: string;
};
type Check = { ok: boolean; counts: { auditRecords: number }; failures: Array<{ rule: string; detail: string }> };

describe.each(DATABASE_KINDS)('audit trail on %s', (kind) => {
  let app: RunningApp;
  let api: HttpClient;
  let root: Socket;
  let db: Db;

  const lastId = async () => Number((await db.query<{ last_id: string | number }>('SELECT last_id FROM audit_chain_head'))[0].last_id);
  /** The records `work` added, oldest first, read through GET /audit. */
  const recordsOf = async (work: () => Promise<unknown>): Promise<AuditRecord[]> => {
    const before = await lastId();
    await work();
    const page = await api.get(bo('/audit?per_page=100'));
    expect(page.status).toBe(200);
    return (page.body.data as AuditRecord[]).filter((r) => Number(r.id) > before).reverse();
  };
  const only = async (work: () => Promise<unknown>): Promise<AuditRecord> => {
    const records = await recordsOf(work);
    expect(records).toHaveLength(1);
    return records[0];
  };
  const check = async (): Promise<Check> => (await api.get(bo('/ledger/check'))).body as Check;
  const withRequestId = (id: string) => ({ headers: { 'x-request-id': id } });
  const credit = async (userId: string, amount: string) => expect((await api.post(bo(`/user/${userId}/adjustments`), { asset: 'rents', amount, comment: 'seed' })).status).toBe(201);

  beforeAll(async () => {
    app = await startApp(kind, { ENABLE_TEST_CLOCK: 'true', LEGACY_API_SECRET: SECRET });
    api = http(app);
    db = app.app.get(Db);
    root = await connect(app, tokenFor('admin-1', { roles: ['admin', 'network-admin'] }));
    await addLegacyUser(app, { id: 'ops-1', username: 'ops', roles: ['admin'] });
    for (const user of ['au-1', 'au-2', 'au-3', 'au-4', 'au-5']) await addLegacyUser(app, { id: user, username: user });
  });
  afterAll(async () => {
    root?.close();
    await app?.close();
  });

  it('records a REST adjustment with the operator, address, request id, and the account before and after', async () => {
    let transactionId = '';
    const record = await only(async () => {
      const answer = await api.post(bo('/user/au-1/adjustments'), { asset: 'usd', amount: '12.5', comment: 'Goodwill' }, withRequestId('req-adjust-1'));
      expect(answer.status).toBe(201);
      transactionId = answer.body.transactionId;
    });
    expect(record).toEqual({
      id: expect.stringMatching(/^\d+$/),
      at: expect.any(String),
      actor: ADMIN,
      surface: 'rest',
      address: LOCAL,
      action: 'balance.adjust',
      target: 'user:au-1',
      requestId: 'req-adjust-1',
      before: { asset: 'usd', balance: '0', locked: '0' },
      after: { asset: 'usd', balance: '12.5', locked: '0', transactionId },
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('records the socket addUserBalanceByAdmin and a legacy user_balance_update (actor asserted)', async () => {
    const socketRecord = await only(async () =>
      expect((await call(root, 'balance:addUserBalanceByAdmin', { data: { targetUser: 'au-2', amount: 3 }, event: { id: 'ev-audit-1' } })).error).toEqual(OK),
    );
    expect(socketRecord).toMatchObject({
      actor: ADMIN,
      surface: 'socket',
      address: LOCAL,
      action: 'balance.add_by_admin',
      target: 'user:au-2',
      requestId: 'ev-audit-1',
      before: { asset: 'rents', balance: '0', locked: '0' },
      after: { asset: 'rents', balance: '3', locked: '0' },
    });
    const legacyRecord = await only(async () => {
      const answer = await legacyCall(app.url, '/billing/api/user_balance_update', {
        query: { user_id: 'au-2', balance: '4.25', u: 'ops', hash: sha1Hex('au-2', '4.25', '', SECRET) },
        headers: { 'x-request-id': 'req-legacy-1' },
      });
      expect(answer.status).toBe(200);
    });
    expect(legacyRecord).toMatchObject({
      actor: { id: 'ops-1', username: 'ops', asserted: true },
      surface: 'legacy',
      address: LOCAL,
      action: 'balance.legacy_update',
      target: 'user:au-2',
      requestId: 'req-legacy-1',
      before: { asset: 'usd', balance: '0', locked: '0' },
      after: { asset: 'usd', balance: '4.25', locked: '0' },
    });
  });

  it('records token actions edited, applied and deleted', async () => {
    const definition = { type: 'mining', token: '2', price: '0', category: 'event', description: 'Audit' };
    const created = await only(() => api.put(bo('/token-actions/auditMine'), definition));
    expect(created).toMatchObject({ action: 'token_action.put', target: 'token_action:auditMine', after: { action: 'auditMine', ...definition } });
    expect(created.before).toBeUndefined();
    const edited = await only(() => api.put(bo('/token-actions/auditMine'), { ...definition, token: '3' }));
    expect(edited).toMatchObject({ before: { token: '2' }, after: { token: '3' } });
    const applied = await only(() => api.post(bo('/user/au-3/token-actions/auditMine')));
    expect(applied).toMatchObject({ action: 'token_action.apply', target: 'user:au-3', before: { asset: 'rents', balance: '0' }, after: { asset: 'rents', balance: '3' } });
    const deleted = await only(() => api.delete(bo('/token-actions/auditMine')));
    expect(deleted).toMatchObject({ action: 'token_action.delete', target: 'token_action:auditMine', before: { token: '3' } });
    expect(deleted.after).toBeUndefined();
  });

  it('records holds placed, captured and released', async () => {
    await credit('au-4', '10');
    let holdId = '';
    const placed = await only(async () => {
      const answer = await api.post(bo('/user/au-4/holds'), { asset: 'rents', amount: '4', reason: 'Audit hold' });
      expect(answer.status).toBe(201);
      holdId = answer.body.holdId;
    });
    expect(placed).toMatchObject({ action: 'hold.place', target: `hold:${holdId}`, after: { holdId, amount: '4', status: 'pending' } });
    expect(placed.before).toBeUndefined();
    const captured = await only(() => api.post(bo(`/holds/${holdId}/capture`), { amount: '1' }));
    expect(captured).toMatchObject({ action: 'hold.capture', target: `hold:${holdId}`, before: { status: 'pending', captured: null }, after: { status: 'captured', captured: '1' } });
    const second = (await api.post(bo('/user/au-4/holds'), { asset: 'rents', amount: '2', reason: 'Audit hold 2' })).body.holdId as string;
    const released = await only(() => api.post(bo(`/holds/${second}/release`)));
    expect(released).toMatchObject({ action: 'hold.release', target: `hold:${second}`, before: { status: 'pending' }, after: { status: 'released' } });
  });

  it('records rates set and deleted, and products edited', async () => {
    const set = await only(() => api.put(bo('/exchange-rates/eth'), { rate: '2500.5' }));
    expect(set).toMatchObject({ action: 'exchange_rate.set', target: 'exchange_rate:eth', after: { rate: '2500.5' } });
    const reset = await only(() => api.put(bo('/exchange-rates/eth'), { rate: '2600' }));
    expect(reset).toMatchObject({ before: { rate: '2500.5' }, after: { rate: '2600' } });
    const removed = await only(() => api.delete(bo('/exchange-rates/eth')));
    expect(removed).toMatchObject({ action: 'exchange_rate.delete', before: { rate: '2600' } });
    expect(removed.after).toBeUndefined();
    const product = await only(() => api.put(bo('/products/room/audit-room'), { options: [{ plan: 'subscription_week', price: '1' }] }));
    expect(product).toMatchObject({ action: 'product.put', target: 'product:room/audit-room', after: { productId: 'audit-room', options: [{ plan: 'subscription_week', price: '1' }] } });
    expect(product.before).toBeUndefined();
    const edited = await only(() => api.put(bo('/products/room/audit-room'), { options: [{ plan: 'subscription_week', price: '2' }] }));
    expect(edited).toMatchObject({ before: { options: [{ price: '1' }] }, after: { options: [{ price: '2' }] } });
  });

  it('records subscriptions expired over REST and over the socket', async () => {
    await api.put(bo('/products/room/audit-sub'), { options: [{ plan: 'subscription_week', price: '1' }] });
    await credit('au-5', '10');
    const subscriber = await connect(app, tokenFor('au-5'));
    try {
      const subscribe = async () => {
        const answer = await call(subscriber, 'balance:createRoomSubscription', { data: { roomId: 'audit-sub', subscriptionPlan: 'subscription_week' } });
        expect(answer.error).toEqual(OK);
        return (answer.data as { subscription: { id: string } }).subscription.id;
      };
      const first = await subscribe();
      const rest = await only(() => api.post(bo(`/subscriptions/${first}/expire`)));
      expect(rest).toMatchObject({ surface: 'rest', action: 'subscription.expire', target: `subscription:${first}`, before: { status: 'active', endedReason: null }, after: { status: 'expired', endedReason: 'admin' } });
      const second = await subscribe();
      const socket = await only(async () =>
        expect((await call(root, 'balance:expireRoomSubscription', { data: { roomId: 'audit-sub', targetUser: 'au-5' }, event: { id: 'ev-expire-1' } })).error).toEqual(OK),
      );
      expect(socket).toMatchObject({ surface: 'socket', requestId: 'ev-expire-1', action: 'subscription.expire', target: `subscription:${second}`, after: { status: 'expired', endedReason: 'network_admin' } });
    } finally {
      subscriber.close();
    }
  });

  it('records freezes, unfreezes and test-clock advances; lifting no freeze and advancing by 0 change nothing', async () => {
    const frozen = await only(() => api.put(bo('/user/au-1/freeze'), { scope: 'debits', reason: 'Audit' }));
    expect(frozen).toMatchObject({ action: 'freeze.put', target: 'user:au-1', before: { frozen: null }, after: { frozen: { scope: 'debits', reason: 'Audit', by: 'admin-1' } } });
    const widened = await only(() => api.put(bo('/user/au-1/freeze'), { scope: 'all', reason: 'Audit 2' }));
    expect(widened).toMatchObject({ before: { frozen: { scope: 'debits' } }, after: { frozen: { scope: 'all' } } });
    const lifted = await only(() => api.delete(bo('/user/au-1/freeze')));
    expect(lifted).toMatchObject({ action: 'freeze.delete', before: { frozen: { scope: 'all' } }, after: { frozen: null } });
    expect(await recordsOf(() => api.delete(bo('/user/au-1/freeze')))).toEqual([]);
    const advanced = await only(() => api.post(bo('/test-clock/advance'), { seconds: 60 }));
    expect(advanced).toMatchObject({ action: 'test_clock.advance', target: 'test_clock', before: { offsetSeconds: 0 }, after: { offsetSeconds: 60 } });
    expect(await recordsOf(() => api.post(bo('/test-clock/advance'), { seconds: 0 }))).toEqual([]);
  });

  it('records no refused request, and no replay of a stored answer', async () => {
    const refused = await recordsOf(async () => {
      expect((await api.post(bo('/user/au-1/adjustments'), { asset: 'usd', amount: '-1000', comment: 'too much' })).status).toBe(422);
      expect((await api.post(bo('/user/nobody/adjustments'), { asset: 'usd', amount: '1', comment: 'x' })).status).toBe(404);
      expect((await api.post(bo('/user/au-1/adjustments'), { asset: 'usd', amount: 'x', comment: 'x' })).status).toBe(400);
      expect((await api.post(bo('/user/au-1/adjustments'), { asset: 'usd', amount: '1', comment: 'x' }, { token: tokenFor('plain-user') })).status).toBe(403);
      expect((await api.post(bo('/holds/00000000-0000-4000-8000-000000000000/release'))).status).toBe(404);
      expect((await api.delete(bo('/exchange-rates/eth'))).status).toBe(404);
      expect((await call(root, 'balance:addUserBalanceByAdmin', { data: { targetUser: 'au-1', amount: -1_000_000 } })).error.code).toBe(422);
      const legacy = await legacyCall(app.url, '/billing/api/user_balance_update', { query: { user_id: 'au-1', balance: '1', u: 'nobody', hash: sha1Hex('au-1', '1', '', SECRET) } });
      expect(legacy.body).toContain('error');
    });
    expect(refused).toEqual([]);
    const key = { headers: { 'idempotency-key': 'audit-once' } };
    const first = await recordsOf(() => api.post(bo('/user/au-1/adjustments'), { asset: 'usd', amount: '1', comment: 'once' }, key));
    expect(first).toHaveLength(1);
    expect(await recordsOf(() => api.post(bo('/user/au-1/adjustments'), { asset: 'usd', amount: '1', comment: 'once' }, key))).toEqual([]);
  });

  it('leaves no record when the action fails after its record was written', async () => {
    // The stored answer is written after the record, in the same transaction: make it fail.
    await db.query(
      kind === 'postgres'
        ? `CREATE FUNCTION audit_boom() RETURNS trigger AS $$ BEGIN IF NEW.key = 'boom' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`
        : `CREATE TRIGGER audit_boom BEFORE INSERT ON idempotency_records WHEN NEW.key = 'boom' BEGIN SELECT RAISE(ABORT, 'boom'); END`,
    );
    if (kind === 'postgres') await db.query('CREATE TRIGGER audit_boom BEFORE INSERT ON idempotency_records FOR EACH ROW EXECUTE FUNCTION audit_boom()');
    try {
      const balanceBefore = (await api.get(bo('/user/au-1/balance'))).body;
      const records = await recordsOf(async () => {
        const answer = await api.post(bo('/user/au-1/adjustments'), { asset: 'usd', amount: '5', comment: 'fails' }, { headers: { 'idempotency-key': 'boom' } });
        expect(answer.status).toBeGreaterThanOrEqual(500);
      });
      expect(records).toEqual([]);
      expect((await api.get(bo('/user/au-1/balance'))).body).toEqual(balanceBefore);
    } finally {
      await db.query('DROP TRIGGER audit_boom' + (kind === 'postgres' ? ' ON idempotency_records' : ''));
      if (kind === 'postgres') await db.query('DROP FUNCTION audit_boom()');
    }
    expect(await check()).toMatchObject({ ok: true, failures: [] });
  });

  it('keeps one chain under concurrent operator actions', async () => {
    const before = await lastId();
    const actions = Array.from({ length: 60 }, (_, i) => {
      const user = `au-${(i % 5) + 1}`;
      switch (i % 4) {
        case 0:
          return api.post(bo(`/user/${user}/adjustments`), { asset: 'usd', amount: '0.01', comment: `burst ${i}` });
        case 1:
          return call(root, 'balance:addUserBalanceByAdmin', { data: { targetUser: user, amount: 0.5 } });
        case 2:
          return api.put(bo(`/exchange-rates/${i % 8 === 2 ? 'eth' : 'btc'}`), { rate: String(1000 + i) });
        default:
          return api.put(bo(`/user/${user}/freeze`), { scope: 'debits', reason: `burst ${i}` });
      }
    });
    await Promise.all(actions);
    expect((await lastId()) - before).toBe(60);
    const report = await check();
    expect(report).toMatchObject({ ok: true, failures: [] });
    expect(report.counts.auditRecords).toBe(await lastId());
    for (const user of ['au-1', 'au-2', 'au-3', 'au-4', 'au-5']) await api.delete(bo(`/user/${user}/freeze`));
  });

  it('pages newest first and filters by actor, action, target and time', async () => {
    const all = (await api.get(bo('/audit?per_page=100'))).body;
    const total = all.paging.total as number;
    expect(total).toBe(await lastId());
    const ids = (all.data as AuditRecord[]).map((r) => Number(r.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const page2 = (await api.get(bo('/audit?page=2&per_page=3'))).body;
    expect(page2.paging).toEqual({ page: 2, per_page: 3, total });
    expect((page2.data as AuditRecord[]).map((r) => Number(r.id))).toEqual([total - 3, total - 4, total - 5]);
    const byActor = (await api.get(bo('/audit?actor=ops-1&per_page=100'))).body;
    expect(byActor.filters).toEqual({ actor: 'ops-1' });
    expect((byActor.data as AuditRecord[]).every((r) => r.actor.id === 'ops-1')).toBe(true);
    expect(byActor.paging.total).toBe(1);
    const byAction = (await api.get(bo('/audit?action=hold.capture'))).body;
    expect(byAction.paging.total).toBe(1);
    const byTarget = (await api.get(bo('/audit?target=exchange_rate:eth&action=exchange_rate.delete'))).body;
    expect(byTarget.paging.total).toBe(1);
    const newest = (all.data as AuditRecord[])[0];
    const from = encodeURIComponent(newest.at);
    const fromNewest = (await api.get(bo(`/audit?from=${from}&per_page=100`))).body;
    expect((fromNewest.data as AuditRecord[]).map((r) => r.id)).toContain(newest.id);
    expect((fromNewest.data as AuditRecord[]).every((r) => r.at >= newest.at)).toBe(true);
    const beforeNewest = (await api.get(bo(`/audit?to=${from}&per_page=100`))).body;
    expect((beforeNewest.data as AuditRecord[]).every((r) => r.at < newest.at)).toBe(true);
    expect((await api.get(bo('/audit?per_page=101'))).status).toBe(400);
    expect((await api.get(bo('/audit?from=yesterday'))).status).toBe(400);
  });

  it('fails the ledger check, naming the record, when a record is changed or deleted by hand', async () => {
    expect(await check()).toMatchObject({ ok: true, failures: [] });
    const [victim] = await db.query<{ id: string | number; actor_id: string; body: string }>('SELECT id, actor_id, body FROM audit_records WHERE id = 3');
    await db.query('UPDATE audit_records SET body = ? WHERE id = 3', [victim.body.replace('"requestId":"', '"requestId":"tampered-')]);
    const changed = await check();
    expect(changed.ok).toBe(false);
    expect(changed.failures).toContainEqual({ rule: 'audit_chain', detail: expect.stringMatching(/^audit record 3: /) });
    await db.query('UPDATE audit_records SET body = ? WHERE id = 3', [victim.body]);
    await db.query("UPDATE audit_records SET actor_id = 'someone-else' WHERE id = 3");
    expect((await check()).failures).toContainEqual({ rule: 'audit_chain', detail: 'audit record 3: its actor column differs from its hashed body' });
    await db.query('UPDATE audit_records SET actor_id = ? WHERE id = 3', [victim.actor_id]);
    expect(await check()).toMatchObject({ ok: true });

    const [row] = await db.query<Record<string, unknown>>('SELECT * FROM audit_records WHERE id = 5');
    await db.query('DELETE FROM audit_records WHERE id = 5');
    expect((await check()).failures).toEqual([{ rule: 'audit_chain', detail: 'audit record 5 is missing' }]);
    const columns = Object.keys(row);
    await db.query(`INSERT INTO audit_records (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, Object.values(row));
    const newest = await lastId();
    const [last] = await db.query<Record<string, unknown>>('SELECT * FROM audit_records WHERE id = ?', [newest]);
    await db.query('DELETE FROM audit_records WHERE id = ?', [newest]);
    expect((await check()).failures).toEqual([{ rule: 'audit_chain', detail: `audit record ${newest} is missing` }]);
    await db.query(`INSERT INTO audit_records (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, columns.map((c) => last[c]));
    expect(await check()).toMatchObject({ ok: true, failures: [] });
  });
});
