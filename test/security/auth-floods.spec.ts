import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { startIntrospectionServer, type IntrospectionServer } from '../support/introspection-server.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { adminToken, tokenFor } from '../support/tokens.js';

const ADMIN_ROUTE = '/back-api/backoffice/ledger/check';
const sessionId = (label: string) => `${label}-${randomBytes(9).toString('hex')}`;
const activeAdmin = (sub: string) => ({ answer: { active: true, sub, roles: ['admin'] } });

/** A request from `client`, as the trusted proxy in front of the service (127.0.0.1) reports it. */
const request = async (app: RunningApp, client: string, token: string | null, path = ADMIN_ROUTE) => {
  const headers: Record<string, string> = { 'x-forwarded-for': client };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const res = await fetch(app.url + path, { headers });
  return { status: res.status, body: (await res.json()) as unknown };
};
const statusOf = async (app: RunningApp, client: string, token: string | null, path?: string) => (await request(app, client, token, path)).status;

const badJwts = () => [
  jwt.sign({ sub: 'mallory', roles: ['admin'] }, 'a-guessed-secret-a-guessed-secret-0', { algorithm: 'HS256', expiresIn: '1h' }),
  tokenFor('mallory', { roles: ['admin'] }, { expiresIn: -30 }),
  'not.a.jwt',
];

describe.each(DATABASE_KINDS)('failed authentications per address before authentication (M6) on %s', (kind) => {
  let idp: IntrospectionServer;
  let app: RunningApp;
  beforeAll(async () => {
    idp = await startIntrospectionServer();
    app = await startApp(kind, idp.env({ AUTH_FAIL_LIMIT: '3', TRUST_PROXY: '127.0.0.1' }));
  });
  afterAll(async () => {
    await app?.close();
    await idp?.close();
  });

  it('answers 401 to AUTH_FAIL_LIMIT bad tokens, then 429 to that address even with a valid token', async () => {
    const client = '203.0.113.1';
    for (const token of badJwts()) expect(await statusOf(app, client, token)).toBe(401);
    expect(await request(app, client, adminToken())).toEqual({ status: 429, body: { statusCode: 429, message: 'Too many failed authentications' } });
    // Another address is not affected.
    expect(await statusOf(app, '203.0.113.99', adminToken())).toBe(200);
  });

  it('once an address is blocked, its session tokens are not introspected at all', async () => {
    const client = '203.0.113.2';
    for (let i = 0; i < 3; i++) expect(await statusOf(app, client, sessionId('inactive'))).toBe(401);
    const active = sessionId('active');
    idp.sessions.set(active, activeAdmin('blocked-admin'));
    expect(await statusOf(app, client, active)).toBe(429);
    expect(idp.count(active)).toBe(0);
    // From an address that is not blocked, the same session is introspected and admitted.
    expect(await statusOf(app, '203.0.113.98', active)).toBe(200);
    expect(idp.count(active)).toBe(1);
  });

  it('counts IPv6 clients per /64', async () => {
    for (const token of badJwts()) expect(await statusOf(app, '2001:db8:1:2::1', token)).toBe(401);
    expect(await statusOf(app, '2001:db8:1:2:ffff:ffff:ffff:fffe', adminToken())).toBe(429);
    expect(await statusOf(app, '2001:db8:1:3::1', adminToken())).toBe(200);
  });

  it('leaves public routes open to a blocked address', async () => {
    const client = '203.0.113.3';
    for (const token of badJwts()) await statusOf(app, client, token);
    expect(await statusOf(app, client, adminToken())).toBe(429);
    expect(await statusOf(app, client, null, '/health')).toBe(200);
  });

  it('does not count a failing or unreachable identity provider, a malformed answer, or a missing credential', async () => {
    const client = '203.0.113.4';
    for (const behaviour of [{ status: 500 }, { status: 503 }, { hangUp: true } as const, { raw: 'not json' }, { answer: { active: true } }]) {
      const token = sessionId('failing');
      idp.sessions.set(token, behaviour);
      expect(await statusOf(app, client, token)).toBe(401);
    }
    for (let i = 0; i < 4; i++) expect(await statusOf(app, client, null)).toBe(401);
    expect(await statusOf(app, client, adminToken())).toBe(200);
  });
});

describe.each(DATABASE_KINDS)('inactive introspection answers are remembered (M6) on %s', (kind) => {
  let idp: IntrospectionServer;
  let app: RunningApp;
  beforeAll(async () => {
    idp = await startIntrospectionServer();
    app = await startApp(kind, idp.env({ AUTH_FAIL_LIMIT: '1000000' }));
  });
  afterAll(async () => {
    await app?.close();
    await idp?.close();
  });

  it('asks the identity provider once for 200 repeats of one junk token', async () => {
    const junk = sessionId('junk');
    for (let i = 0; i < 200; i++) expect(await statusOf(app, '127.0.0.1', junk)).toBe(401);
    expect(idp.count(junk)).toBe(1);
  });

  it('does not remember a failure or a malformed answer: a retry asks again', async () => {
    for (const behaviour of [{ status: 500 }, { raw: '[]' }]) {
      const token = sessionId('retry');
      idp.sessions.set(token, behaviour);
      for (let i = 0; i < 3; i++) expect(await statusOf(app, '127.0.0.1', token)).toBe(401);
      expect(idp.count(token)).toBe(3);
    }
  });
});
