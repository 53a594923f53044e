import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Db } from '../../src/database/db.service.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { addLegacyUser, fundLegacyUser, legacyCall, legacyXml, sha1Hex, usdBalance, type LegacyAnswer } from '../support/legacy-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { adminToken } from '../support/tokens.js';

/**
 * M2's update hash is SHA1(user_id ‖ balance ‖ request_id ‖ secret) with no separators, so one
 * captured hash fits every re-split of the same characters. Once an update has been accepted its
 * hash is bound to its parameters; the same hash with others is `Incorrect hash` and adds nothing.
 */
const SECRET = 'legacy-replay-secret-0123456789';
const XML_TYPE = 'application/xml; charset=utf-8';
const INCORRECT_HASH = legacyXml.statusError('Incorrect hash');
const NOT_UPDATED = legacyXml.pageError('User balance not updated');
const OPERATOR = 'ops';

type Params = Record<string, string>;

/** An update as its integrator signs it: the hash over user_id, balance and request_id as written. */
function signed(userId: string, balance: string, requestId?: string): Params {
  return { user_id: userId, balance, ...(requestId === undefined ? {} : { request_id: requestId }), u: OPERATOR, hash: sha1Hex(userId, balance, requestId ?? '', SECRET) };
}

/** The same hash sent with other parameters: what someone who captured `original` can forge. */
function resplit(original: Params, userId: string, balance: string, requestId?: string): Params {
  return { user_id: userId, balance, ...(requestId === undefined ? {} : { request_id: requestId }), u: OPERATOR, hash: original.hash };
}

const update = (app: RunningApp, params: Params) => legacyCall(app.url, '/billing/api/user_balance_update', { form: params });

function expectXml(answer: LegacyAnswer, body: string, status = 200): void {
  expect(answer).toEqual({ status, contentType: XML_TYPE, body });
}

async function seedOperator(app: RunningApp): Promise<void> {
  await addLegacyUser(app, { id: 'ops-1', username: OPERATOR, roles: ['admin'] });
}

