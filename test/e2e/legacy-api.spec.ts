import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Db } from '../../src/database/db.service.js';
import { countReads, stopBackgroundReaders } from '../support/read-counter.js';
import { ExchangeRatesService } from '../../src/exchange-rates/exchange-rates.service.js';
import { HoldsService } from '../../src/ledger/holds.service.js';
import { FailureThrottle } from '../../src/common/failure-throttle.js';
import { UserBalanceLookups } from '../../src/legacy-api/user-and-balance.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { addLegacyUser, fundLegacyUser as fund, legacyCall, legacyXml, sha1Hex, usdBalance as usd, type LegacyAnswer, type LegacyCall } from '../support/legacy-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { adminToken } from '../support/tokens.js';

const SECRET = 'legacy-test-secret-0123456789';
const XML_TYPE = 'application/xml; charset=utf-8';
const PATHS = ['/billing/api', '/api'] as const;
const META = `a<b&"c'`;
const { statusError, pageError } = legacyXml;

type Params = Record<string, string>;

/** user_balance_get parameters with the hash computed as documented: username, currency, secret. */
function getParams(username: string, extra: { currency?: string; user_currency?: string } = {}, secret = SECRET): Params {
  return { username, ...extra, hash: sha1Hex(username, extra.currency ?? '', secret) };
}

/** The operator (`u`) every update names unless a test says otherwise: a user with the admin role. */
const OPERATOR = 'ops';

/** user_balance_update parameters, hashed over user_id, balance, request_id (when present), secret. */
function updateParams(userId: string, balance: string, extra: { u?: string; request_id?: string } = {}): Params {
  return { user_id: userId, balance, u: OPERATOR, ...extra, hash: sha1Hex(userId, balance, extra.request_id ?? '', SECRET) };
}

const call = (app: RunningApp, method: string, params: Params, options: LegacyCall & { path?: string; asForm?: boolean } = {}) =>
  legacyCall(app.url, `${options.path ?? '/billing/api'}/${method}`, {
    ...options,
    ...(options.asForm ? { form: params } : { query: params }),
  });

function expectXml(answer: LegacyAnswer, body: string, status = 200): void {
  expect(answer).toEqual({ status, contentType: XML_TYPE, body });
}

const addUser = (app: RunningApp, id: string, username: string, currency: string | null = null) => addLegacyUser(app, { id, username, currency });

/** alice 12.34 usd (currency eur), bob 5 usd, the admin operator ops, and quotes eur 1.25 usd, usdt 2 usd. */
async function seedBasics(app: RunningApp): Promise<void> {
  await addLegacyUser(app, { id: 'ops-1', username: OPERATOR, roles: ['admin'] });
  await addUser(app, 'alice-1', 'alice', 'eur');
  await addUser(app, 'bob-1', 'bob');
  await fund(app, 'alice-1', 1234n);
  await fund(app, 'bob-1', 500n);
  const rates = app.app.get(ExchangeRatesService);
  await rates.set('eur', '1.25');
  await rates.set('usdt', '2');
}

