import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { Db } from '../../src/database/db.service.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { freePort } from '../support/free-port.js';
import { connectPlatform, platformCall } from '../support/platform-client.js';
import { startIntrospectionServer, type IntrospectionServer, type SessionBehaviour } from '../support/introspection-server.js';
import { connect, sleep, userInfoOf } from '../support/socket-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { adminToken, tokenFor } from '../support/tokens.js';

const ADMIN_ROUTE = '/back-api/backoffice/ledger/check';
const CACHE_S = 4;
const TIMEOUT_MS = 500;

/** An opaque session id (not three dot-separated segments), with characters that need form-encoding. */
const sessionId = (label: string) => `${label}-${randomBytes(9).toString('hex')}+/=`;
const inSeconds = (s: number) => Math.floor(Date.now() / 1000) + s;
const activeAdmin = (sub: string, extra: Record<string, unknown> = {}) => ({ answer: { active: true, sub, username: sub, roles: ['admin'], ...extra } });

const statusOf = async (app: RunningApp, token: string | null) =>
  (await fetch(app.url + ADMIN_ROUTE, { headers: token ? { authorization: `Bearer ${token}` } : {} })).status;

/** The connect_error message of a refused handshake, or "connected". */
const handshake = (app: RunningApp, token: string, how: 'auth' | 'query' = 'auth') =>
  connect(app, token, how).then(
    (socket) => {
      socket.close();
      return 'connected';
    },
    (error: Error) => error.message,
  );

