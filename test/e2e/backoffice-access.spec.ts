import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UsersService } from '../../src/auth/users.service.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { bo, http, type HttpClient } from '../support/http-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { TEST_JWT_SECRET, tokenFor } from '../support/tokens.js';
import jwt from 'jsonwebtoken';

/** Every backoffice route, with a body that would be valid, so only the token decides. */
const ROUTES: Array<[method: string, path: string, body?: unknown]> = [
  ['GET', '/users'],
  ['GET', '/user/u-1'],
  ['GET', '/user/u-1/balance/'],
  ['GET', '/user/u-1/balance'],
  ['POST', '/balances', {}],
  ['GET', '/user/u-1/transactions'],
  ['POST', '/user/u-1/adjustments', { asset: 'usd', amount: '1', comment: 'x' }],
  ['POST', '/user/u-1/holds', { asset: 'usd', amount: '1', reason: 'x' }],
  ['GET', '/user/u-1/holds'],
  ['GET', '/holds/00000000-0000-0000-0000-000000000000'],
  ['POST', '/holds/00000000-0000-0000-0000-000000000000/capture', {}],
  ['POST', '/holds/00000000-0000-0000-0000-000000000000/release'],
  ['GET', '/token-actions'],
  ['PUT', '/token-actions/x', { type: 'mining', token: '1', price: '0', category: 'event', description: '' }],
  ['DELETE', '/token-actions/dailyLogin'],
  ['POST', '/user/u-1/token-actions/dailyLogin'],
  ['GET', '/exchange-rates'],
  ['GET', '/exchange-rates/btc/history'],
  ['PUT', '/exchange-rates/btc', { rate: '1' }],
  ['DELETE', '/exchange-rates/btc'],
  ['GET', '/products/room/demo-room'],
  ['PUT', '/products/room/demo-room', { options: [] }],
  ['GET', '/ledger/check'],
  ['POST', '/test-clock/advance', { seconds: 0 }],
];

