import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { Db } from '../../src/database/db.service.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { call, collect, connect, sleep, userInfoOf, type Envelope } from '../support/socket-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { tokenFor } from '../support/tokens.js';

const OK = { status: false, code: 0, message: '' };
const admin = () => tokenFor('admin-1', { roles: ['admin'] });

describe.each(DATABASE_KINDS)('Balance API over socket.io on %s', (kind) => {
  let app: RunningApp;
  let root: Socket;
  const sockets: Socket[] = [];
  const open = async (token: string, how?: 'auth' | 'header' | 'query' | 'session') => {
    const socket = await connect(app, token, how);
    sockets.push(socket);
    return socket;
  };
  const credit = async (userId: string, amount: number | string) =>
    expect((await call(root, 'balance:addUserBalanceByAdmin', { data: { targetUser: userId, amount } })).error).toEqual(OK);
  const transactionCount = async () => Number((await app.app.get(Db).query<{ n: string }>('SELECT COUNT(*) AS n FROM ledger_transactions'))[0].n);

  beforeAll(async () => {
    app = await startApp(kind);
    root = await open(admin());
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await app?.close();
  });

  describe('handshake', () => {
    it('accepts a token as auth.token, Authorization header, token or sessionId query, and greets with user_info', async () => {
      for (const how of ['auth', 'header', 'query', 'session'] as const) {
        const socket = await open(tokenFor('greeted', { username: 'Greta', roles: ['network-admin'] }), how);
        const user = { id: 'greeted', username: 'Greta', roles: ['network-admin'] };
        expect({ how, info: userInfoOf.get(socket) }).toEqual({ how, info: { data: { ...user, user, network: { id: 'default' } } } });
      }
    });

    it('greets a token that names no username with username null, as the AsyncAPI document says', async () => {
      const socket = await open(tokenFor('nameless', { username: undefined }));
      const user = { id: 'nameless', username: null, roles: [] };
      expect(userInfoOf.get(socket)).toEqual({ data: { ...user, user, network: { id: 'default' } } });
    });

    it('fails the connection with "unauthorized" for a missing, expired or forged token', async () => {
      const forged = tokenFor('x').slice(0, -4) + 'abcd';
      for (const token of [null, 'garbage', tokenFor('x', {}, { expiresIn: -5 }), forged]) {
        await expect(connect(app, token)).rejects.toThrow('unauthorized');
      }
    });
  });

  describe('envelope and errors', () => {
    it('answers an unknown event with 404 and malformed payloads with 400 naming the field, then keeps working', async () => {
      const s = await open(tokenFor('mal'));
      expect(await call(s, 'balance:noSuchThing', { data: {} })).toEqual({ error: { status: true, code: 404, message: 'Resource not found' } });
      const cases: Array<[unknown, RegExp]> = [
        ['text', /payload must be an object/],
        [[1, 2], /payload must be an object/],
        [{}, /data is required/],
        [{ data: 5 }, /data must be an object/],
        [{ data: { targetUser: 7, token: 1 } }, /targetUser/],
        [{ data: { targetUser: 'root', token: 'lots' } }, /token/],
        [{ data: { targetUser: 'root' } }, /token/],
        [{ data: { targetUser: 'root', token: 1 }, event: 'id' }, /event must be an object/],
        [{ data: { targetUser: 'root', token: 1 }, event: { id: 12 } }, /event\.id/],
      ];
      for (const [payload, message] of cases) {
        const answer = await call(s, 'balance:donateToken', payload);
        expect(answer.error).toMatchObject({ status: true, code: 400 });
        expect(answer.error.message).toMatch(message);
        expect(answer.data).toBeUndefined();
      }
      expect((await call(s, 'balance:getTokenActionList')).error).toEqual(OK);
    });

    it('refuses too many decimals for the token asset instead of rounding', async () => {
      const s = await open(tokenFor('decimals'));
      await credit('decimals', 1);
      const answer = await call(s, 'balance:donateToken', { data: { targetUser: 'admin-1', token: '0.000000001' } });
      expect(answer.error).toMatchObject({ code: 400, message: expect.stringMatching(/more than 8 decimal places/) });
    });
  });

  describe('reads', () => {
    it('serves the token-action catalog', async () => {
      const one = await call(root, 'balance:getTokenAction', { data: { action: 'donation' } });
      expect(one).toEqual({
        data: { actions: { type: 'spending', action: 'donation', token: 0, price: 0, category: 'event', description: expect.any(String) }, actionName: 'donation' },
        error: OK,
      });
      expect((await call(root, 'balance:getTokenAction', { data: { action: 'nope' } })).error).toMatchObject({ code: 404 });
      const list = await call(root, 'balance:getTokenActionList', {});
      expect((list.data!.actions as unknown[]).length).toBeGreaterThanOrEqual(5);
    });

    it('gives exchange rates per token, case-insensitively, and 404 for unknown or unquoted currencies', async () => {
      expect(await call(root, 'balance:getCurrencyExchangeRate', { data: { currency: 'Valu' } })).toEqual({ data: { currencyExchangeRate: 0.5 }, error: OK });
      expect((await call(root, 'balance:getCurrencyExchangeRate', { data: { currency: 'valu' } })).data).toEqual({ currencyExchangeRate: 0.5 });
      expect((await call(root, 'balance:getCurrencyExchangeRate', { data: { currency: 'usd' } })).data).toEqual({ currencyExchangeRate: 0.01 });
      for (const currency of ['doge', 'xmr']) {
        expect((await call(root, 'balance:getCurrencyExchangeRate', { data: { currency } })).error).toMatchObject({ status: true, code: 404 });
      }
    });
  });

  describe('donations and admin adjustments', () => {
    it('moves tokens, records spending and mining, and pushes user:balance to every socket of both users after commit', async () => {
      const giverA = await open(tokenFor('giver'));
      const giverB = await open(tokenFor('giver'));
      const taker = await open(tokenFor('taker'));
      await credit('giver', '10.5');
      await sleep(100);
      const seenA = collect<Envelope>(giverA, 'user:balance');
      const seenB = collect<Envelope>(giverB, 'user:balance');
      const seenTaker = collect<Envelope>(taker, 'user:balance');
      const answer = await call(giverA, 'balance:donateToken', { data: { targetUser: 'taker', token: 0.1 }, event: { id: 'd-1', date: Date.now() } });
      expect(answer).toEqual({ data: { transactionId: expect.any(String), token: 10.4 }, error: OK });
      await sleep(200);
      // seq: the account's change sequence (the giver's second entry, the taker's first).
      const expectedGiver = { data: { token: 10.4, transactions: { spending: { donation: 0.1 }, mining: { adminAdjustment: 10.5 }, buying: {} }, seq: 2 }, error: OK };
      expect(seenA).toEqual([expectedGiver]);
      expect(seenB).toEqual([expectedGiver]);
      expect(seenTaker).toEqual([{ data: { token: 0.1, transactions: { spending: {}, mining: { donation: 0.1 }, buying: {} }, seq: 1 }, error: OK }]);
      expect(await call(taker, 'balance:getTransactions')).toEqual({ data: { transactions: { spending: {}, mining: { donation: 0.1 }, buying: {} }, token: 0.1 }, error: OK });
    });

    it('sends no user:balance for a refused donation, and refuses self, unknown targets and non-positive amounts', async () => {
      const poor = await open(tokenFor('poor'));
      await open(tokenFor('rich'));
      const seen = collect(poor, 'user:balance');
      const before = await transactionCount();
      expect((await call(poor, 'balance:donateToken', { data: { targetUser: 'rich', token: 5 } })).error).toEqual({ status: true, code: 422, message: 'Insufficient funds in rents' });
      expect((await call(poor, 'balance:donateToken', { data: { targetUser: 'poor', token: 1 } })).error).toMatchObject({ code: 400 });
      expect((await call(poor, 'balance:donateToken', { data: { targetUser: 'nobody-here', token: 1 } })).error).toMatchObject({ code: 404 });
      expect((await call(poor, 'balance:donateToken', { data: { targetUser: 'rich', token: 0 } })).error).toMatchObject({ code: 400 });
      expect((await call(poor, 'balance:donateToken', { data: { targetUser: 'rich', token: -1 } })).error).toMatchObject({ code: 400 });
      await sleep(200);
      expect(seen).toEqual([]);
      expect(await transactionCount()).toBe(before);
    });

    it('lets only admins adjust balances, never below zero', async () => {
      const user = await open(tokenFor('adjusted'));
      expect((await call(user, 'balance:addUserBalanceByAdmin', { data: { targetUser: 'adjusted', amount: 5 } })).error).toEqual({ status: true, code: 403, message: 'Requires role admin' });
      await credit('adjusted', 5);
      expect((await call(root, 'balance:addUserBalanceByAdmin', { data: { targetUser: 'adjusted', amount: -2 } })).data).toMatchObject({ token: 3 });
      expect((await call(root, 'balance:addUserBalanceByAdmin', { data: { targetUser: 'adjusted', amount: -3.5 } })).error).toMatchObject({ code: 422 });
      expect((await call(root, 'balance:addUserBalanceByAdmin', { data: { targetUser: 'ghost', amount: 1 } })).error).toMatchObject({ code: 404 });
      expect((await call(user, 'balance:getTransactions')).data).toEqual({ transactions: { spending: { adminAdjustment: 2 }, mining: { adminAdjustment: 5 }, buying: {} }, token: 3 });
    });

    it('still runs an emit without an acknowledgement', async () => {
      const silent = await open(tokenFor('silent'));
      await open(tokenFor('silent-target'));
      await credit('silent', 2);
      silent.emit('balance:donateToken', { data: { targetUser: 'silent-target', token: 1 } });
      await sleep(300);
      const target = await open(tokenFor('silent-target'));
      expect((await call(target, 'balance:getTransactions')).data).toEqual({ transactions: { spending: {}, mining: { donation: 1 }, buying: {} }, token: 1 });
    });
  });

  describe('event.id idempotency', () => {
    it('replays the stored answer for the same id and data, 409 for other data or endpoint, and checks nothing for an empty id', async () => {
      const s = await open(tokenFor('idem'));
      await open(tokenFor('idem-target'));
      await credit('idem', 10);
      const request = { data: { targetUser: 'idem-target', token: 1 }, event: { id: 'evt-1', date: 1 } };
      const first = await call(s, 'balance:donateToken', request);
      const before = await transactionCount();
      const second = await call(s, 'balance:donateToken', { ...request, event: { id: 'evt-1', date: 2 } });
      expect(second).toEqual(first);
      expect(await transactionCount()).toBe(before);
      const other = await open(tokenFor('idem'));
      expect(await call(other, 'balance:donateToken', request)).toEqual(first);
      expect((await call(s, 'balance:donateToken', { data: { targetUser: 'idem-target', token: 2 }, event: { id: 'evt-1' } })).error).toMatchObject({ code: 409 });
      expect((await call(s, 'balance:createRoomSubscription', { data: { roomId: 'demo-room', subscriptionPlan: 'free' }, event: { id: 'evt-1' } })).error).toMatchObject({ code: 409 });
      await call(s, 'balance:donateToken', { ...request, event: { id: '' } });
      await call(s, 'balance:donateToken', { ...request, event: { id: '' } });
      expect(await transactionCount()).toBe(before + 2);
      // Another user's identical id is theirs alone.
      const stranger = await open(tokenFor('stranger'));
      expect((await call(stranger, 'balance:donateToken', request)).error).toMatchObject({ code: 422 });
    });

    it('stores refusals too, and keeps answers across a restart', async () => {
      const s = await open(tokenFor('refused'));
      await open(tokenFor('refused-target'));
      const request = { data: { targetUser: 'refused-target', token: 3 }, event: { id: 'r-1' } };
      const refusal = await call(s, 'balance:donateToken', request);
      expect(refusal.error).toMatchObject({ code: 422 });
      await credit('refused', 5);
      expect(await call(s, 'balance:donateToken', request)).toEqual(refusal);
      const success = await call(s, 'balance:donateToken', { ...request, event: { id: 'r-2' } });
      expect(success.error).toEqual(OK);

      sockets.forEach((socket) => socket.close());
      sockets.length = 0;
      app = await app.restart();
      root = await open(admin());
      const again = await open(tokenFor('refused'));
      expect(await call(again, 'balance:donateToken', request)).toEqual(refusal);
      expect(await call(again, 'balance:donateToken', { ...request, event: { id: 'r-2' } })).toEqual(success);
      expect((await call(again, 'balance:getTransactions')).data).toMatchObject({ transactions: { spending: { donation: 3 } } });
    });

    it('runs one of many parallel requests with the same id', async () => {
      const s = await open(tokenFor('racer'));
      await open(tokenFor('racer-target'));
      await credit('racer', 100);
      const before = await transactionCount();
      const request = { data: { targetUser: 'racer-target', token: 1 }, event: { id: 'race-1' } };
      const answers = await Promise.all(Array.from({ length: 10 }, () => call(s, 'balance:donateToken', request)));
      expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
      expect(answers[0].error).toEqual(OK);
      expect(await transactionCount()).toBe(before + 1);
    });
  });

  it('serves a client written from the original spec: acks only, no event, no payload for empty requests', async () => {
    const legacy = await open(tokenFor('old-client'));
    const answer = await new Promise<Envelope>((resolve) => legacy.emit('balance:getTransactions', resolve));
    expect(answer).toEqual({ data: { transactions: { spending: {}, mining: {}, buying: {} }, token: 0 }, error: OK });
    const list = await new Promise<Envelope>((resolve) => legacy.emit('balance:getTokenActionList', resolve));
    expect(list.error).toEqual(OK);
  });

  it('leaves the ledger consistent', async () => {
    const res = await fetch(`${app.url}/back-api/backoffice/ledger/check`, { headers: { authorization: `Bearer ${admin()}` } });
    expect(await res.json()).toMatchObject({ ok: true, failures: [] });
  });
});

describe('Balance API rate limit', () => {
  it('answers 429 past the per-user burst, never stores it, and serves again once refilled', async () => {
    const app = await startApp('sqlite', { SOCKET_RATE_PER_SECOND: '5', SOCKET_RATE_BURST: '5' });
    try {
      const s = await connect(app, tokenFor('hasty'));
      const other = await connect(app, tokenFor('patient'));
      const answers = await Promise.all(Array.from({ length: 12 }, () => call(s, 'balance:getTransactions')));
      const codes = answers.map((a) => a.error.code);
      expect(codes.filter((c) => c === 0).length).toBeLessThanOrEqual(6);
      expect(answers.find((a) => a.error.code === 429)?.error).toEqual({ status: true, code: 429, message: 'Too many requests' });
      expect((await call(other, 'balance:getTransactions')).error).toEqual(OK);
      await sleep(1100);
      expect((await call(s, 'balance:getTransactions')).error).toEqual(OK);
      s.close();
      other.close();
    } finally {
      await app.close();
    }
  });
});
