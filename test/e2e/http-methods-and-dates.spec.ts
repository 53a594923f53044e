import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UsersService } from '../../src/auth/users.service.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { bo, http, type HttpClient } from '../support/http-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';

/**
 * A known path with a method it does not take is 405 with `Allow` (never 404), and a day the
 * month does not have is a 400 wherever an instant is taken (#25). Backoffice answers are
 * checked against /docs-json too, so the Allow header must name what the document lists.
 */
describe.each(DATABASE_KINDS)('unsupported methods and impossible dates on %s', (kind) => {
  let app: RunningApp;
  let api: HttpClient;

  beforeAll(async () => {
    app = await startApp(kind);
    api = http(app);
    await app.app.get(UsersService).upsert({ id: 'md-user', username: 'md-user', email: 'md-user@example.com', roles: [], currency: null });
  });
  afterAll(async () => {
    await app?.close();
  });

  const allowOf = (answer: { headers: Headers }) => answer.headers.get('allow')?.split(', ').sort();

  it.each([
    ['PUT', '/users', ['GET', 'HEAD']],
    ['DELETE', '/user/md-user/balance', ['GET', 'HEAD']],
    ['DELETE', '/user/md-user/balance/', ['GET', 'HEAD']],
    ['GET', '/balances', ['POST']],
    ['PATCH', '/exchange-rates/btc', ['DELETE', 'PUT']],
    ['POST', '/token-actions/dailyLogin', ['DELETE', 'PUT']],
    ['PUT', '/user/md-user/holds', ['GET', 'HEAD', 'POST']],
  ])('backoffice %s %s: 405, Allow %j, the coded error body', async (method, path, allowed) => {
    const answer = await api.send(method, bo(path));
    expect(answer.status).toBe(405);
    expect(allowOf(answer)).toEqual(allowed);
    expect(answer.body).toEqual({ statusCode: 405, message: `${method} is not allowed on ${bo(path)}; allowed: ${answer.headers.get('allow')}` });
  });

  it('405 comes before authentication: the method is wrong whoever asks', async () => {
    const answer = await api.send('PUT', bo('/users'), undefined, { token: null });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET, HEAD');
  });

  it('the other surfaces on the same server: 405 with Allow for health, metrics and the documents', async () => {
    for (const [method, path] of [['POST', '/health'], ['DELETE', '/metrics'], ['PUT', '/docs-json']]) {
      const answer = await api.send(method, path, undefined, { token: null });
      expect([path, answer.status, answer.headers.get('allow'), answer.body.statusCode]).toEqual([path, 405, 'GET, HEAD', 405]);
    }
  });

  it('an unknown path stays 404, and the legacy API keeps its own 404 for a method it does not route', async () => {
    expect(await api.send('PUT', bo('/no-such-thing'))).toMatchObject({ status: 404 });
    const legacy = await api.send('PUT', '/billing/api/user_balance_get', undefined, { token: null });
    expect(legacy.status).toBe(404);
    expect(legacy.headers.get('allow')).toBeNull();
  });

  it.each([
    ['/user/md-user/transactions?from=2025-02-30', 'from'],
    ['/transactions?to=2025-04-31T10:00:00Z', 'to'],
    ['/audit?from=2023-02-29', 'from'],
  ])('GET %s: an impossible day is a 400 naming the field', async (path, field) => {
    const answer = await api.get(bo(path));
    expect(answer.status).toBe(400);
    expect(answer.body.message).toEqual([`${field} must be an ISO 8601 date or epoch milliseconds, on a day the month has (2025-02-28, not 2025-02-30)`]);
  });

  it('real days, a leap day included, are taken', async () => {
    expect((await api.get(bo('/user/md-user/transactions?from=2024-02-29&to=2025-02-28T23:59'))).status).toBe(200);
    expect((await api.get(bo('/audit?from=2025-03-01T00:00:00%2B02:00'))).status).toBe(200);
  });

  it('an impossible day is refused in a body (a hold that would expire on 30 February) and at the other instant parsers', async () => {
    await api.post(bo('/user/md-user/adjustments'), { asset: 'usd', amount: '5', comment: 'funds for a hold' });
    const hold = await api.post(bo('/user/md-user/holds'), { asset: 'usd', amount: '1', reason: 'x', expiresAt: '2031-02-30T00:00:00Z' });
    expect(hold).toMatchObject({ status: 400, body: { message: [expect.stringMatching(/^expiresAt must be an ISO 8601 date/)] } });
    expect((await api.get(bo('/user/md-user/balances?at=2025-02-30T00:00:00Z'))).status).toBe(400);
    expect((await api.get(bo('/transactions/export?from=2025-02-30T00:00:00Z'))).status).toBe(400);
  });

  it('an amount at the asset scale is taken, one decimal more is a coded 400, never rounded', async () => {
    const eth = await api.post(bo('/user/md-user/adjustments'), { asset: 'eth', amount: '0.000000000000000001', comment: 'one wei' });
    expect(eth).toMatchObject({ status: 201, body: { amount: '0.000000000000000001' } });
    const rents = await api.post(bo('/user/md-user/adjustments'), { asset: 'rents', amount: '0.000000001', comment: 'too fine' });
    expect(rents).toMatchObject({ status: 400, body: { message: expect.stringMatching(/more than 8 decimal places/) } });
  });
});