/** Requests the global pipe or the handler must refuse with 400, naming the offending field. */
const INVALID: Array<[method: string, path: string, body: unknown, field: RegExp]> = [
  ['GET', '/users?per_page=0', undefined, /per_page must be at least 1/],
  ['GET', '/users?per_page=101', undefined, /per_page must not be greater than 100/],
  ['GET', '/users?PerPage=101', undefined, /PerPage must not be greater than 100/],
  ['GET', '/users?page=0', undefined, /page must be at least 1/],
  ['GET', '/users?Page=x', undefined, /Page must be a whole number/],
  ['GET', '/users?page=1.5', undefined, /page must be a whole number/],
  ['GET', '/users?sort=name', undefined, /property sort should not exist/],
  ['POST', '/balances', { asset: 5 }, /asset must be an asset code/],
  ['POST', '/balances', { asset: [] }, /asset must be an asset code/],
  ['POST', '/balances', { asset: 'doge' }, /asset must be a known asset; "doge" is not/],
  ['POST', '/balances', { userIds: 'u-1' }, /userIds must be an array/],
  ['POST', '/balances', { userIds: [1] }, /each value in userIds must be a string/],
  ['POST', '/balances', { users: [] }, /property users should not exist/],
  ['POST', '/balances?per_page=101', {}, /per_page must not be greater than 100/],
  ['GET', '/user/u-1/transactions?from=yesterday', undefined, /from must be an ISO 8601 date or epoch milliseconds/],
  ['GET', '/user/u-1/transactions?to=2025-13-45', undefined, /to must be an ISO 8601 date or epoch milliseconds/],
  ['GET', '/user/u-1/transactions?type=gift', undefined, /type must be one of mining, spending, buying/],
  ['GET', '/user/u-1/transactions?asset=doge', undefined, /asset must be a known asset/],
  ['GET', '/user/u-1/transactions?from=2025-02-01&to=2025-01-01', undefined, /from must not be after to/],
  ['POST', '/user/u-1/adjustments', { asset: 'usd', amount: 'lots', comment: 'x' }, /amount must be a number or a decimal string/],
  ['POST', '/user/u-1/adjustments', { asset: 'usd', amount: '1.001', comment: 'x' }, /amount: amount has more than 2 decimal places for usd/],
  ['POST', '/user/u-1/adjustments', { asset: 'usd', amount: '0', comment: 'x' }, /amount must not be zero/],
  ['POST', '/user/u-1/adjustments', { asset: 'usd', amount: '1' }, /comment should not be empty|comment must be a string/],
  ['POST', '/user/u-1/adjustments', { asset: 'doge', amount: '1', comment: 'x' }, /asset must be a known asset/],
  ['POST', '/user/u-1/adjustments', { asset: 'usd', amount: '1', comment: 'x', userId: 'u-2' }, /property userId should not exist/],
  ['POST', '/user/u-1/holds', { asset: 'usd', amount: '1' }, /reason/],
  ['POST', '/user/u-1/holds', { asset: 'usd', amount: '-1', reason: 'x' }, /amount must be greater than zero/],
  ['POST', '/user/u-1/holds', { asset: 'usd', amount: '1', reason: 'x', expiresAt: 'soon' }, /expiresAt must be an ISO 8601 date or epoch milliseconds/],
  ['POST', '/user/u-1/holds', { asset: 'usd', amount: '1', reason: 'x', expiresAt: '2001-01-01T00:00:00Z' }, /expiresAt must be in the future/],
  ['POST', '/user/u-1/holds', { asset: 'usd', amount: '1', reason: 'x', expiresAt: 1000 }, /expiresAt must be in the future/],
  ['POST', '/holds/00000000-0000-0000-0000-000000000000/capture', { amount: [1] }, /amount must be a number or a decimal string/],
  ['GET', '/user/u-1/holds?status=open', undefined, /status must be one of/],
  ['PUT', '/token-actions/x', { type: 'gift', token: '1', price: '0', category: 'event', description: '' }, /type must be one of mining, spending, buying/],
  ['PUT', '/token-actions/x', { type: 'mining', token: '1', price: '0', category: 'misc', description: '' }, /category must be one of event, product, subscription/],
  ['PUT', '/token-actions/x', { type: 'mining', token: '0.000000001', price: '0', category: 'event', description: '' }, /token: amount has more than 8 decimal places/],
  ['PUT', '/token-actions/x', { type: 'mining', price: '0', category: 'event', description: '' }, /token must be a number or a decimal string/],
  ['PUT', `/token-actions/${'a'.repeat(65)}`, { type: 'mining', token: '1', price: '0', category: 'event', description: '' }, /action must be 1 to 64/],
  ['PUT', '/exchange-rates/btc', { rate: 'high' }, /rate must be a number or a decimal string/],
  ['PUT', '/exchange-rates/btc', { rate: '0' }, /rate must be greater than zero/],
  ['PUT', '/exchange-rates/usd', { rate: '2' }, /root asset usd/],
  ['DELETE', '/exchange-rates/usd', undefined, /root asset usd cannot be unquoted/],
  ['PUT', '/products/room/r-1', { options: [{ plan: 'daily', price: '1' }] }, /options\.0\.plan must be one of/],
  ['PUT', '/products/room/r-1', { options: [{ plan: 'free', price: 'x' }] }, /options\.0\.price must be a number or a decimal string/],
  ['PUT', '/products/room/r-1', { options: [{ plan: 'free', price: '0' }, { plan: 'free', price: '0' }] }, /must not repeat a plan/],
  ['PUT', '/products/room/r-1', { ownerId: 'system:revenue', options: [] }, /ownerId must be a user id/],
  ['PUT', '/products/room/r-1', {}, /options must be an array/],
  ['POST', '/test-clock/advance', { seconds: 1.5 }, /seconds must be a whole number/],
];

