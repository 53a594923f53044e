import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { startIntrospectionServer, type IntrospectionServer } from '../support/introspection-server.js';
import { startServerProcess } from '../support/server-process.js';
import { connect, userInfoOf } from '../support/socket-client.js';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-databases.js';

const ADMIN_ROUTE = '/back-api/backoffice/ledger/check';
const sessionId = (label: string) => `${label}-${randomBytes(9).toString('hex')}`;
const statusOf = async (app: RunningApp, token: string) => (await fetch(app.url + ADMIN_ROUTE, { headers: { authorization: `Bearer ${token}` } })).status;

describe.each(DATABASE_KINDS)('what an introspection answer is trusted with (L5) on %s', (kind) => {
  let idp: IntrospectionServer;
  let app: RunningApp;
  const session = (label: string, answer: Record<string, unknown>) => {
    const token = sessionId(label);
    idp.sessions.set(token, { answer });
    return token;
  };
  beforeAll(async () => {
    idp = await startIntrospectionServer();
    app = await startApp(kind, idp.env());
  });
  afterAll(async () => {
    await app?.close();
    await idp?.close();
  });

  it('never makes an OAuth scope a role, over REST', async () => {
    for (const scope of ['openid admin', 'admin', 'openid network-admin admin profile']) {
      expect({ scope, status: await statusOf(app, session('scope', { active: true, sub: 'scoped-user', scope })) }).toEqual({ scope, status: 403 });
    }
  });

  it('never makes an OAuth scope a role at the socket handshake', async () => {
    const socket = await connect(app, session('scope-socket', { active: true, sub: 'scoped-socket', username: 'scoped', scope: 'openid admin' }));
    try {
      expect(userInfoOf.get(socket)).toMatchObject({ data: { id: 'scoped-socket', roles: [], user: { roles: [] } } });
    } finally {
      socket.close();
    }
  });

  it("still reads the answer's roles and Keycloak's realm roles", async () => {
    expect(await statusOf(app, session('roles', { active: true, sub: 'roles-admin', scope: 'openid', roles: ['admin'] }))).toBe(200);
    expect(await statusOf(app, session('realm', { active: true, sub: 'realm-admin', scope: 'openid admin', realm_access: { roles: ['admin'] } }))).toBe(200);
    expect(await statusOf(app, session('realm-plain', { active: true, sub: 'realm-user', scope: 'openid admin', realm_access: { roles: ['offline_access'] } }))).toBe(403);
  });
});

describe('introspection over plain HTTP in production (L5)', () => {
  it('is refused at start, naming the variable', async () => {
    const database = await createTestDatabase('sqlite');
    try {
      const started = startServerProcess({
        DATABASE_URL: database.url,
        NODE_ENV: 'production',
        JWT_SECRET: 'Vq8m2PzX4kL9tR7wN3cJ6hB1yF5dG0sA-e_uK',
        JWT_ISSUER: 'https://id.example/realms/platform',
        JWT_AUDIENCE: 'ledger',
        LEGACY_API_ENABLED: 'false',
        AUTH_INTROSPECTION_URL: 'http://id.example/realms/platform/protocol/openid-connect/token/introspect',
        AUTH_INTROSPECTION_CLIENT_ID: 'ledger',
        AUTH_INTROSPECTION_CLIENT_SECRET: 'a-client-secret',
      });
      await expect(started).rejects.toThrow(/AUTH_INTROSPECTION_URL must be https:\/\/ with NODE_ENV=production/);
    } finally {
      await database.drop();
    }
  });
});
