import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CONSOLE_DIR } from '../../src/console/serve-console.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { parseRawAnswer, rawExchange, rawRequest } from '../support/raw-http.js';
import { adminToken } from '../support/tokens.js';

/** What one request is, and what its answer must carry besides the headers every answer carries. */
interface Row {
  readonly what: string;
  readonly method: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly status: number;
  /** A /back-api answer: `Cache-Control: no-store`. */
  readonly backoffice?: true;
  /** A page (the console, Swagger UI): the strict Content-Security-Policy. */
  readonly page?: true;
}

const ADMIN = { authorization: `Bearer ${adminToken()}` };
const JSON_TYPE = { 'content-type': 'application/json' };
const FORM_TYPE = { 'content-type': 'application/x-www-form-urlencoded' };

const rows = (consoleAsset: string): Row[] => [
  { what: 'a backoffice answer', method: 'GET', path: '/back-api/backoffice/users', headers: ADMIN, status: 200, backoffice: true },
  { what: 'a backoffice POST', method: 'POST', path: '/back-api/backoffice/balances', headers: { ...ADMIN, ...JSON_TYPE }, body: '{"userIds":["nobody"]}', status: 200, backoffice: true },
  { what: 'a backoffice 401', method: 'GET', path: '/back-api/backoffice/users', status: 401, backoffice: true },
  { what: 'a backoffice 404 of the service', method: 'GET', path: '/back-api/backoffice/user/nobody', headers: ADMIN, status: 404, backoffice: true },
  { what: 'a backoffice path no route has', method: 'GET', path: '/BACK-API/nothing-here', headers: ADMIN, status: 404, backoffice: true },
  { what: 'a backoffice 415 (a form)', method: 'POST', path: '/back-api/backoffice/balances', headers: { ...ADMIN, ...FORM_TYPE }, body: 'a=1', status: 415, backoffice: true },
  { what: 'a backoffice 413 (a body over the limit)', method: 'POST', path: '/back-api/backoffice/balances', headers: { ...ADMIN, ...JSON_TYPE }, body: JSON.stringify({ userIds: ['x'.repeat(200_000)] }), status: 413, backoffice: true },
  { what: 'a backoffice 400 (malformed JSON)', method: 'POST', path: '/back-api/backoffice/balances', headers: { ...ADMIN, ...JSON_TYPE }, body: '{"userIds":', status: 400, backoffice: true },
  { what: 'a backoffice 400 refused before routing (a path that cannot be decoded)', method: 'GET', path: '/back-api/backoffice/user/%E0%A4%A/balance', headers: ADMIN, status: 400, backoffice: true },
  { what: 'a legacy XML answer', method: 'POST', path: '/api/user_balance_get', headers: FORM_TYPE, body: 'username=alice&hash=00', status: 200 },
  { what: 'a legacy answer refused before routing', method: 'POST', path: '/api/%E0%A4%A', headers: FORM_TYPE, body: 'username=alice', status: 200 },
  { what: '/health', method: 'GET', path: '/health', status: 200 },
  { what: '/metrics', method: 'GET', path: '/metrics', status: 200 },
  { what: 'a path nothing serves', method: 'GET', path: '/nothing-here', status: 404 },
  { what: 'the console page', method: 'GET', path: '/console/', status: 200, page: true },
  { what: 'the console page without its slash', method: 'GET', path: '/console', status: 200, page: true },
  { what: "the console's settings", method: 'GET', path: '/console/settings.json', status: 200 },
  { what: "a file of the console's build", method: 'GET', path: `/console/assets/${consoleAsset}`, status: 200 },
  { what: 'Swagger UI', method: 'GET', path: '/docs', status: 200, page: true },
  { what: 'Swagger UI with a slash', method: 'GET', path: '/docs/', status: 200, page: true },
  { what: "Swagger UI's start script", method: 'GET', path: '/docs/swagger-ui-init.js', status: 200 },
  { what: "a file of Swagger UI's", method: 'GET', path: '/docs/swagger-ui.css', status: 200 },
  { what: 'the OpenAPI document', method: 'GET', path: '/docs-json', status: 200 },
  { what: 'the AsyncAPI document', method: 'GET', path: '/docs/asyncapi.json', status: 200 },
  { what: "socket.io's own HTTP answer (a polling handshake)", method: 'GET', path: '/socket.io/?EIO=4&transport=polling', status: 200 },
  { what: 'socket.io refusing an unknown transport', method: 'GET', path: '/socket.io/?EIO=4&transport=carrier-pigeon', status: 400 },
];

