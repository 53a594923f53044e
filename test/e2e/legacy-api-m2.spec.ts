import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Db } from '../../src/database/db.service.js';
import { divideHalfUp } from '../../src/common/money.js';
import { ExchangeRatesService } from '../../src/exchange-rates/exchange-rates.service.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { addLegacyUser, fundLegacyUser, legacyCall, legacyXml, sha1Hex, usdBalance, type LegacyAnswer, type LegacyCall } from '../support/legacy-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';

/**
 * What "Compatibility with Kolmisoft M2" (docs/legacy-api.md) adds to match the real Kolmisoft M2 server: the older method names, JSON
 * bodies, GET for user_balance_get, the operator login `u`, the nested update answer, the
 * feature toggle for user_balance_get only, the check order and half-up printing.
 */
const SECRET = 'm2-compat-secret-0123456789';
const XML_TYPE = 'application/xml; charset=utf-8';
const PATHS = ['/billing/api', '/api'] as const;
const { statusError, pageError } = legacyXml;
const BAD_LOGIN = pageError('Bad login');

const getHash = (username: string, currency = '') => sha1Hex(username, currency, SECRET);
const updateHash = (userId: string, balance: string, requestId = '') => sha1Hex(userId, balance, requestId, SECRET);

function expectXml(answer: LegacyAnswer, body: string): void {
  expect(answer).toEqual({ status: 200, contentType: XML_TYPE, body });
}

