import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Db } from '../../src/database/db.service.js';
import { ExchangeRatesService } from '../../src/exchange-rates/exchange-rates.service.js';
import { AssetRegistry } from '../../src/ledger/asset-registry.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { addLegacyUser, fundLegacyUser, legacyCall, legacyXml, sha1Hex, usdBalance, type LegacyAnswer } from '../support/legacy-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';

/**
 * Kolmisoft's own acceptance cases for these two methods, replayed against this service:
 * selenium/tests/api/api_balance.case, api_balance_update.case and api_balance_update2.case of
 * the M2 source, with the SQL and bundles they load, step by step in their order.
 *
 * Translation:
 * - Their users are ours with the same ids and usernames: 0 admin (usertype admin, so our
 *   `admin` role), 2 user_admin, 3 reseller, 4 accountant, 5 user_reseller (owned by reseller).
 * - Their secret is `secret` (settings/api/enable_0.sql), so their literal hashes are used
 *   wherever our hash is the same; `${hashN}` from their /billing/test/test_api helper is
 *   computed as documented.
 * - They print 4 decimals: LEGACY_NUMBER_DIGITS=4.
 * - Their exchange rates are units per system-currency unit; ours are usd per unit, so each
 *   quote is the inverse (BHD 2.5 → 0.4). EUR (their seed value, not in the case) is chosen to
 *   give their figures: 26 → 19.2018 and 60 → 44.3119.
 * - Selenium's `open` is a GET; `refreshAndWait` sends it again.
 * - Their "disable hash" bundle has no counterpart here (this API always wants the hash):
 *   those steps are replayed with the hash, after showing that without it we say Incorrect hash.
 * - user_simple_balance_get / simple_balance and /billing/test/* are other methods and helpers,
 *   not part of this API, so are not replayed.
 * Where their answer contradicts a deliberate difference (docs/legacy-api.md, Compatibility with Kolmisoft M2), the contract's answer is
 * asserted and the comment says which difference.
 */
const SECRET = 'secret';
const XML_TYPE = 'application/xml; charset=utf-8';
const { statusError, pageError, balance, updated } = legacyXml;
const INCORRECT_HASH = statusError('Incorrect hash');
const BAD_LOGIN = pageError('Bad login');
const NOT_FOUND = pageError('User was not found');
const NOT_UPDATED = pageError('User balance not updated');

const getHash = (username: string, currency = '') => sha1Hex(username, currency, SECRET);
const updateHash = (userId: string, amount: string) => sha1Hex(userId, amount, SECRET);

function expectXml(answer: LegacyAnswer, body: string): void {
  expect(answer).toEqual({ status: 200, contentType: XML_TYPE, body });
}

/** An M2 test database's users and currencies (selenium/tests/sql/update_balance.sql when `funded`). */
async function seedM2(app: RunningApp, funded: boolean): Promise<void> {
  const db = app.app.get(Db);
  for (const [code, scale] of [['bhd', 3], ['egp', 2], ['vef', 2]] as const) {
    await db.query('INSERT INTO assets (code, scale, created_at) VALUES (?, ?, ?)', [code, scale, Date.now()]);
  }
  await app.app.get(AssetRegistry).load();
  const rates = app.app.get(ExchangeRatesService);
  for (const [code, quote] of [['bhd', '0.4'], ['egp', '5'], ['vef', '0.001'], ['eur', '1.354039']]) await rates.set(code, quote);

  const users = [
    { id: '0', username: 'admin', roles: ['admin'], currency: 'egp', usd: 6000n },
    { id: '2', username: 'user_admin', roles: [], currency: 'bhd', usd: 2600n },
    { id: '3', username: 'reseller', roles: [], currency: null, usd: 3600n },
    { id: '4', username: 'accountant', roles: [], currency: null, usd: 4400n },
    { id: '5', username: 'user_reseller', roles: [], currency: 'usd', usd: 2000n },
  ];
  for (const user of users) {
    await addLegacyUser(app, user);
    if (funded) await fundLegacyUser(app, user.id, user.usd);
  }
}

