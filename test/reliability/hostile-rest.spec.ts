import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Db } from '../../src/database/db.service.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { deeplyNested, deeplyNestedArray, hostileObject, hostileScalar } from '../support/hostile-values.js';
import { seedFromEnv } from '../support/random.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { adminToken } from '../support/tokens.js';

/** Generated requests per database, a new seed each run (FUZZ_SEED replays one); FUZZ_RUNS=N for long runs. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const BO = '/back-api/backoffice';
/** Writes go to a user that does not exist and a hold that does not exist: nothing may be written. */
const TARGETS: Array<[string, string]> = [
  ['POST', `${BO}/balances`],
  ['POST', `${BO}/user/ghost/adjustments`],
  ['POST', `${BO}/user/ghost/holds`],
  ['POST', `${BO}/holds/00000000-0000-0000-0000-000000000000/capture`],
  ['POST', `${BO}/user/ghost/token-actions/dailyLogin`],
  ['PUT', `${BO}/exchange-rates/xmr`],
  ['PUT', `${BO}/token-actions/%00`],
  ['PUT', `${BO}/products/room/%3Cx%3E`],
  ['GET', `${BO}/users`],
  ['GET', `${BO}/user/ghost/transactions`],
];
const DOCUMENTED = new Set([200, 201, 400, 404, 409, 413, 415, 422]);
const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x', 'application/xml'];

describe.each(DATABASE_KINDS)('hostile input on the REST backoffice on %s', (kind) => {
  let app: RunningApp;
  const writes = async () => {
    const db = app.app.get(Db);
    const n = async (table: string) => Number((await db.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
    return [await n('ledger_transactions'), await n('holds'), await n('accounts')];
  };

  beforeAll(async () => {
    app = await startApp(kind, { REST_RATE_PER_SECOND: '1000000', REST_RATE_BURST: '1000000' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it(`answers ${RUNS} generated malformed requests with documented errors and moves no money`, async () => {
    const before = await writes();
    const token = adminToken();
    const rawBody = fc.oneof(
      fc.oneof(fc.anything(), hostileObject, hostileScalar).map((v) => JSON.stringify(v) ?? 'null'),
      fc.constantFrom('{', '{"asset":', '[1,2', 'null', '"x"', '{"a":1}{"b":2}', '\u0000', '{"__proto__":{"roles":["admin"]}}'),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
      // Deep nesting, in the body or inside a field, as arrays or objects.
      fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.boolean(), fc.constantFrom('', 'userIds', 'asset', 'amount', 'options')).map(([depth, asArray, field]) => {
        // Written as text: JSON.stringify itself recurses, and would run out of stack first.
        const nested = asArray ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
        return field ? `{"${field}":${nested}}` : nested;
      }),
      fc.constantFrom('userIds=x', 'asset=usd&amount=1&comment=x', 'userIds[]=a&userIds[]=b'),
    );
    const contentType = fc.oneof({ weight: 4, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES) });
    const query = fc.array(fc.tuple(fc.constantFrom('page', 'per_page', 'Page', 'PerPage', 'search', 'asset', 'from', 'to', 'type'), hostileScalar), { maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TARGETS), rawBody, query, contentType, async ([method, path], body, params, type) => {
        const qs = new URLSearchParams(params.map(([k, v]) => [k, String(v).slice(0, 2000)] as [string, string])).toString();
        const res = await fetch(`${app.url}${path}${qs ? `?${qs}` : ''}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': type, 'idempotency-key': 'fuzz' },
          body: method === 'GET' ? undefined : body,
        });
        const text = await res.text();
        expect({ path, status: res.status, documented: DOCUMENTED.has(res.status) }).toEqual({ path, status: res.status, documented: true });
        expect(text).not.toMatch(/\bat \S+\.js:\d+|QueryFailed|SQLITE_|node_modules/);
        if (res.status >= 400) expect(JSON.parse(text)).toMatchObject({ statusCode: res.status });
      }),
      { numRuns: RUNS, seed: seedFromEnv('FUZZ_SEED') },
    );
    expect(await writes()).toEqual(before);
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
  });

  it('refuses a NUL character with 400, whichever database is behind', async () => {
    const headers = { authorization: `Bearer ${adminToken()}`, 'content-type': 'application/json' };
    const search = await fetch(`${app.url}${BO}/users?search=%00`, { headers });
    expect({ status: search.status, body: await search.json() }).toEqual({ status: 400, body: expect.objectContaining({ message: expect.stringMatching(/NUL/) }) });
    const balances = await fetch(`${app.url}${BO}/balances`, { method: 'POST', headers, body: JSON.stringify({ userIds: ['a\u0000b'] }) });
    expect(balances.status).toBe(400);
  });

  it('refuses a body nested 2,000 levels deep with 400, not a 500', async () => {
    const headers = { authorization: `Bearer ${adminToken()}`, 'content-type': 'application/json' };
    for (const body of [{ userIds: deeplyNestedArray(2000) }, deeplyNestedArray(2000), { asset: deeplyNested(2000) }]) {
      const res = await fetch(`${app.url}${BO}/balances`, { method: 'POST', headers, body: JSON.stringify(body) });
      expect({ status: res.status, body: await res.json() }).toEqual({ status: 400, body: { statusCode: 400, message: 'Request body must nest at most 32 levels' } });
    }
  });

  it('refuses a body that is not JSON with 415 instead of reading it as empty', async () => {
    for (const [type, body] of [['application/x-www-form-urlencoded', 'userIds=x'], ['text/plain', '{"userIds":["x"]}'], ['', '{"userIds":["x"]}']]) {
      const res = await fetch(`${app.url}${BO}/balances`, { method: 'POST', headers: { authorization: `Bearer ${adminToken()}`, 'content-type': type }, body });
      expect({ type, status: res.status, body: await res.json() }).toEqual({ type, status: 415, body: { statusCode: 415, message: 'Request body must be JSON (Content-Type: application/json)' } });
    }
    // The same question as JSON is answered, and for the one user asked about.
    const json = await fetch(`${app.url}${BO}/balances`, { method: 'POST', headers: { authorization: `Bearer ${adminToken()}`, 'content-type': 'application/json' }, body: '{"userIds":["x"]}' });
    expect({ status: json.status, paging: ((await json.json()) as { paging: unknown }).paging }).toEqual({ status: 200, paging: { page: 1, per_page: 20, total: 1 } });
  });

  it('refuses an oversized body with 413', async () => {
    const res = await fetch(`${app.url}${BO}/balances`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ userIds: Array.from({ length: 20000 }, (_, i) => `user-${i}`) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ statusCode: 413, message: expect.stringMatching(/too large/i) });
  });
});