describe.each(DATABASE_KINDS)('legacy update hashes bound to their parameters on %s', (kind) => {
  let app: RunningApp;
  beforeAll(async () => {
    // A fail limit of 2: refusals of a bound hash must not count towards it.
    app = await startApp(kind, { LEGACY_API_SECRET: SECRET, LEGACY_HASH_FAIL_LIMIT: '2', LEGACY_REQUIRE_REQUEST_ID: 'false' });
    await seedOperator(app);
    for (const id of ['alice', '1', '12', 'bob', 'race', 'carol', 'dave']) await addLegacyUser(app, { id, username: id });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses a captured update re-split between balance and request_id, answers the exact one as before, and adds nothing', async () => {
    const captured = signed('alice', '10.50', 'inv-0001');
    expectXml(await update(app, captured), legacyXml.updated('alice', 'alice', '10.50'));
    expectXml(await update(app, resplit(captured, 'alice', '10.5', '0inv-0001')), INCORRECT_HASH);
    expectXml(await update(app, resplit(captured, 'alice', '1', '0.50inv-0001')), INCORRECT_HASH);
    // Either case of the hex is one hash.
    expectXml(await update(app, { ...resplit(captured, 'alice', '10.5', '0inv-0001'), hash: captured.hash.toUpperCase() }), INCORRECT_HASH);
    // The same request again: the first answer, nothing added.
    expectXml(await update(app, captured), legacyXml.updated('alice', 'alice', '10.50'));
    expect(await usdBalance(app, 'alice')).toBe(1050n);
  });

  it('refuses a captured update re-sent for another user id that shares its characters', async () => {
    const captured = signed('1', '23');
    expectXml(await update(app, captured), legacyXml.updated('1', '1', '23.00'));
    expectXml(await update(app, resplit(captured, '12', '3')), INCORRECT_HASH);
    expect(await usdBalance(app, '12')).toBe(0n);
    expect(await usdBalance(app, '1')).toBe(2300n);
  });

  it('applies an identical update without request_id again, as M2 does, and still refuses its re-splits', async () => {
    const update15 = signed('bob', '15');
    expectXml(await update(app, update15), legacyXml.updated('bob', 'bob', '15.00'));
    expectXml(await update(app, update15), legacyXml.updated('bob', 'bob', '30.00'));
    expectXml(await update(app, resplit(update15, 'bob', '1', '5')), INCORRECT_HASH);
    expect(await usdBalance(app, 'bob')).toBe(3000n);
  });

  it('does not count a bound hash as a failed one: the caller is not throttled', async () => {
    const captured = signed('dave', '7', 'inv-7');
    expectXml(await update(app, captured), legacyXml.updated('dave', 'dave', '7.00'));
    for (const [userId, balance, requestId] of [['dav', 'e7', 'inv-7'], ['dave', '7i', 'nv-7'], ['dave', '', '7inv-7'], ['dave7inv-7', '', '']]) {
      expectXml(await update(app, resplit(captured, userId, balance, requestId)), INCORRECT_HASH);
    }
    expectXml(await update(app, signed('dave', '1', 'inv-8')), legacyXml.updated('dave', 'dave', '8.00'));
    expect(await usdBalance(app, 'dave')).toBe(800n);
  });

  it('lets only one of two racing re-splits of one hash through', async () => {
    // Many pairs at once, so that on PostgreSQL pairs meet in one batch and across batches.
    const rounds = await Promise.all(
      Array.from({ length: 12 }, async (_, round) => {
        // `45` + `rN` and `4` + `5rN`: one text, one hash.
        const first = signed('race', '45', `r${round}`);
        const second = resplit(first, 'race', '4', `5r${round}`);
        return Promise.all([update(app, first), update(app, second)]);
      }),
    );
    let expected = 0n;
    for (const answers of rounds) {
      const passed = answers.map((answer) => answer.body.includes('<status>User balance updated</status>'));
      expect(passed.filter(Boolean)).toHaveLength(1);
      expectXml(answers[passed.indexOf(false)], INCORRECT_HASH);
      expected += passed[0] ? 4500n : 400n;
    }
    expect(await usdBalance(app, 'race')).toBe(expected);
  });

  it('binds a hash only together with its credit: a refused update leaves it unbound', async () => {
    const refused = signed('carol', '-5', 'neg-1');
    expectXml(await update(app, refused), NOT_UPDATED);
    const bound = (hash: string) => app.app.get(Db).query<{ n: number | string }>('SELECT count(*) AS n FROM legacy_bound_hashes WHERE hash = ?', [hash]);
    expect(Number((await bound(refused.hash))[0].n)).toBe(0);
    await fundLegacyUser(app, 'carol', 500n);
    expectXml(await update(app, refused), legacyXml.updated('carol', 'carol', '0.00'));
    expect(Number((await bound(refused.hash))[0].n)).toBe(1);
  });

  it('keeps the bindings in the database, across a restart', async () => {
    app = await app.restart();
    expectXml(await update(app, resplit(signed('alice', '10.50', 'inv-0001'), 'alice', '10.5', '0inv-0001')), INCORRECT_HASH);
    expectXml(await update(app, resplit(signed('1', '23'), '12', '3')), INCORRECT_HASH);
    expect(await usdBalance(app, 'alice')).toBe(1050n);
    expect(await usdBalance(app, '12')).toBe(0n);
    const check = await fetch(`${app.url}/back-api/backoffice/ledger/check`, { headers: { authorization: `Bearer ${adminToken()}` } });
    expect(await check.json()).toMatchObject({ ok: true });
  });
});

describe.each(DATABASE_KINDS)('LEGACY_REQUIRE_REQUEST_ID=true on %s', (kind) => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp(kind, { LEGACY_API_SECRET: SECRET, LEGACY_REQUIRE_REQUEST_ID: 'true', LEGACY_HASH_FAIL_LIMIT: '100' });
    await seedOperator(app);
    await addLegacyUser(app, { id: 'alice', username: 'alice' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses an update without request_id with User balance not updated, after the hash, and adds nothing', async () => {
    expectXml(await update(app, signed('alice', '5')), NOT_UPDATED);
    expectXml(await update(app, signed('alice', '5', '')), NOT_UPDATED);
    // Before the operator: it is the request that is refused, whoever sends it.
    expectXml(await update(app, { ...signed('alice', '5'), u: 'nobody' }), NOT_UPDATED);
    // Without the secret, nothing is learnt: the hash is checked first.
    expectXml(await update(app, { ...signed('alice', '5'), hash: 'f'.repeat(40) }), INCORRECT_HASH);
    expect(await usdBalance(app, 'alice')).toBe(0n);
    expectXml(await update(app, signed('alice', '5', 'inv-1')), legacyXml.updated('alice', 'alice', '5.00'));
    expectXml(await update(app, signed('alice', '5', 'inv-1')), legacyXml.updated('alice', 'alice', '5.00'));
    expect(await usdBalance(app, 'alice')).toBe(500n);
  });
});