describe.each(DATABASE_KINDS)('Kolmisoft acceptance: api_balance.case on %s', (kind) => {
  let app: RunningApp;
  // Their enable bundle allows GET; GET is off here to show user_balance_get answers it anyway
  // (docs/legacy-api.md), which their get_xml bundle (GET disallowed) also expects.
  const open = (method: string, query: Record<string, string>) => legacyCall(app.url, `/billing/api/${method}`, { method: 'GET', query: { ...query, test: '1' } });
  const hash1 = getHash('user_admin');
  const hash2 = getHash('admin');

  beforeAll(async () => {
    app = await startApp(kind, { LEGACY_API_SECRET: SECRET, LEGACY_NUMBER_DIGITS: '4', LEGACY_ALLOW_GET: 'false', LEGACY_HASH_FAIL_LIMIT: '1000' });
    await seedM2(app, true);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('replays its user_balance_get and balance steps', async () => {
    expectXml(await open('user_balance_get', { username: 'user_admin' }), INCORRECT_HASH);
    expectXml(await open('balance', { username: 'user_admin', hash: hash1 }), balance('26.0000'));
    expectXml(await open('user_balance_get', { username: 'user_admin', hash: hash1 }), balance('26.0000'));
    expectXml(await open('user_balance_get', { username: 'user_admin', user_currency: '1', hash: hash1 }), balance('65.0000', 'BHD'));
    expectXml(await open('user_balance_get', { username: 'user_admin', user_currency: '1', currency: 'EUR', hash: 'c3b91f83efe914fe0a9c86155b45dd757082126d' }), balance('65.0000', 'BHD'));
    expectXml(await open('user_balance_get', { username: 'user_admin', currency: 'EUR', hash: 'c3b91f83efe914fe0a9c86155b45dd757082126d' }), balance('19.2018'));
    expectXml(await open('user_balance_get', { username: 'user_admin', currency: 'bhd', hash: 'd048be42926eadbe98066dd6510c6ea08e77bf0c' }), balance('65.0000'));
    expectXml(await open('user_balance_get', { username: 'user_admin', currency: 'VeF', hash: '29690ddaf84ef8c82e78dd9c91c3f7b642d69d3c' }), balance('26000.0000'));
    expectXml(await open('user_balance_get', { username: 'admin', hash: hash1 }), INCORRECT_HASH);
    expectXml(await open('user_balance_get', { username: 'admin', hash: hash2 }), balance('60.0000'));
    expectXml(await open('user_balance_get', { username: 'admin', hash: hash2, user_currency: '1' }), balance('12.0000', 'EGP'));
  });

  it('replays its steps under the disable_hash bundle with the hash (no such switch here)', async () => {
    expectXml(await open('user_balance_get', { username: 'admin666' }), INCORRECT_HASH);
    expectXml(await open('user_balance_get', { username: 'admin666', hash: getHash('admin666') }), NOT_FOUND);
    // Logged in or out makes no difference to either server: the API has no session.
    for (const [username, expected] of [['admin', '60.0000'], ['user_admin', '26.0000'], ['user_reseller', '20.0000']]) {
      expectXml(await open('balance', { username, hash: getHash(username) }), balance(expected));
      expectXml(await open('balance', { username, hash: getHash(username) }), balance(expected));
    }
  });

  it('replays its get_xml steps: GET disallowed, user_balance_get still answers', async () => {
    for (let i = 0; i < 2; i++) expectXml(await open('user_balance_get', { username: 'admin', hash: hash2 }), balance('60.0000'));
    expectXml(await open('user_balance_get', { username: 'admin', currency: 'EUR', hash: getHash('admin', 'EUR') }), balance('44.3119'));
  });
});

describe.each(DATABASE_KINDS)('Kolmisoft acceptance: api_balance.case with balance/1.bundle on %s', (kind) => {
  let app: RunningApp;
  beforeAll(async () => {
    // settings/api/check_balance_disable.sql: Devices_Check_Ballance=0.
    app = await startApp(kind, { LEGACY_API_SECRET: SECRET, LEGACY_NUMBER_DIGITS: '4', LEGACY_BALANCE_GET_ENABLED: 'false' });
    await seedM2(app, true);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers Feature disabled', async () => {
    const query = { username: 'admin', test: '1', hash: getHash('admin') };
    expectXml(await legacyCall(app.url, '/billing/api/user_balance_get', { method: 'GET', query }), pageError('Feature disabled'));
  });
});

/** One update case on a fresh M2 database (their users, no balances), with GET allowed and every step a GET, as theirs. */
function updateCase(name: string, replay: (steps: UpdateSteps) => Promise<void>): void {
  describe.each(DATABASE_KINDS)(`Kolmisoft acceptance: ${name} on %s`, (kind) => {
    let app: RunningApp;
    beforeAll(async () => {
      // Their enable bundle sets Allow_GET_API=1.
      app = await startApp(kind, { LEGACY_API_SECRET: SECRET, LEGACY_NUMBER_DIGITS: '4', LEGACY_ALLOW_GET: 'true', LEGACY_HASH_FAIL_LIMIT: '1000' });
      await seedM2(app, false);
    });
    afterAll(async () => {
      await app?.close();
    });

    it('replays its steps', async () => {
      const open = (method: string, query: Record<string, string>) => legacyCall(app.url, `/billing/api/${method}`, { method: 'GET', query: { ...query, test: '1' } });
      await replay({
        open,
        update: (query) => open('user_balance_update', query),
        balances: () => Promise.all(['0', '2', '3', '4', '5'].map((id) => usdBalance(app, id))),
      });
    });
  });
}

interface UpdateSteps {
  open(method: string, query: Record<string, string>): Promise<LegacyAnswer>;
  update(query: Record<string, string>): Promise<LegacyAnswer>;
  /** usd minor units of users 0, 2, 3, 4, 5. */
  balances(): Promise<bigint[]>;
}

updateCase('api_balance_update.case', async ({ open, update, balances }) => {
  expectXml(await update({ user_id: '3', u: 'admin', p: 'admin1', balance: '100' }), INCORRECT_HASH);
  expectXml(await open('user_balance_change', { user_id: '3', u: 'admin', p: 'admin1', balance: '100', hash: updateHash('3', '100') }), updated('reseller', '3', '100.0000'));
  expectXml(await update({ user_id: '3', u: 'admin', balance: '100', hash: updateHash('3', '100') }), updated('reseller', '3', '200.0000'));
  expectXml(await update({ user_id: '2', u: 'admin', balance: '50.0', hash: updateHash('2', '50.0') }), updated('user_admin', '2', '50.0000'));
  expectXml(await update({ user_id: '4', u: 'admin', balance: '1000.0', hash: updateHash('4', '1000.0') }), updated('accountant', '4', '1000.0000'));
  expectXml(await update({ user_id: '0', u: 'admin', balance: '10.0', hash: updateHash('0', '10.0') }), updated('admin', '0', '10.0000'));
  expectXml(await update({ user_id: '3', u: 'admin', balance: '10.0', hash: updateHash('3', '10.0') }), updated('reseller', '3', '210.0000'));
  expect(await balances()).toEqual([1000n, 5000n, 21000n, 100000n, 0n]);

  // Their reseller is no admin, so here it is no operator: Bad login where they answer
  // "User was not found" (it owns none of these users) and even where they update its own user 5.
  for (const [userId, hash] of [
    ['3', '6c71295f791dfab3fc9f8e92547fa5be5a416de8'],
    ['2', '2e47e2b05159661fd3603e3fb54ca7d4c30d7836'],
    ['4', 'adbbd80c92899c6debbebda29c11ab8ce6c24035'],
    ['0', 'b872d9c2c93cf4ce8eb824ac2554900323e9f6ff'],
    ['5', 'd4ed5aa92b7528fc31b0568b4ccfe588e92bd5ce'],
  ]) {
    expectXml(await update({ user_id: userId, u: 'reseller', balance: '500', hash }), BAD_LOGIN);
  }
  // They answer "User was not found" (admin does not own user 5); deliberate difference: u may update any user.
  expectXml(await update({ user_id: '5', u: 'admin', balance: '500', hash: 'd4ed5aa92b7528fc31b0568b4ccfe588e92bd5ce' }), updated('user_reseller', '5', '500.0000'));
  expect(await balances()).toEqual([1000n, 5000n, 21000n, 100000n, 50000n]);

  // disable_hash bundle: no such switch here, so with the hash.
  expectXml(await update({ user_id: '3', u: 'admin', balance: '100' }), INCORRECT_HASH);
  expectXml(await update({ user_id: '3', u: 'admin', balance: '100', hash: updateHash('3', '100') }), updated('reseller', '3', '310.0000'));
  expectXml(await update({ user_id: '3', u: 'reseller', balance: '500', hash: updateHash('3', '500') }), BAD_LOGIN);
  // They say "User was not found" (an accountant owns no users); here an accountant is no operator.
  expectXml(await update({ user_id: '4', u: 'accountant', balance: '500', hash: updateHash('4', '500') }), BAD_LOGIN);

  // enable_xml: open, then refreshAndWait sends it again; their page text is
  // "User balance updated reseller 3 510.0" (we print LEGACY_NUMBER_DIGITS decimals, a deliberate difference).
  const again = { user_id: '3', u: 'admin', balance: '100', hash: updateHash('3', '100') };
  expectXml(await update(again), updated('reseller', '3', '410.0000'));
  expectXml(await update(again), updated('reseller', '3', '510.0000'));
  expect(await balances()).toEqual([1000n, 5000n, 51000n, 100000n, 50000n]);
});

updateCase('api_balance_update2.case', async ({ update, balances }) => {
  expectXml(await update({ user_id: '3', u: 'aegerghrh', p: 'ahrthqatrhtr', balance: '100', hash: 'e07e891eaf55d93cbb744688527ef130af64d24e' }), BAD_LOGIN);

  // They leave a non-numeric balance out of the hash (38282ca… is sha1("2" + secret)) and add 0:
  // deliberate difference, we hash it as sent, and a malformed amount is "User balance not updated".
  expectXml(await update({ user_id: '2', u: 'admin', p: 'admin1', balance: 'wertygfds', hash: '38282ca5e65e63746498ef5b39a2fe71c6448df4' }), INCORRECT_HASH);
  expectXml(await update({ user_id: '2', u: 'admin', p: 'admin1', balance: 'wertygfds', hash: updateHash('2', 'wertygfds') }), NOT_UPDATED);

  expectXml(await update({ user_id: 'wertynhwbrt', u: 'admin', p: 'admin1', balance: '1000', hash: '48e1c024e47628701999b91e4327d4f495beeb29' }), INCORRECT_HASH);
  // 63b4fa… is sha1("1000" + secret): they leave the non-numeric user_id out; we hash it as sent.
  expectXml(await update({ user_id: 'wertynhwbrt', u: 'admin', p: 'admin1', balance: '1000', hash: '63b4fa0833d43c2b669f62707542c5d26285af6e' }), INCORRECT_HASH);
  expectXml(await update({ user_id: 'wertynhwbrt', u: 'admin', p: 'admin1', balance: '1000', hash: updateHash('wertynhwbrt', '1000') }), NOT_FOUND);

  expectXml(await update({ user_id: '0', u: 'admin', p: 'admin1', balance: '200.0', hash: 'c1e2c92b7bf209398787b954756df06f13beed09' }), updated('admin', '0', '200.0000'));
  expectXml(await update({ user_id: '0', u: 'admin', p: 'admin1', balance: '-100.0', hash: '99b5adee8fd5e3a60984790301c51fd3b5401d0c' }), updated('admin', '0', '100.0000'));
  expectXml(await update({ user_id: '0', u: 'admin', p: 'admin1', balance: '-50', hash: '2f82f3b300decebcbdfc8a802dc03ad17588a312' }), updated('admin', '0', '50.0000'));

  // Quotes and all are part of the value; they hash without it and add 0, we refuse it (as above).
  for (const [userId, amount, theirHash] of [
    ['4', "'@^!^'", '9a9d292176f7b8adb10d0d037732446bae1ef4dd'],
    ['2', "''", '38282ca5e65e63746498ef5b39a2fe71c6448df4'],
  ]) {
    expectXml(await update({ user_id: userId, u: 'admin', p: 'admin1', balance: amount, hash: theirHash }), INCORRECT_HASH);
    expectXml(await update({ user_id: userId, u: 'admin', p: 'admin1', balance: amount, hash: updateHash(userId, amount) }), NOT_UPDATED);
  }
  expectXml(await update({ user_id: "'!@*)(!'", u: 'admin', p: 'admin1', balance: '1000', hash: '63b4fa0833d43c2b669f62707542c5d26285af6e' }), INCORRECT_HASH);
  expectXml(await update({ user_id: "'!@*)(!'", u: 'admin', p: 'admin1', balance: '1000', hash: updateHash("'!@*)(!'", '1000') }), NOT_FOUND);

  // They update the reseller's own user 5; the reseller is no operator here.
  expectXml(await update({ user_id: '5', u: 'reseller', p: 'reseller1', balance: '500.0', hash: 'fcf4ce26f05e1e70e77933e6a0f23ccf209ad936' }), BAD_LOGIN);
  // Their test_api helper refuses user_admin and accountant ("You are not authorized"); as
  // operators of this API they get Bad login.
  for (const u of ['user_admin', 'accountant']) {
    for (const userId of ['3', '2', '4', '0', '5']) expectXml(await update({ user_id: userId, u, balance: '500', hash: updateHash(userId, '500') }), BAD_LOGIN);
  }
  // Their check: users 2, 3, 4 unchanged (0.0000 there); user 5 unchanged too here (500 there,
  // by the reseller); user 0 up 50.
  expect(await balances()).toEqual([5000n, 0n, 0n, 0n, 0n]);

  // disable_hash bundle, replayed with the hash.
  expectXml(await update({ user_id: '5', u: 'reseller', p: 'reseller1', balance: '500.0', hash: updateHash('5', '500.0') }), BAD_LOGIN);
  expectXml(await update({ user_id: '3', u: 'aegerghrh', p: 'ahrthqatrhtr', balance: '100', hash: updateHash('3', '100') }), BAD_LOGIN);
  for (let i = 0; i < 2; i++) expectXml(await update({ user_id: 'wertynhwbrt', u: 'admin', p: 'admin1', balance: '1000', hash: updateHash('wertynhwbrt', '1000') }), NOT_FOUND);
  expectXml(await update({ user_id: '0', u: 'admin', p: 'admin1', balance: '200.0', hash: updateHash('0', '200.0') }), updated('admin', '0', '250.0000'));
});