describe.each(DATABASE_KINDS)('legacy XML API, Kolmisoft M2 compatibility on %s', (kind) => {
  let app: RunningApp;
  const call = (path: string, request: LegacyCall) => legacyCall(app.url, path, request);
  const transactions = async () => Number((await app.app.get(Db).query<{ n: string }>('SELECT COUNT(*) AS n FROM ledger_transactions'))[0].n);

  beforeAll(async () => {
    app = await startApp(kind, { LEGACY_API_SECRET: SECRET, LEGACY_HASH_FAIL_LIMIT: '1000' });
    await addLegacyUser(app, { id: 'root-1', username: 'root', roles: ['admin'] });
    await addLegacyUser(app, { id: 'clerk-1', username: 'clerk', roles: ['network-admin', 'moderator'] });
    await addLegacyUser(app, { id: '42', username: 'kim' });
    await fundLegacyUser(app, '42', 1000n);
  });
  afterAll(async () => {
    await app?.close();
  });

  describe('older method names', () => {
    it('answers balance as user_balance_get on both prefixes, by POST and GET', async () => {
      for (const path of PATHS) {
        for (const method of ['POST', 'GET'] as const) {
          expectXml(await call(`${path}/balance`, { method, query: { username: 'kim', hash: getHash('kim') } }), legacyXml.balance('10.00'));
        }
      }
    });

    it('answers user_balance_change as user_balance_update on both prefixes', async () => {
      const before = await usdBalance(app, '42');
      for (const path of PATHS) {
        expectXml(await call(`${path}/user_balance_change`, { form: { user_id: '42', balance: '1', u: 'root', hash: updateHash('42', '1') } }), legacyXml.updated('kim', '42', path === '/api' ? '12.00' : '11.00'));
      }
      expect(await usdBalance(app, '42')).toBe(before + 200n);
      await call('/api/user_balance_change', { form: { user_id: '42', balance: '-2', u: 'root', hash: updateHash('42', '-2') } });
    });
  });

  describe('JSON object bodies', () => {
    it('reads parameters from a JSON body, a number counting as its shortest decimal text', async () => {
      expectXml(await call('/api/user_balance_get', { json: { username: 'kim', hash: getHash('kim') } }), legacyXml.balance('10.00'));
      // user_id 42 and balance 10.5 as numbers: hashed as "42" and "10.5".
      const json = { user_id: 42, balance: 10.5, u: 'root', hash: updateHash('42', '10.5') };
      expectXml(await call('/billing/api/user_balance_update', { json }), legacyXml.updated('kim', '42', '20.50'));
      // 100.0 is the number 100: its text is "100", so a hash over "100.0" does not fit it.
      const hundred = '{"user_id":"42","balance":100.0,"u":"root","hash":"' + updateHash('42', '100.0') + '"}';
      expectXml(await call('/api/user_balance_update', { raw: { contentType: 'application/json', text: hundred } }), statusError('Incorrect hash'));
      expectXml(await call('/api/user_balance_update', { json: { user_id: '42', balance: -10.5, u: 'root', hash: updateHash('42', '-10.5') } }), legacyXml.updated('kim', '42', '10.00'));
    });

    it('lets a JSON body win over the query string', async () => {
      const answer = await call('/api/user_balance_get', { query: { username: 'nobody', hash: getHash('nobody') }, json: { username: 'kim', hash: getHash('kim') } });
      expectXml(answer, legacyXml.balance('10.00'));
    });

    it('refuses an array, object, boolean or null in a hashed parameter as Incorrect hash, and changes nothing', async () => {
      const before = await transactions();
      // Each hash below is the one the malformed value would fit if it were read as absent or as text.
      for (const value of [['42'], { id: '42' }, [], {}, true, null, [[['42']]]]) {
        expectXml(await call('/api/user_balance_update', { json: { user_id: value, balance: '1', u: 'root', hash: updateHash('', '1') } }), statusError('Incorrect hash'));
        expectXml(await call('/api/user_balance_update', { json: { user_id: '42', balance: value, u: 'root', hash: updateHash('42', '') } }), statusError('Incorrect hash'));
        expectXml(await call('/api/user_balance_get', { json: { username: 'kim', currency: value, hash: getHash('kim') } }), statusError('Incorrect hash'));
      }
      expectXml(await call('/api/user_balance_get', { json: { username: ['kim'], hash: getHash('kim') } }), statusError('Incorrect hash'));
      expectXml(await call('/api/user_balance_get', { json: { username: 'kim', hash: [getHash('kim')] } }), statusError('Incorrect hash'));
      expect(await transactions()).toBe(before);
    });

    it('refuses a repeated parameter in a form or query as Incorrect hash', async () => {
      const hash = getHash('kim');
      expectXml(await call('/api/user_balance_get', { raw: { contentType: 'application/x-www-form-urlencoded', text: `username=kim&currency=eur&currency=eur&hash=${hash}` } }), statusError('Incorrect hash'));
      expectXml(await call(`/api/user_balance_get?username=kim&username=kim&hash=${hash}`, {}), statusError('Incorrect hash'));
      // Brackets are not parsed into objects here: `currency[x]` is just another, unused name.
      expectXml(await call(`/api/user_balance_get?username=kim&currency[x]=1&hash=${hash}`, {}), legacyXml.balance('10.00'));
    });

    it('answers a body that is no JSON object, or cannot be read at all, in XML', async () => {
      const hash = getHash('kim');
      for (const text of ['[1,2]', '"kim"', '42', `{"username":"kim","hash":"${hash}"`, '{bad', `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`, 'x'.repeat(200_000)]) {
        for (const path of PATHS) {
          expectXml(await call(`${path}/user_balance_get`, { raw: { contentType: 'application/json', text } }), statusError('Incorrect hash'));
        }
      }
      expectXml(await call('/api/user_balance_get', { raw: { contentType: 'application/json; charset=latin9', text: '{}' } }), statusError('Incorrect hash'));
      // The gate checks still come first for an unreadable body: the method is unknown.
      expectXml(await call('/api/user_delete', { raw: { contentType: 'application/json', text: '{bad' } }), statusError('Unknown API method'));
    });
  });

  describe('the operator login u', () => {
    it('refuses an update without a known admin as u with Bad login, and changes nothing', async () => {
      const before = await transactions();
      const params = { user_id: '42', balance: '1', hash: updateHash('42', '1') };
      for (const u of [undefined, '', 'nobody', 'kim', 'clerk', 'ROOT', 'ro\u0000ot']) {
        const form = u === undefined ? params : { ...params, u };
        expectXml(await call('/api/user_balance_update', { form }), BAD_LOGIN);
      }
      expectXml(await call('/api/user_balance_update', { json: { ...params, u: ['root'] } }), BAD_LOGIN);
      expectXml(await call('/api/user_balance_update', { json: { ...params, u: { name: 'root' } } }), BAD_LOGIN);
      expect(await transactions()).toBe(before);
    });

    it('checks u after the hash and before the user and the amount', async () => {
      expectXml(await call('/api/user_balance_update', { form: { user_id: '42', balance: '1', u: 'nobody', hash: updateHash('42', '2') } }), statusError('Incorrect hash'));
      expectXml(await call('/api/user_balance_update', { form: { user_id: 'ghost', balance: '1', u: 'nobody', hash: updateHash('ghost', '1') } }), BAD_LOGIN);
      expectXml(await call('/api/user_balance_update', { form: { user_id: '42', balance: 'abc', u: 'nobody', hash: updateHash('42', 'abc') } }), BAD_LOGIN);
      expectXml(await call('/api/user_balance_update', { form: { user_id: 'ghost', balance: '1', u: 'root', hash: updateHash('ghost', '1') } }), pageError('User was not found'));
    });

    it('keeps u with the transaction', async () => {
      expectXml(await call('/api/user_balance_update', { form: { user_id: '42', balance: '0.01', u: 'root', p: 'ignored', test: '1', hash: updateHash('42', '0.01') } }), legacyXml.updated('kim', '42', '10.01'));
      const [row] = await app.app.get(Db).query<{ metadata: string }>(`SELECT metadata FROM ledger_transactions WHERE action = 'billingUpdate' ORDER BY id DESC LIMIT 1`);
      expect(JSON.parse(row.metadata)).toMatchObject({ source: 'legacy_api', operator: 'root' });
    });
  });
});