/** A Content-Security-Policy as its directives, each with its sources. */
const directivesOf = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name !== '')
      .map(([name, ...sources]) => [name, sources]),
  );

/** What every answer carries, and a page's policy, as the test reads them from one answer's headers. */
function securityHeadersOf(headers: Record<string, string | string[] | undefined>, row: Pick<Row, 'backoffice' | 'page'>) {
  const policy = directivesOf(String(headers['content-security-policy'] ?? ''));
  return {
    nosniff: headers['x-content-type-options'],
    referrerPolicy: headers['referrer-policy'],
    ...(row.backoffice ? { cacheControl: headers['cache-control'] } : {}),
    ...(row.page
      ? {
          frameAncestors: policy.get('frame-ancestors'),
          scriptSrc: policy.get('script-src'),
          scriptSrcAttr: policy.get('script-src-attr'),
          defaultSrc: policy.get('default-src'),
          frameOptions: headers['x-frame-options'],
        }
      : {}),
    hsts: headers['strict-transport-security'],
  };
}

const expected = (row: Pick<Row, 'backoffice' | 'page'>) => ({
  nosniff: 'nosniff',
  referrerPolicy: 'no-referrer',
  ...(row.backoffice ? { cacheControl: 'no-store' } : {}),
  // Scripts from the service's own files only: no inline script, no eval, no other origin.
  ...(row.page ? { frameAncestors: ["'none'"], scriptSrc: ["'self'"], scriptSrcAttr: ["'none'"], defaultSrc: ["'self'"], frameOptions: 'DENY' } : {}),
  // On plain http without an https PUBLIC_URL, no HSTS: browsers would be sent to an https port nobody serves.
  hsts: undefined,
});

/** §10 "Headers": every answer, whoever gives it, says nosniff and no-referrer; /back-api says no-store; pages carry the CSP. */
describe('security headers on every answer (SQLite: no database is involved in headers)', () => {
  let app: RunningApp;
  let consoleAsset: string;
  beforeAll(async () => {
    if (!existsSync(join(CONSOLE_DIR, 'index.html'))) throw new Error('The console is not built: `npm test` builds it (npm run console:build)');
    consoleAsset = readdirSync(join(CONSOLE_DIR, 'assets')).find((file) => file.endsWith('.js'))!;
    app = await startApp('sqlite', { LEGACY_API_SECRET: 'headers-test-secret-0123456789' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('every path in the table answers with its status and the headers its kind of answer must carry', async () => {
    const seen = [];
    const wanted = [];
    for (const row of rows(consoleAsset)) {
      const answer = await rawRequest(app.url, row.method, row.path, row.headers, row.body);
      seen.push({ what: row.what, status: answer.status, ...securityHeadersOf(answer.headers, row) });
      wanted.push({ what: row.what, status: row.status, ...expected(row) });
    }
    expect(seen).toEqual(wanted);
  });

  it('refusals written straight to the socket carry them too: not HTTP (400), headers too large (431)', async () => {
    const garbage = parseRawAnswer(await rawExchange(app.url, 'GARBAGE\r\n\r\n'));
    const oversized = parseRawAnswer(await rawExchange(app.url, `GET /back-api/backoffice/users HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`));
    for (const [answer, status] of [[garbage, 400], [oversized, 431]] as const) {
      expect({ status: answer.status, ...securityHeadersOf(answer.headers, { backoffice: true }) }).toEqual({ status, ...expected({ backoffice: true }) });
    }
  });
});

describe('with an https PUBLIC_URL (the service behind a TLS proxy)', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp('sqlite', { PUBLIC_URL: 'https://ledger.example.com' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('browsers are told to keep to https, and the pages may call the public URL', async () => {
    for (const path of ['/health', '/docs', '/back-api/backoffice/users']) {
      const answer = await rawRequest(app.url, 'GET', path);
      expect({ path, hsts: answer.headers['strict-transport-security'] }).toEqual({ path, hsts: 'max-age=31536000' });
    }
    const docs = await rawRequest(app.url, 'GET', '/docs');
    expect(directivesOf(String(docs.headers['content-security-policy'])).get('connect-src')).toEqual(["'self'", 'https://ledger.example.com']);
  });
});
