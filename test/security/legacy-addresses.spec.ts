import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { addLegacyUser, fundLegacyUser, legacyCall, legacyXml, sha1Hex, usdBalance, type LegacyAnswer, type LegacyCall } from '../support/legacy-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';

/**
 * Who a legacy caller is: the client address of §10 (the TCP peer, or what a TRUST_PROXY peer
 * forwarded for), IPv6 per /64. The hash-failure throttle counts per client, so one client's
 * wrong hashes never lock out another behind the same proxy; LEGACY_ALLOWED_IPS admits only
 * the clients it lists.
 */
const SECRET = 'legacy-address-secret-0123456789';
const XML_TYPE = 'application/xml; charset=utf-8';
const INCORRECT_HASH = legacyXml.statusError('Incorrect hash');
const THROTTLED = legacyXml.statusError('Too many failed requests');
const API_DISABLED = legacyXml.statusError('API Requests are disabled');
const ALICE_BALANCE = legacyXml.balance('12.34');

const good = { username: 'alice', hash: sha1Hex('alice', SECRET) };
const bad = { username: 'alice', hash: 'f'.repeat(40) };
const get = (app: RunningApp, params: Record<string, string>, options: LegacyCall = {}) =>
  legacyCall(app.url, '/billing/api/user_balance_get', { ...options, form: params });
const from = (client: string): LegacyCall => ({ headers: { 'x-forwarded-for': client } });

function expectXml(answer: LegacyAnswer, body: string, status = 200): void {
  expect(answer).toEqual({ status, contentType: XML_TYPE, body });
}

async function seed(app: RunningApp): Promise<void> {
  await addLegacyUser(app, { id: 'ops-1', username: 'ops', roles: ['admin'] });
  await addLegacyUser(app, { id: 'alice', username: 'alice' });
  await fundLegacyUser(app, 'alice', 1234n);
}

describe.each(DATABASE_KINDS)('legacy callers behind a trusted proxy on %s', (kind) => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp(kind, {
      LEGACY_API_SECRET: SECRET,
      LEGACY_HASH_FAIL_LIMIT: '2',
      TRUST_PROXY: '127.0.0.1',
      LEGACY_ALLOWED_IPS: '203.0.113.0/24, 2001:db8::/32',
    });
    await seed(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  it("counts wrong hashes per forwarded client: one client's failures do not lock out another", async () => {
    for (let i = 0; i < 2; i++) expectXml(await get(app, bad, from('203.0.113.5')), INCORRECT_HASH);
    expectXml(await get(app, good, from('203.0.113.5')), THROTTLED, 429);
    expectXml(await get(app, good, from('203.0.113.6')), ALICE_BALANCE);
    // What the client wrote left of the proxy's entry proves nothing; the proxy's entry counts.
    expectXml(await get(app, good, from('203.0.113.6, 203.0.113.5')), THROTTLED, 429);
    expectXml(await get(app, good, from('203.0.113.5, 203.0.113.6')), ALICE_BALANCE);
    const update = { user_id: 'alice', balance: '1', request_id: 'inv-1', u: 'ops', hash: sha1Hex('alice', '1', 'inv-1', SECRET) };
    expectXml(await legacyCall(app.url, '/billing/api/user_balance_update', { form: update, ...from('203.0.113.7') }), legacyXml.updated('alice', 'alice', '13.34'));
  });

  it('counts IPv6 clients per /64', async () => {
    for (let i = 0; i < 2; i++) expectXml(await get(app, bad, from('2001:db8:1:2::1')), INCORRECT_HASH);
    expectXml(await get(app, good, from('2001:db8:1:2:ffff:ffff:ffff:ffff')), THROTTLED, 429);
    expectXml(await get(app, good, from('2001:db8:1:3::1')), legacyXml.balance('13.34'));
  });

  it('admits only the clients LEGACY_ALLOWED_IPS lists (the proxy itself is not one of them)', async () => {
    expectXml(await get(app, good, from('198.51.100.1')), API_DISABLED);
    expectXml(await get(app, good), API_DISABLED);
    const update = { user_id: 'alice', balance: '1', request_id: 'inv-2', u: 'ops', hash: sha1Hex('alice', '1', 'inv-2', SECRET) };
    expectXml(await legacyCall(app.url, '/billing/api/user_balance_update', { form: update, ...from('198.51.100.1') }), API_DISABLED);
    expect(await usdBalance(app, 'alice')).toBe(1334n);
    expectXml(await get(app, good, from('203.0.113.200')), legacyXml.balance('13.34'));
  });
});

describe.each(DATABASE_KINDS)('legacy callers without a trusted proxy on %s', (kind) => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp(kind, { LEGACY_API_SECRET: SECRET, LEGACY_HASH_FAIL_LIMIT: '2', LEGACY_ALLOWED_IPS: '127.0.0.1, 127.0.0.2' });
    await seed(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    for (let i = 0; i < 2; i++) expectXml(await get(app, bad, from('203.0.113.5')), INCORRECT_HASH);
    expectXml(await get(app, good, from('203.0.113.9')), THROTTLED, 429);
    expectXml(await get(app, good, { localAddress: '127.0.0.2' }), ALICE_BALANCE);
  });

  it('refuses the API to a peer outside LEGACY_ALLOWED_IPS, whatever it forwards and whatever its body', async () => {
    const outside = { localAddress: '127.0.0.3' };
    expectXml(await get(app, good, outside), API_DISABLED);
    expectXml(await get(app, good, { ...outside, headers: { 'x-forwarded-for': '127.0.0.2' } }), API_DISABLED);
    const update = { user_id: 'alice', balance: '1', u: 'ops', hash: sha1Hex('alice', '1', SECRET) };
    expectXml(await legacyCall(app.url, '/billing/api/user_balance_update', { ...outside, form: update }), API_DISABLED);
    // A body that cannot be read is answered by the same gates.
    expectXml(await legacyCall(app.url, '/billing/api/user_balance_update', { ...outside, raw: { contentType: 'application/json', text: '{"user_id":' } }), API_DISABLED);
    expect(await usdBalance(app, 'alice')).toBe(1234n);
    expectXml(await get(app, good, { localAddress: '127.0.0.2' }), ALICE_BALANCE);
  });
});