describe.each(DATABASE_KINDS)('legacy XML API half-up printing on %s', (kind) => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp(kind, { LEGACY_API_SECRET: SECRET, LEGACY_NUMBER_DIGITS: '4' });
    await addLegacyUser(app, { id: 'half-1', username: 'half', currency: 'eur' });
    // 0.01 usd at 8 usd per eur is 0.00125 eur exactly: .5 of the fourth decimal.
    await fundLegacyUser(app, 'half-1', 1n);
    await app.app.get(ExchangeRatesService).set('eur', '8');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('rounds the exactly converted value once, half-up, to LEGACY_NUMBER_DIGITS decimals', async () => {
    // Half-even would print 0.0012 here.
    expectXml(await legacyCall(app.url, '/api/user_balance_get', { form: { username: 'half', currency: 'USER', hash: getHash('half', 'USER') } }), legacyXml.balance('0.0013'));
    expectXml(await legacyCall(app.url, '/api/balance', { form: { username: 'half', user_currency: '1', hash: getHash('half') } }), legacyXml.balance('0.0013', 'EUR'));
    expectXml(await legacyCall(app.url, '/api/user_balance_get', { form: { username: 'half', hash: getHash('half') } }), legacyXml.balance('0.0100'));
  });
});

describe('divideHalfUp', () => {
  it('rounds ties away from zero and everything else to the nearest', () => {
    expect([5n, 15n, 25n, -5n, -25n].map((n) => divideHalfUp(n, 10n))).toEqual([1n, 2n, 3n, -1n, -3n]);
    expect([4n, 6n, -4n, -6n, 0n].map((n) => divideHalfUp(n, 10n))).toEqual([0n, 1n, 0n, -1n, 0n]);
    expect(divideHalfUp(5n, -10n)).toBe(-1n);
    expect(() => divideHalfUp(1n, 0n)).toThrow(RangeError);
  });
});
