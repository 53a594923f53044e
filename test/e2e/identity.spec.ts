import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { adminToken, TEST_JWT_SECRET, tokenFor } from '../support/tokens.js';

const get = (app: RunningApp, path: string, token?: string) =>
  fetch(app.url + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe.each(DATABASE_KINDS)('identity over HTTP on %s', (kind) => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp(kind);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('serves /health without a token', async () => {
    const res = await get(app, '/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('lets an admin run the ledger check and records the user from the claims', async () => {
    const res = await get(app, '/back-api/backoffice/ledger/check', tokenFor('ops-1', { roles: ['admin'], email: 'ops@example.com', username: 'ops' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, failures: [] });
    const db = app.app.get((await import('../../src/database/db.service.js')).Db);
    expect(await db.query('SELECT id, username, email, roles FROM users WHERE id = ?', ['ops-1'])).toEqual([
      { id: 'ops-1', username: 'ops', email: 'ops@example.com', roles: '["admin"]' },
    ]);
  });

  it('refuses missing, malformed, expired, unsigned and wrongly signed tokens with 401', async () => {
    const unsigned = jwt.sign({ sub: 'x', roles: ['admin'] }, '', { algorithm: 'none' });
    const tokens = [
      undefined,
      'not-a-jwt',
      tokenFor('x', { roles: ['admin'] }, { expiresIn: -10 }),
      unsigned,
      jwt.sign({ sub: 'x', roles: ['admin'] }, 'another-secret-another-secret-another', { algorithm: 'HS256' }),
      tokenFor('system:issuer', { roles: ['admin'] }),
    ];
    for (const token of tokens) {
      const res = await get(app, '/back-api/backoffice/ledger/check', token);
      expect({ token, status: res.status }).toEqual({ token, status: 401 });
    }
  });

  it('refuses a valid token without the admin role with 403', async () => {
    const res = await get(app, '/back-api/backoffice/ledger/check', tokenFor('plain-user'));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ statusCode: 403 });
  });
});

describe('identity with RS256, issuer and audience', () => {
  let app: RunningApp;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const sign = (claims: object, options: jwt.SignOptions = {}) =>
    jwt.sign({ sub: 'rs-admin', roles: ['admin'], ...claims }, privateKey, { algorithm: 'RS256', issuer: 'https://id.example', audience: 'ledger', expiresIn: '5m', ...options });

  beforeAll(async () => {
    app = await startApp('sqlite', { JWT_PUBLIC_KEY: pem, JWT_ISSUER: 'https://id.example', JWT_AUDIENCE: 'ledger' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('accepts an RS256 token from the configured issuer for the configured audience', async () => {
    expect((await get(app, '/back-api/backoffice/ledger/check', sign({}))).status).toBe(200);
  });

  it('refuses another issuer, another audience, and an HS256 token signed with the public key', async () => {
    const confused = jwt.sign({ sub: 'rs-admin', roles: ['admin'], iss: 'https://id.example', aud: 'ledger' }, TEST_JWT_SECRET, { algorithm: 'HS256' });
    for (const token of [sign({}, { issuer: 'https://evil.example' }), sign({}, { audience: 'other' }), confused, adminToken()]) {
      expect((await get(app, '/back-api/backoffice/ledger/check', token)).status).toBe(401);
    }
  });
});