describe.each(DATABASE_KINDS)('legacy XML API on %s', (kind) => {
  let app: RunningApp;
  beforeAll(async () => {
    // A high fail limit: this suite sends many wrong hashes on purpose and must not be throttled.
    app = await startApp(kind, { LEGACY_API_SECRET: SECRET, LEGACY_HASH_FAIL_LIMIT: '1000' });
    await seedBasics(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  describe('user_balance_get', () => {
    it('answers the balance on both paths, from the query string and from a form body', async () => {
      for (const path of PATHS) {
        expectXml(await call(app, 'user_balance_get', getParams('alice'), { path }), legacyXml.balance('12.34'));
        expectXml(await call(app, 'user_balance_get', getParams('alice'), { path, asForm: true }), legacyXml.balance('12.34'));
      }
    });

    it('accepts the hash in upper case', async () => {
      const params = getParams('alice');
      expectXml(await call(app, 'user_balance_get', { ...params, hash: params.hash.toUpperCase() }), legacyXml.balance('12.34'));
    });

    it('lets a form body win over the query string', async () => {
      const answer = await legacyCall(app.url, '/api/user_balance_get', { query: getParams('bob'), form: getParams('alice') });
      expectXml(answer, legacyXml.balance('12.34'));
    });

    it('converts to the user currency with currency=USER, without naming it', async () => {
      // 12.34 usd at 1.25 usd per eur = 9.872 eur
      expectXml(await call(app, 'user_balance_get', getParams('alice', { currency: 'USER' })), legacyXml.balance('9.87'));
    });

    it('names the user currency with user_currency=1 and then ignores currency', async () => {
      expectXml(await call(app, 'user_balance_get', getParams('alice', { user_currency: '1' })), legacyXml.balance('9.87', 'EUR'));
      expectXml(await call(app, 'user_balance_get', getParams('alice', { user_currency: '1', currency: 'btc' })), legacyXml.balance('9.87', 'EUR'));
      // A user without a currency of their own has the system currency.
      expectXml(await call(app, 'user_balance_get', getParams('bob', { user_currency: '1' })), legacyXml.balance('5.00', 'USD'));
    });

    it('converts to a quoted currency code in any case, rounding the exact value once, half-up', async () => {
      for (const currency of ['eur', 'EUR', 'Eur']) {
        expectXml(await call(app, 'user_balance_get', getParams('alice', { currency })), legacyXml.balance('9.87'));
      }
      await addUser(app, 'dave-1', 'dave');
      await fund(app, 'dave-1', 25n);
      // 0.25 usd at 2 usd per usdt = 0.125 usdt exactly: half-up prints 0.13, as the real server
      // does (half-even would have said 0.12).
      expectXml(await call(app, 'user_balance_get', getParams('dave', { currency: 'USDT' })), legacyXml.balance('0.13'));
    });

    it('answers in the system currency for an unknown or unquoted currency', async () => {
      for (const currency of ['xmr', 'nope', '<x>']) {
        expectXml(await call(app, 'user_balance_get', getParams('alice', { currency })), legacyXml.balance('12.34'));
      }
      await addUser(app, 'xmr-1', 'xmruser', 'xmr');
      await fund(app, 'xmr-1', 700n);
      expectXml(await call(app, 'user_balance_get', getParams('xmruser', { user_currency: '1' })), legacyXml.balance('7.00', 'USD'));
    });

    it('reports the spendable balance, less what holds lock', async () => {
      await addUser(app, 'carol-1', 'carol');
      await fund(app, 'carol-1', 1000n);
      await app.app.get(HoldsService).place({ userId: 'carol-1', asset: 'usd', amount: 250n, reason: 'test', expiresAt: null });
      expectXml(await call(app, 'user_balance_get', getParams('carol')), legacyXml.balance('7.50'));
    });

    it('finds a username with XML metacharacters', async () => {
      await addUser(app, 'meta-1', META);
      await fund(app, 'meta-1', 100n);
      expectXml(await call(app, 'user_balance_get', getParams(META), { asForm: true }), legacyXml.balance('1.00'));
      expectXml(await call(app, 'user_balance_get', getParams(META)), legacyXml.balance('1.00'));
    });

    it('refuses a wrong, missing or wrongly composed hash', async () => {
      const good = getParams('alice', { currency: 'eur' });
      const wrong: Params[] = [
        { ...good, hash: '0'.repeat(40) },
        { username: 'alice', currency: 'eur' },
        { ...good, hash: '' },
        { ...good, hash: `${good.hash}00` },
        { ...good, hash: sha1Hex('alice', SECRET) }, // currency left out
        { ...good, hash: sha1Hex('alice', 'eur', 'another-secret') },
        { ...good, user_currency: '1', hash: sha1Hex('alice', 'eur', '1', SECRET) }, // user_currency is not hashed
      ];
      for (const params of wrong) {
        expectXml(await call(app, 'user_balance_get', params), statusError('Incorrect hash'));
      }
    });

    it('answers User was not found for an unknown or missing username', async () => {
      expectXml(await call(app, 'user_balance_get', getParams('nobody')), pageError('User was not found'));
      expectXml(await call(app, 'user_balance_get', { hash: sha1Hex(SECRET) }), pageError('User was not found'));
      // No database can store a NUL, so no user has one in their name.
      expectXml(await call(app, 'user_balance_get', getParams('no\u0000body')), pageError('User was not found'));
    });
  });

  it('answers user_balance_get by GET always, and refuses a GET update unless LEGACY_ALLOW_GET=true', async () => {
    for (const path of PATHS) {
      expectXml(await call(app, 'user_balance_get', getParams('alice'), { path, method: 'GET' }), legacyXml.balance('12.34'));
      expectXml(await call(app, 'user_balance_update', updateParams('bob-1', '1'), { path, method: 'GET' }), statusError('GET Requests are disabled'));
    }
    expect(await usd(app, 'bob-1')).toBe(500n);
  });

  it('answers an unknown method in XML', async () => {
    for (const path of PATHS) {
      expectXml(await call(app, 'user_delete', getParams('alice'), { path }), statusError('Unknown API method'));
    }
  });

  it('answers many requests at once, each with its own user: those that arrive together share one lookup', async () => {
    const users = Array.from({ length: 40 }, (_, i) => ({ id: `crowd-${i}`, username: `crowd${i}`, minor: BigInt(100 + i) }));
    for (const user of users) {
      await addUser(app, user.id, user.username);
      await fund(app, user.id, user.minor);
    }
    // Two users share a username: the oldest is the one it names, in a batch as alone.
    await addUser(app, 'twin-a', 'twin');
    await addUser(app, 'twin-b', 'twin');
    await fund(app, 'twin-a', 700n);
    await fund(app, 'twin-b', 900n);
    const asked = [...users, ...users.slice(0, 5), { username: 'twin', minor: 700n }, { username: 'nobody-here', minor: null }];
    const answers = await Promise.all(asked.map((user) => call(app, 'user_balance_get', getParams(user.username))));
    answers.forEach((answer, i) => {
      const { minor } = asked[i];
      expectXml(answer, minor === null ? pageError('User was not found') : legacyXml.balance(`${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`));
    });

    // Asked in one go: two lookups start at once, the rest wait and share the third.
    const lookups = app.app.get(UserBalanceLookups);
    await stopBackgroundReaders(app.app);
    const reads = countReads(app.app.get(Db));
    try {
      const found = await Promise.all(users.map((user) => lookups.find(user.username)));
      expect(found.map((f) => [f?.user.id, f?.spendable])).toEqual(users.map((user) => [user.id, user.minor]));
      expect(reads.count).toBe(3);
    } finally {
      reads.restore();
    }
  });

  it('fails the lookups a failing read was for, and only those: the next ones are answered', async () => {
    const lookups = app.app.get(UserBalanceLookups);
    const db = app.app.get(Db);
    const read = db.read.bind(db);
    db.read = (() => {
      throw new Error('read refused');
    }) as Db['read'];
    try {
      const failed = await Promise.allSettled(['alice', 'bob', 'alice', 'ops'].map((username) => lookups.find(username)));
      expect(failed.map((f) => f.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    } finally {
      db.read = read;
    }
    expect((await lookups.find('bob'))?.spendable).toBe(500n);
    expectXml(await call(app, 'user_balance_get', getParams('alice')), legacyXml.balance('12.34'));
  });

  describe('user_balance_update', () => {
    it('adds on every call without a request_id, answers the balance after and records the operator', async () => {
      await addUser(app, 'erin-1', 'erin');
      await fund(app, 'erin-1', 500n);
      expectXml(await call(app, 'user_balance_update', updateParams('erin-1', '1.5', { u: 'ops' })), legacyXml.updated('erin', 'erin-1', '6.50'));
      expectXml(await call(app, 'user_balance_update', updateParams('erin-1', '1.5', { u: 'ops' }), { path: '/api', asForm: true }), legacyXml.updated('erin', 'erin-1', '8.00'));
      expect(await usd(app, 'erin-1')).toBe(800n);

      const db = app.app.get(Db);
      const rows = await db.query<{ id: string | number; kind: string; metadata: string }>(
        `SELECT id, kind, metadata FROM ledger_transactions WHERE action = 'billingUpdate' ORDER BY id DESC LIMIT 1`,
      );
      expect(rows[0].kind).toBe('adjustment');
      expect(JSON.parse(rows[0].metadata)).toMatchObject({ operator: 'ops' });
      const entries = await db.query<{ type: string; action: string }>('SELECT type, action FROM ledger_entries WHERE transaction_id = ? ORDER BY type', [rows[0].id]);
      expect(entries).toEqual([
        { type: 'mining', action: 'billingUpdate' },
        { type: 'system', action: 'billingUpdate' },
      ]);
    });

    it('adds exactly once per request_id and refuses the id for another amount', async () => {
      await addUser(app, 'finn-1', 'finn');
      const once = updateParams('finn-1', '2', { request_id: 'inv-1' });
      expectXml(await call(app, 'user_balance_update', once), legacyXml.updated('finn', 'finn-1', '2.00'));
      expectXml(await call(app, 'user_balance_update', once), legacyXml.updated('finn', 'finn-1', '2.00'));
      // The same amount written differently is the same request.
      expectXml(await call(app, 'user_balance_update', updateParams('finn-1', '2.00', { request_id: 'inv-1' })), legacyXml.updated('finn', 'finn-1', '2.00'));
      expectXml(await call(app, 'user_balance_update', updateParams('finn-1', '3', { request_id: 'inv-1' })), pageError('User balance not updated'));
      // request_id is part of the hash.
      expectXml(await call(app, 'user_balance_update', { ...updateParams('finn-1', '2'), request_id: 'inv-2' }), statusError('Incorrect hash'));
      expect(await usd(app, 'finn-1')).toBe(200n);
    });

    it('adds once when the same request_id arrives many times at once', async () => {
      await addUser(app, 'hana-1', 'hana');
      const params = updateParams('hana-1', '0.25', { request_id: 'burst-1' });
      const answers = await Promise.all(Array.from({ length: 8 }, () => call(app, 'user_balance_update', params)));
      for (const answer of answers) expectXml(answer, legacyXml.updated('hana', 'hana-1', '0.25'));
      expect(await usd(app, 'hana-1')).toBe(25n);
    });

    it('withdraws with a negative amount, never below what is spendable', async () => {
      await addUser(app, 'gus-1', 'gus');
      await fund(app, 'gus-1', 1000n);
      await app.app.get(HoldsService).place({ userId: 'gus-1', asset: 'usd', amount: 250n, reason: 'test', expiresAt: null });
      expectXml(await call(app, 'user_balance_update', updateParams('gus-1', '-7.51')), pageError('User balance not updated'));
      expect(await usd(app, 'gus-1')).toBe(1000n);
      expectXml(await call(app, 'user_balance_update', updateParams('gus-1', '-2')), legacyXml.updated('gus', 'gus-1', '5.50'));
      expectXml(await call(app, 'user_balance_update', updateParams('gus-1', '-5.5')), legacyXml.updated('gus', 'gus-1', '0.00'));
      const entries = await app.app.get(Db).query<{ type: string; action: string }>(
        `SELECT e.type, e.action FROM ledger_entries e JOIN accounts a ON a.id = e.account_id
         WHERE a.owner_id = ? AND e.action = 'billingUpdate'`,
        ['gus-1'],
      );
      expect(entries).toEqual([
        { type: 'spending', action: 'billingUpdate' },
        { type: 'spending', action: 'billingUpdate' },
      ]);
    });

    it('refuses malformed, over-precise and zero amounts and changes nothing', async () => {
      for (const balance of ['abc', '1.234', '0', '0.00', '', '1e3', '--1', '1,5']) {
        expectXml(await call(app, 'user_balance_update', updateParams('bob-1', balance)), pageError('User balance not updated'));
      }
      expect(await usd(app, 'bob-1')).toBe(500n);
    });

    it('answers User was not found for an unknown user_id, and a wrong hash changes nothing', async () => {
      expectXml(await call(app, 'user_balance_update', updateParams('ghost', '1')), pageError('User was not found'));
      expectXml(await call(app, 'user_balance_update', updateParams('gh\u0000ost', '1')), pageError('User was not found'));
      expectXml(await call(app, 'user_balance_update', { ...updateParams('bob-1', '1'), hash: sha1Hex('bob-1', '2', SECRET) }), statusError('Incorrect hash'));
      expect(await usd(app, 'bob-1')).toBe(500n);
    });

    it('escapes XML metacharacters in the answer', async () => {
      await addUser(app, 'meta-2', META);
      expectXml(await call(app, 'user_balance_update', updateParams('meta-2', '0.01')), legacyXml.updated('a&lt;b&amp;"c\'', 'meta-2', '0.01'));
    });
  });

  it('leaves the ledger consistent', async () => {
    const res = await fetch(`${app.url}/back-api/backoffice/ledger/check`, { headers: { authorization: `Bearer ${adminToken()}` } });
    expect(await res.json()).toMatchObject({ ok: true });
  });
});

describe.each(DATABASE_KINDS)('legacy XML API with GET allowed and 4 decimals on %s', (kind) => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp(kind, { LEGACY_API_SECRET: SECRET, LEGACY_ALLOW_GET: 'true', LEGACY_NUMBER_DIGITS: '4' });
    await seedBasics(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers GET and POST on both paths with exactly four decimals', async () => {
    for (const path of PATHS) {
      for (const method of ['GET', 'POST'] as const) {
        expectXml(await call(app, 'user_balance_get', getParams('alice'), { path, method }), legacyXml.balance('12.3400'));
        expectXml(await call(app, 'user_balance_get', getParams('alice', { currency: 'EUR' }), { path, method }), legacyXml.balance('9.8720'));
      }
    }
    expectXml(await call(app, 'user_balance_update', updateParams('bob-1', '0.01'), { method: 'GET' }), legacyXml.updated('bob', 'bob-1', '5.0100'));
  });
});

describe.each(DATABASE_KINDS)('legacy XML API toggles on %s', (kind) => {
  const apps: RunningApp[] = [];
  const start = async (env: Record<string, string>) => {
    const app = await startApp(kind, env);
    apps.push(app);
    await seedBasics(app);
    return app;
  };
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it('answers API Requests are disabled before anything else when the API is off', async () => {
    const app = await start({ LEGACY_API_SECRET: SECRET, LEGACY_API_ENABLED: 'false' });
    for (const method of ['GET', 'POST'] as const) {
      expectXml(await call(app, 'user_balance_get', getParams('alice'), { method }), statusError('API Requests are disabled'));
      expectXml(await call(app, 'user_balance_get', { username: 'alice', hash: 'x' }, { method, path: '/api' }), statusError('API Requests are disabled'));
    }
  });

  it('answers API must have Secret Key without a secret (after the GET check)', async () => {
    const app = await start({});
    expectXml(await call(app, 'user_balance_get', getParams('alice', {}, '')), statusError('API must have Secret Key'));
    expectXml(await call(app, 'user_balance_get', getParams('alice'), { method: 'GET' }), statusError('API must have Secret Key'));
    expectXml(await call(app, 'user_balance_update', updateParams('bob-1', '1'), { path: '/api' }), statusError('API must have Secret Key'));
    expectXml(await call(app, 'user_balance_update', updateParams('bob-1', '1'), { method: 'GET' }), statusError('GET Requests are disabled'));
    expect(await usd(app, 'bob-1')).toBe(500n);
  });

  it('answers Feature disabled to user_balance_get only, after the hash and before the user, when the feature is off', async () => {
    const app = await start({ LEGACY_API_SECRET: SECRET, LEGACY_BALANCE_GET_ENABLED: 'false' });
    for (const method of ['user_balance_get', 'balance']) {
      expectXml(await call(app, method, getParams('alice')), pageError('Feature disabled'));
      expectXml(await call(app, method, getParams('nobody')), pageError('Feature disabled'));
      expectXml(await call(app, method, { ...getParams('alice'), hash: '0'.repeat(40) }), statusError('Incorrect hash'));
    }
    // The toggle is "balance check over API" on the real server; updates do not depend on it.
    expectXml(await call(app, 'user_balance_update', updateParams('bob-1', '1')), legacyXml.updated('bob', 'bob-1', '6.00'));
    expectXml(await call(app, 'user_balance_change', updateParams('bob-1', '1')), legacyXml.updated('bob', 'bob-1', '7.00'));
    expect(await usd(app, 'bob-1')).toBe(700n);
  });

  it('answers an unexpected failure with a generic XML error, never a 5xx', async () => {
    const app = await start({ LEGACY_API_SECRET: SECRET });
    await app.app.get(Db).dataSource.destroy();
    expectXml(await call(app, 'user_balance_get', getParams('alice')), statusError('Internal error'));
    expectXml(await call(app, 'user_balance_update', updateParams('bob-1', '1')), statusError('Internal error'));
  });
});

describe.each(DATABASE_KINDS)('legacy XML API throttling on %s', (kind) => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp(kind, { LEGACY_API_SECRET: SECRET, LEGACY_HASH_FAIL_LIMIT: '3', LEGACY_HASH_FAIL_WINDOW_S: '2' });
    await seedBasics(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  const good = () => getParams('alice');
  const bad = () => ({ ...getParams('alice'), hash: 'f'.repeat(40) });
  const throttled = statusError('Too many failed requests');

  it('refuses an address for the rest of the window after too many wrong hashes, and only that address', async () => {
    // Other refusals do not count.
    for (let i = 0; i < 5; i++) expectXml(await call(app, 'user_balance_get', getParams('nobody')), pageError('User was not found'));

    const firstFailure = Date.now();
    for (let i = 0; i < 2; i++) expectXml(await call(app, 'user_balance_get', bad()), statusError('Incorrect hash'));
    // Below the limit a correct hash still works.
    expectXml(await call(app, 'user_balance_get', good()), legacyXml.balance('12.34'));
    expectXml(await call(app, 'user_balance_get', bad(), { path: '/api' }), statusError('Incorrect hash'));

    expectXml(await call(app, 'user_balance_get', good()), throttled, 429);
    expectXml(await call(app, 'user_balance_update', updateParams('bob-1', '1'), { path: '/api' }), throttled, 429);
    expect(await usd(app, 'bob-1')).toBe(500n);

    // Another client address is not affected.
    const other = { localAddress: '127.0.0.2' };
    expectXml(await call(app, 'user_balance_get', bad(), other), statusError('Incorrect hash'));
    expectXml(await call(app, 'user_balance_get', good(), other), legacyXml.balance('12.34'));

    // The window began with the first failure; once it has passed the address is forgiven.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, firstFailure + 2_100 - Date.now())));
    expectXml(await call(app, 'user_balance_get', good()), legacyXml.balance('12.34'));
    expectXml(await call(app, 'user_balance_get', bad()), statusError('Incorrect hash'));
  });
});

describe('FailureThrottle', () => {
  it('counts failures in a window that starts at the first one', () => {
    let now = 0;
    const throttle = new FailureThrottle(2, 1000, () => now);
    throttle.recordFailure('a');
    now = 900;
    throttle.recordFailure('a');
    expect(throttle.isBlocked('a')).toBe(true);
    now = 999;
    expect(throttle.isBlocked('a')).toBe(true);
    now = 1000;
    expect(throttle.isBlocked('a')).toBe(false);
    throttle.recordFailure('a');
    expect(throttle.isBlocked('a')).toBe(false);
  });

  it('keeps at most the configured number of addresses, dropping the oldest', () => {
    const throttle = new FailureThrottle(1, 60_000, () => 0, 3);
    for (const address of ['a', 'b', 'c', 'd']) throttle.recordFailure(address);
    expect(['a', 'b', 'c', 'd'].map((address) => throttle.isBlocked(address))).toEqual([false, true, true, true]);
  });
});
