import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Db } from '../../src/database/db.service.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { deeplyNested, hostileObject, hostileScalar } from '../support/hostile-values.js';
import { seedFromEnv } from '../support/random.js';
import { DATABASE_KINDS } from '../support/test-databases.js';

/** Generated requests per database, a new seed each run (FUZZ_SEED replays one); FUZZ_RUNS=N for long runs. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const PARAMS = ['username', 'currency', 'user_currency', 'hash', 'user_id', 'balance', 'request_id', 'u', 'x'];
const METHODS = ['user_balance_get', 'user_balance_update', 'balance', 'user_balance_change', 'nope', '..%2f..%2fetc', '%FF'];

/** Raw percent-encoded text, including byte sequences that are not UTF-8. */
const rawEncoded = fc.oneof(
  hostileScalar.map((v) => [...Buffer.from(String(v).slice(0, 3000))].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')),
  fc.constantFrom('%FF', '%C3%28', '%E2%82', '%00', '%', '%zz', '+', '&&&', '=', '%ED%A0%80'),
);

/** A JSON value for one parameter: scalars, numbers of every kind, arrays and objects, nested deep. */
const jsonValue = fc.oneof(
  hostileScalar,
  fc.jsonValue({ maxDepth: 4 }),
  hostileObject,
  fc.array(hostileScalar, { maxLength: 5 }),
  fc.integer({ min: 1, max: 3000 }).map(deeplyNested),
  fc.integer({ min: 1, max: 3000 }).map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown),
);

/** A JSON body: an object of parameters (the usual shape), any other JSON value, or broken JSON text. */
const jsonBody = fc.oneof(
  fc.dictionary(fc.oneof(fc.constantFrom(...PARAMS, '__proto__', 'constructor'), fc.string({ maxLength: 8 })), jsonValue, { maxKeys: 8 }).map((o) => JSON.stringify(o)),
  jsonValue.map((v) => JSON.stringify(v) ?? 'null'),
  fc.constantFrom('{', '{"username":', '[1,', 'nul', '{"a":1}}', '\u0000', '{"username":"\ud800"}', '1e999', `{"balance":${'9'.repeat(400)}}`),
  fc.integer({ min: 1, max: 60_000 }).map((depth) => `{"u":${'['.repeat(depth)}${']'.repeat(depth)}}`),
);

describe.each(DATABASE_KINDS)('hostile input on the legacy XML API on %s', (kind) => {
  let app: RunningApp;
  const transactions = async () => Number((await app.app.get(Db).query<{ n: string }>('SELECT COUNT(*) AS n FROM ledger_transactions'))[0].n);

  beforeAll(async () => {
    app = await startApp(kind, { LEGACY_API_SECRET: 'fuzz-secret-0123456789', LEGACY_ALLOW_GET: 'true', LEGACY_HASH_FAIL_LIMIT: '1000000' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it(`answers ${RUNS} generated malformed requests in XML, never with a 5xx, and writes nothing`, async () => {
    const before = await transactions();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('POST', 'GET'),
        fc.constantFrom('/api/', '/billing/api/'),
        fc.constantFrom(...METHODS),
        fc.array(fc.tuple(fc.constantFrom(...PARAMS), rawEncoded), { maxLength: 6 }),
        fc.constantFrom('query', 'form', 'json', 'json+query'),
        jsonBody,
        async (method, prefix, name, params, placement, json) => {
          const encoded = params.map(([k, v]) => `${k}=${v}`).join('&');
          // fetch sends no body with GET, so a GET carries everything in its query string.
          const body = method === 'GET' || placement === 'query' ? undefined : placement === 'form' ? encoded : json;
          const query = body === undefined || placement === 'json+query' ? `?${encoded}` : '';
          const res = await fetch(`${app.url}${prefix}${name}${query}`, {
            method,
            headers: body === undefined ? {} : { 'content-type': placement === 'form' ? 'application/x-www-form-urlencoded' : 'application/json' },
            body,
          });
          const text = await res.text();
          expect({ status: res.status, text: text.slice(0, 200) }).toEqual({ status: expect.any(Number), text: expect.any(String) });
          // A URL over Node's header limit is refused by the HTTP server before any app code runs.
          if (res.status === 431) return;
          // Every other answer is the API's own XML, broken bodies included: 200, or 429 when throttled.
          expect([200, 429]).toContain(res.status);
          expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
          expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
          expect(text).not.toMatch(/at .*\.js|QueryFailed|SQLITE|stack/);
        },
      ),
      { numRuns: RUNS, seed: seedFromEnv('FUZZ_SEED') },
    );
    expect(await transactions()).toBe(before);
    const health = await fetch(`${app.url}/health`);
    expect(health.status).toBe(200);
  });
});