describe.each(DATABASE_KINDS)('opaque session tokens by introspection on %s', (kind) => {
  let idp: IntrospectionServer;
  let app: RunningApp;
  const session = (label: string, behaviour: SessionBehaviour) => {
    const token = sessionId(label);
    idp.sessions.set(token, behaviour);
    return token;
  };

  beforeAll(async () => {
    idp = await startIntrospectionServer();
    app = await startApp(kind, idp.env({ AUTH_INTROSPECTION_CACHE_S: String(CACHE_S), AUTH_INTROSPECTION_TIMEOUT_MS: String(TIMEOUT_MS) }));
  });
  afterAll(async () => {
    await app?.close();
    await idp?.close();
  });

  it('admits an active admin session over REST, asking with the client credentials, and records the user from the answer', async () => {
    const token = session('admin', activeAdmin('6d1f7c2e-0b7a-4f1e-9a51-3c2d8e4b5a10', { username: 'ops', email: 'ops@example.com', currency: 'EUR' }));
    expect(await statusOf(app, token)).toBe(200);
    expect(idp.count(token)).toBe(1);
    expect(idp.badRequests).toEqual([]);
    const rows = await app.app.get(Db).query('SELECT username, email, roles, currency FROM users WHERE id = ?', ['6d1f7c2e-0b7a-4f1e-9a51-3c2d8e4b5a10']);
    expect(rows).toEqual([{ username: 'ops', email: 'ops@example.com', roles: '["admin"]', currency: 'eur' }]);
  });

  it('never reads a role from an OAuth scope (a client may request any scope)', async () => {
    expect(await statusOf(app, session('scope', { answer: { active: true, sub: 'scope-admin', scope: 'openid admin profile' } }))).toBe(403);
    expect(await statusOf(app, session('scope-plain', { answer: { active: true, sub: 'scope-user', scope: 'openid profile' } }))).toBe(403);
  });

  it("reads Keycloak's realm roles when the answer has no roles claim, ahead of its scope", async () => {
    const keycloak = { active: true, sub: 'kc-admin', preferred_username: 'kc', scope: 'openid email profile', realm_access: { roles: ['offline_access', 'admin'] } };
    expect(await statusOf(app, session('realm', { answer: keycloak }))).toBe(200);
  });

  it('refuses an active session without the route role with 403', async () => {
    expect(await statusOf(app, session('plain', { answer: { active: true, sub: 'plain-user', roles: [] } }))).toBe(403);
  });

  it('refuses an inactive or unknown session with 401', async () => {
    expect(await statusOf(app, session('inactive', { answer: { active: false } }))).toBe(401);
    const unknown = sessionId('unknown');
    expect(await statusOf(app, unknown)).toBe(401);
    expect(idp.count(unknown)).toBe(1);
  });

  it('refuses, and never admits on retry, when the endpoint fails, hangs up, is slow or answers something malformed', async () => {
    const sub = 'would-be-admin';
    const failing: Record<string, SessionBehaviour> = {
      'HTTP 500': { status: 500 },
      'HTTP 401 (endpoint refuses us)': { status: 401 },
      'connection dropped': { hangUp: true },
      'slower than the timeout': { ...activeAdmin(sub), delayMs: TIMEOUT_MS * 3 },
      'not JSON': { raw: '{"active": true, "sub": ' },
      'a JSON array': { raw: '[{"active":true}]' },
      'active as a string': { answer: { active: 'true', sub, roles: ['admin'] } },
      'active missing': { answer: { sub, roles: ['admin'] } },
      'no sub': { answer: { active: true, roles: ['admin'] } },
      'a reserved sub': { answer: { active: true, sub: 'system:issuer', roles: ['admin'] } },
      'roles not an array': { answer: { active: true, sub, roles: 'admin' } },
      'exp not a number': { answer: { active: true, sub, roles: ['admin'], exp: 'tomorrow' } },
      'active but already expired': activeAdmin(sub, { exp: inSeconds(-60) }),
      'active but not yet valid': activeAdmin(sub, { nbf: inSeconds(600) }),
    };
    for (const [label, behaviour] of Object.entries(failing)) {
      const token = session(label.replace(/\W+/g, '_'), behaviour);
      expect({ label, first: await statusOf(app, token), retry: await statusOf(app, token) }).toEqual({ label, first: 401, retry: 401 });
      // Refusals are not cached: the retry asked again.
      expect({ label, asked: idp.count(token) }).toEqual({ label, asked: 2 });
    }
  });

  it('reuses an answer within AUTH_INTROSPECTION_CACHE_S and asks again after it', async () => {
    const token = session('cached', activeAdmin('cached-admin'));
    expect(await statusOf(app, token)).toBe(200);
    expect(await statusOf(app, token)).toBe(200);
    expect(idp.count(token)).toBe(1);
    await sleep(CACHE_S * 1000 + 300);
    expect(await statusOf(app, token)).toBe(200);
    expect(idp.count(token)).toBe(2);
  });

  it("never reuses an answer past its exp, even within the cache window", async () => {
    // exp 2–3 s ahead: well inside the 4 s cache window, so only the exp bound can make it ask again.
    const exp = Math.ceil((Date.now() + 2000) / 1000);
    // The endpoint keeps calling the session active with the same exp: only the service's own check refuses it.
    const token = session('expiring', activeAdmin('expiring-admin', { exp }));
    expect(await statusOf(app, token)).toBe(200);
    expect(idp.count(token)).toBe(1);
    await sleep(Math.max(0, exp * 1000 - Date.now()) + 250);
    expect(await statusOf(app, token)).toBe(401);
    expect(idp.count(token)).toBe(2);
  });

  it('keeps JWTs on local verification: good ones admitted, bad ones refused, none sent to the endpoint', async () => {
    const before = idp.asked.length;
    expect(await statusOf(app, adminToken())).toBe(200);
    expect(await statusOf(app, tokenFor('plain-jwt-user'))).toBe(403);
    const badJwts = [
      tokenFor('x', { roles: ['admin'] }, { expiresIn: -10 }),
      jwt.sign({ sub: 'x', roles: ['admin'] }, 'another-secret-another-secret-another', { algorithm: 'HS256' }),
      jwt.sign({ sub: 'x', roles: ['admin'] }, '', { algorithm: 'none' }),
      'not.a.token',
    ];
    for (const token of badJwts) expect({ token, status: await statusOf(app, token) }).toEqual({ token, status: 401 });
    expect(await handshake(app, adminToken())).toBe('connected');
    expect(await handshake(app, badJwts[1])).toBe('unauthorized');
    expect(idp.asked.length).toBe(before);
  });

  it('admits an active session at the socket handshake, from auth.token and from the token query parameter', async () => {
    for (const how of ['auth', 'query'] as const) {
      const token = session(`socket-${how}`, { answer: { active: true, sub: `socket-${how}`, username: 'sockets', roles: ['admin'], network: 'net-7' } });
      const socket = await connect(app, token, how);
      try {
        expect(userInfoOf.get(socket)).toMatchObject({ data: { id: `socket-${how}`, username: 'sockets', roles: ['admin'] } });
      } finally {
        socket.close();
      }
      expect(idp.count(token)).toBe(1);
    }
  });

  it("admits the platform SDK's opaque sessionId (socket.io-client 2.5.0), with the answer's network", async () => {
    const token = session('platform', { answer: { active: true, sub: 'platform-user', username: 'walker', network: 'net-7' } });
    const { socket, userId, networkId } = await connectPlatform(app.url, app.config.socketPath, token);
    try {
      expect({ userId, networkId }).toEqual({ userId: 'platform-user', networkId: 'net-7' });
      expect((await platformCall(socket, 'balance:getTransactions')).error.code).toBe(0);
    } finally {
      socket.close();
    }
    await expect(connectPlatform(app.url, app.config.socketPath, session('platform-off', { answer: { active: false } }))).rejects.toThrow('unauthorized');
  });

  it('refuses an inactive session, a failing endpoint and a malformed answer at the handshake with unauthorized', async () => {
    const refused = [
      session('socket-inactive', { answer: { active: false } }),
      session('socket-500', { status: 500 }),
      session('socket-malformed', { answer: { active: true } }),
      session('socket-slow', { ...activeAdmin('socket-slow'), delayMs: TIMEOUT_MS * 3 }),
    ];
    for (const token of refused) {
      expect({ token, outcome: await handshake(app, token) }).toEqual({ token, outcome: 'unauthorized' });
      expect(idp.count(token)).toBe(1);
    }
  });
});

