import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { startIntrospectionServer, type IntrospectionServer } from '../support/introspection-server.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.js';
import { tokenFor } from '../support/tokens.js';

const ADMIN_ROUTE = '/back-api/backoffice/ledger/check';

interface LogLine {
  level: number;
  msg?: string;
  req?: { id?: string };
  [field: string]: unknown;
}

/** Refused credentials and refused roles on REST are logged at warn with the address and request id (L4); the credential never is. */
describe('logs of refused authentications and roles (L4)', () => {
  let database: TestDatabase;
  let idp: IntrospectionServer;
  let server: ServerProcess;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    idp = await startIntrospectionServer();
    server = await startServerProcess({ DATABASE_URL: database.url, LOG_LEVEL: 'warn', TRUST_PROXY: '127.0.0.1', ...idp.env() });
  });
  afterAll(async () => {
    await server?.kill();
    await idp?.close();
    await database?.drop();
  });

  const send = (requestId: string, token: string, client = '198.51.100.23') =>
    fetch(server.url + ADMIN_ROUTE, { headers: { authorization: `Bearer ${token}`, 'x-request-id': requestId, 'x-forwarded-for': client } });

  /** The warn line that carries this request id. */
  const warnLineOf = async (requestId: string): Promise<LogLine> => {
    for (let i = 0; i < 50; i++) {
      const line = server
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as LogLine)
        .find((l) => l.req?.id === requestId && l.level === 40);
      if (line) return line;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no warn line for ${requestId}:\n${server.output()}`);
  };

  it('logs a refused JWT at warn with the client address, the request id and why, never the token', async () => {
    const forged = jwt.sign({ sub: 'mallory', roles: ['admin'] }, 'a-guessed-secret-a-guessed-secret-0', { algorithm: 'HS256', expiresIn: '1h' });
    const expired = tokenFor('mallory', { roles: ['admin'] }, { expiresIn: -30 });
    expect((await send('rid-auth-forged', forged)).status).toBe(401);
    expect((await send('rid-auth-expired', expired)).status).toBe(401);
    expect(await warnLineOf('rid-auth-forged')).toMatchObject({ msg: 'Authentication failed', address: '198.51.100.23', reason: 'invalid signature' });
    expect(await warnLineOf('rid-auth-expired')).toMatchObject({ msg: 'Authentication failed', address: '198.51.100.23', reason: 'jwt expired' });
    expect(server.output()).not.toContain(forged.split('.')[2]);
    expect(server.output()).not.toContain(expired.split('.')[2]);
  });

  it('logs a refused session token without the token', async () => {
    const session = `inactive-${randomBytes(12).toString('hex')}`;
    expect((await send('rid-auth-session', session)).status).toBe(401);
    expect(await warnLineOf('rid-auth-session')).toMatchObject({ msg: 'Authentication failed', address: '198.51.100.23', reason: 'session inactive' });
    expect(server.output()).not.toContain(session);
  });

  it('logs a refused role at warn with the address, the request id, the user and the role required', async () => {
    expect((await send('rid-role-refused', tokenFor('plain-user'), '198.51.100.24')).status).toBe(403);
    expect(await warnLineOf('rid-role-refused')).toMatchObject({ msg: 'Role refused', address: '198.51.100.24', userId: 'plain-user', required: ['admin'] });
  });
});