describe.each(DATABASE_KINDS)('backoffice access, validation and OpenAPI on %s', (kind) => {
  let app: RunningApp;
  let api: HttpClient;

  beforeAll(async () => {
    // Every route is tried with several bad tokens from one address: far more than AUTH_FAIL_LIMIT.
    app = await startApp(kind, { AUTH_FAIL_LIMIT: '1000000' });
    api = http(app);
    await app.app.get(UsersService).upsert({ id: 'u-1', username: 'u-1', email: null, roles: [], currency: null });
  });
  afterAll(async () => {
    await app?.close();
  });

  // Objects, not rows: a row shorter than the callback's parameter list would make Jest pass `done`.
  it.each(ROUTES.map(([method, path, body]) => ({ method, path, body })))('$method $path: 401 without a token or with a bad one, 403 without the admin role', async ({ method, path, body }) => {
    const forged = jwt.sign({ sub: 'x', roles: ['admin'] }, `${TEST_JWT_SECRET}-not`, { algorithm: 'HS256' });
    for (const token of [null, 'garbage', forged, tokenFor('x', { roles: ['admin'] }, { expiresIn: -5 })]) {
      const res = await api.send(method, bo(path), body, { token });
      expect({ token, status: res.status, body: res.body }).toEqual({ token, status: 401, body: { statusCode: 401, message: expect.any(String) } });
    }
    for (const roles of [[], ['network-admin'], ['Admin']]) {
      const res = await api.send(method, bo(path), body, { token: tokenFor('plain', { roles }) });
      expect({ roles, status: res.status, body: res.body }).toEqual({ roles, status: 403, body: { statusCode: 403, message: 'Requires role: admin' } });
    }
  });

  it('changed nothing while refusing those requests', async () => {
    const rates = await api.get(bo('/exchange-rates'));
    expect(rates.body.rates.map((r: { asset: string }) => r.asset)).toContain('btc');
    expect((await api.get(bo('/token-actions'))).body.map((a: { action: string }) => a.action)).toContain('dailyLogin');
    expect((await api.get(bo('/user/u-1/transactions'))).body.paging.total).toBe(0);
  });

  it.each(INVALID)('%s %s %j: 400 naming the field', async (method, path, body, field) => {
    const res = await api.send(method, bo(path), body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ statusCode: 400, message: expect.anything() });
    expect([res.body.message].flat().join('; ')).toMatch(field);
  });

  it('refuses malformed JSON and an over-long Idempotency-Key with 400', async () => {
    const malformed = await api.send('POST', bo('/balances'), undefined, { raw: '{"asset":' });
    expect(malformed).toMatchObject({ status: 400, body: { statusCode: 400 } });
    const long = await api.post(bo('/user/u-1/adjustments'), { asset: 'usd', amount: '1', comment: 'x' }, { headers: { 'idempotency-key': 'k'.repeat(256) } });
    expect(long).toMatchObject({ status: 400, body: { message: 'Idempotency-Key must be 1 to 255 characters' } });
    expect((await api.get(bo('/user/u-1/transactions'))).body.paging.total).toBe(0);
  });

  it('answers the spec message for an unknown user on every /user/{userId} route', async () => {
    const paths: Array<[string, string, unknown?]> = [
      ['GET', '/user/ghost'],
      ['GET', '/user/ghost/balance/'],
      ['GET', '/user/ghost/transactions'],
      ['GET', '/user/ghost/holds'],
      ['POST', '/user/ghost/adjustments', { asset: 'usd', amount: '1', comment: 'x' }],
      ['POST', '/user/ghost/holds', { asset: 'usd', amount: '1', reason: 'x' }],
      ['POST', '/user/ghost/token-actions/dailyLogin'],
    ];
    for (const [method, path, body] of paths) {
      const res = await api.send(method, bo(path), body);
      expect({ path, status: res.status, body: res.body }).toEqual({ path, status: 404, body: { statusCode: 404, message: 'User with id:ghost not found.' } });
    }
  });

  it('serves the OpenAPI UI and document without a token, with bearer auth and an example for every request and answer', async () => {
    const ui = await api.get('/docs', { token: null });
    expect(ui.status).toBe(200);
    expect(String(ui.body)).toMatch(/swagger-ui/i);
    const { status, body: doc } = await api.get('/docs-json', { token: null });
    expect(status).toBe(200);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const documented = new Set(Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops as object).map((m) => `${m.toUpperCase()} ${p}`)));
    for (const [method, path] of ROUTES) {
      const templated = bo(path)
        .replace(/\/$/, '')
        .replace('/user/u-1', '/user/{userId}')
        .replace(/holds\/[0-9a-f-]{36}/, 'holds/{holdId}')
        .replace(/token-actions\/(x|dailyLogin)$/, 'token-actions/{action}')
        .replace(/exchange-rates\/btc/, 'exchange-rates/{asset}')
        .replace('products/room/demo-room', 'products/{productType}/{productId}');
      expect(documented).toContain(`${method} ${templated}`);
    }
    for (const [path, ops] of Object.entries(doc.paths) as Array<[string, Record<string, Record<string, any>>]>) { // eslint-disable-line @typescript-eslint/no-explicit-any
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method} ${path}`;
        expect({ where, security: op.security }).toEqual({ where, security: [{ bearer: [] }] });
        for (const [code, response] of Object.entries(op.responses as Record<string, { content?: Record<string, { example?: unknown; examples?: unknown }> }>)) {
          if (code === '204') continue;
          // Every media type an answer comes in (JSON, and the export's CSV and NDJSON) has its example.
          const media = Object.values(response.content ?? {});
          expect({ where, code, example: media.length > 0 && media.every((m) => m.example !== undefined || m.examples !== undefined) }).toEqual({ where, code, example: true });
        }
        const ref: string | undefined = op.requestBody?.content['application/json'].schema.$ref;
        if (ref) {
          const schema = doc.components.schemas[ref.split('/').pop()!];
          for (const [name, property] of Object.entries(schema.properties as Record<string, { example?: unknown; items?: unknown }>)) {
            expect({ where, name, example: property.example !== undefined || property.items !== undefined }).toEqual({ where, name, example: true });
          }
        }
      }
    }
  });

  describe('GET /users paging and search', () => {
    beforeAll(async () => {
      const users = app.app.get(UsersService);
      for (let i = 0; i < 7; i++) {
        await users.upsert({ id: `pg-${i}`, username: `Pager_${i}`, email: `pager${i}@Example.COM`, roles: i === 0 ? ['admin'] : [], currency: null });
      }
    });

    it('pages with page/per_page and the Page/PerPage aliases, past the end empty', async () => {
      const search = 'search=pager';
      const first = await api.get(bo(`/users?${search}&per_page=3`));
      expect(first.body.paging).toEqual({ page: 1, per_page: 3, total: 7 });
      expect(first.body.data.map((u: { userId: string }) => u.userId)).toEqual(['pg-0', 'pg-1', 'pg-2']);
      const aliased = await api.get(bo(`/users?${search}&Page=3&PerPage=3`));
      expect(aliased.body.paging).toEqual({ page: 3, per_page: 3, total: 7 });
      expect(aliased.body.data.map((u: { userId: string }) => u.userId)).toEqual(['pg-6']);
      expect((await api.get(bo(`/users?${search}&page=4&per_page=3`))).body).toEqual({ filters: { search: 'pager' }, paging: { page: 4, per_page: 3, total: 7 }, data: [] });
      expect((await api.get(bo(`/users?${search}&per_page=1`))).body.data).toHaveLength(1);
      expect((await api.get(bo(`/users?${search}&per_page=100`))).body.data).toHaveLength(7);
      expect((await api.get(bo('/users?search=nobody-matches'))).body).toEqual({ filters: { search: 'nobody-matches' }, paging: { page: 1, per_page: 20, total: 0 }, data: [] });
    });

    it('matches username or email as a case-insensitive substring, wildcards literally', async () => {
      const ids = async (search: string) => (await api.get(bo(`/users?search=${encodeURIComponent(search)}&per_page=100`))).body.data.map((u: { userId: string }) => u.userId);
      expect(await ids('PAGER_3')).toEqual(['pg-3']);
      expect(await ids('pager5@example')).toEqual(['pg-5']);
      expect(await ids('_')).toEqual(['pg-0', 'pg-1', 'pg-2', 'pg-3', 'pg-4', 'pg-5', 'pg-6']);
      expect(await ids('%')).toEqual([]);
    });

    it('shows one user with the spec field names', async () => {
      expect((await api.get(bo('/user/pg-0'))).body).toEqual({
        userName: 'Pager_0',
        userId: 'pg-0',
        userEmail: 'pager0@Example.COM',
        userRoles: ['admin'],
        currency: null,
        frozen: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
    });
  });

  it('leaves the ledger consistent', async () => {
    expect((await api.get(bo('/ledger/check'))).body).toMatchObject({ ok: true, failures: [] });
  });
});