describe.each(DATABASE_KINDS)('opaque session tokens with an unreachable introspection endpoint on %s', (kind) => {
  let app: RunningApp;
  beforeAll(async () => {
    const closedPort = await freePort();
    app = await startApp(kind, {
      AUTH_INTROSPECTION_URL: `http://127.0.0.1:${closedPort}/introspect`,
      AUTH_INTROSPECTION_CLIENT_ID: 'ledger-service',
      AUTH_INTROSPECTION_CLIENT_SECRET: 'secret',
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses opaque tokens over REST and at the handshake, and still admits JWTs', async () => {
    expect(await statusOf(app, sessionId('nowhere'))).toBe(401);
    expect(await handshake(app, sessionId('nowhere'), 'query')).toBe('unauthorized');
    expect(await statusOf(app, adminToken())).toBe(200);
  });
});

describe.each(DATABASE_KINDS)('opaque session tokens without introspection configured on %s', (kind) => {
  let idp: IntrospectionServer;
  let app: RunningApp;
  beforeAll(async () => {
    idp = await startIntrospectionServer();
    app = await startApp(kind);
  });
  afterAll(async () => {
    await app?.close();
    await idp?.close();
  });

  it('refuses a session the endpoint would admit, over REST and at the handshake, with no outbound call', async () => {
    const token = sessionId('unconfigured');
    idp.sessions.set(token, activeAdmin('unconfigured-admin'));
    expect(await statusOf(app, token)).toBe(401);
    expect(await handshake(app, token)).toBe('unauthorized');
    expect(idp.asked).toEqual([]);
  });
});
