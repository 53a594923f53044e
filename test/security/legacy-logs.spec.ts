import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { legacyCall, legacyXml, sha1Hex } from '../support/legacy-client.js';
import { startServerProcess, type ServerProcess, logLineOf as logLineOfServer } from '../support/server-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.js';
import { adminToken } from '../support/tokens.js';

/**
 * Refused legacy hashes and refused addresses are logged at warn with the client's address and
 * the request id, never with the hash or the secret.
 */
const SECRET = 'legacy-log-secret-0123456789';
const WARN = 40;

describe('legacy refusals in the logs', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startServerProcess({
      DATABASE_URL: database.url,
      LOG_LEVEL: 'warn',
      LEGACY_API_SECRET: SECRET,
      TRUST_PROXY: '127.0.0.1',
      LEGACY_ALLOWED_IPS: '203.0.113.0/24',
    });
  });
  afterAll(async () => {
    await server?.kill();
    await database?.drop();
  });

  const call = (method: string, form: Record<string, string>, client: string, requestId: string) =>
    legacyCall(server.url, `/billing/api/${method}`, { form, headers: { 'x-forwarded-for': client, 'x-request-id': requestId } });

  const logLineOf = (id: string) => logLineOfServer(server, id);

  it('logs a wrong hash at warn with the address and request id, and not the hash', async () => {
    const wrong = 'e'.repeat(40);
    expect((await call('user_balance_get', { username: 'alice', hash: wrong }, '203.0.113.5', 'rid-legacy-hash-1')).body).toBe(legacyXml.statusError('Incorrect hash'));
    const line = await logLineOf('rid-legacy-hash-1');
    expect(line).toMatchObject({ level: WARN, address: '203.0.113.5', req: { id: 'rid-legacy-hash-1' } });
    expect(server.output()).not.toContain(wrong);
  });

  it('logs a hash refused for being bound to other parameters, and not the hash or the secret', async () => {
    // The operator, created by an authenticated request, credits itself.
    expect((await fetch(`${server.url}/back-api/backoffice/users`, { headers: { authorization: `Bearer ${adminToken()}` } })).status).toBe(200);
    const captured = { user_id: 'admin-1', balance: '10.50', request_id: 'inv-0001', u: 'admin-1', hash: sha1Hex('admin-1', '10.50', 'inv-0001', SECRET) };
    expect((await call('user_balance_update', captured, '203.0.113.6', 'rid-legacy-first')).body).toContain('User balance updated');
    const resplit = { ...captured, balance: '10.5', request_id: '0inv-0001' };
    expect((await call('user_balance_update', resplit, '203.0.113.7', 'rid-legacy-bound-1')).body).toBe(legacyXml.statusError('Incorrect hash'));
    const line = await logLineOf('rid-legacy-bound-1');
    expect(line).toMatchObject({ level: WARN, address: '203.0.113.7', req: { id: 'rid-legacy-bound-1' } });
    expect(server.output()).not.toContain(captured.hash);
    expect(server.output()).not.toContain(SECRET);
  });

  it('logs an address outside LEGACY_ALLOWED_IPS at warn with the address and request id', async () => {
    const answer = await call('user_balance_get', { username: 'alice', hash: sha1Hex('alice', SECRET) }, '198.51.100.9', 'rid-legacy-address-1');
    expect(answer.body).toBe(legacyXml.statusError('API Requests are disabled'));
    const line = await logLineOf('rid-legacy-address-1');
    expect(line).toMatchObject({ level: WARN, address: '198.51.100.9', req: { id: 'rid-legacy-address-1' } });
  });
});
