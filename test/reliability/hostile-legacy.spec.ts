import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Db } from '../../src/database/db.service.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { hostileScalar } from '../support/hostile-values.js';
import { seedFromEnv } from '../support/random.js';
import { DATABASE_KINDS } from '../support/test-databases.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const PARAMS = ['username', 'currency', 'user_currency', 'hash', 'user_id', 'balance', 'request_id', 'u', 'x'];
const METHODS = ['user_balance_get', 'user_balance_update', 'nope', '..%2f..%2fetc', '%FF'];

/** Raw percent-encoded text, including byte sequences that are not UTF-8. */
const rawEncoded = fc.oneof(
  hostileScalar.map((v) => [...Buffer.from(String(v).slice(0, 3000))].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')),
  fc.constantFrom('%FF', '%C3%28', '%E2%82', '%00', '%', '%zz', '+', '&&&', '=', '%ED%A0%80'),
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
        fc.boolean(),
        async (method, prefix, name, params, inBody) => {
          const encoded = params.map(([k, v]) => `${k}=${v}`).join('&');
          const url = `${app.url}${prefix}${name}${inBody || method === 'GET' ? (method === 'GET' ? `?${encoded}` : '') : `?${encoded}`}`;
          const res = await fetch(url, {
            method,
            headers: inBody && method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
            body: inBody && method === 'POST' ? encoded : undefined,
          });
          const text = await res.text();
          expect({ status: res.status, text: text.slice(0, 200) }).toEqual({ status: expect.any(Number), text: expect.any(String) });
          expect(res.status).toBeLessThan(500);
          if (res.status === 200) {
            expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
            expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
          }
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
