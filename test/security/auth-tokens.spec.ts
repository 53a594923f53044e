import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jwt from 'jsonwebtoken';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { startServerProcess } from '../support/server-process.js';
import { handshakeOutcome } from '../support/socket-client.js';
import { restStatus as restStatusOf } from '../support/http-client.js';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-databases.js';
import { TEST_JWT_SECRET, tokenFor } from '../support/tokens.js';

const ADMIN_ROUTE = '/back-api/backoffice/ledger/check';
const DAY = 86_400;
const nowSeconds = () => Math.floor(Date.now() / 1000);
const admin = { sub: 'lifetime-admin', username: 'lifetime-admin', roles: ['admin'] };

const restStatus = (app: RunningApp, token: string) => restStatusOf(app, ADMIN_ROUTE, token);

const handshake = (app: RunningApp, token: string) => handshakeOutcome(app, token);

/** HS256 with the test secret, exactly the claims given (no `exp` or `iat` unless listed). */
const signed = (claims: Record<string, unknown>) => jwt.sign({ ...admin, ...claims }, TEST_JWT_SECRET, { algorithm: 'HS256', noTimestamp: !('iat' in claims) });

/** HS256 signed by hand: jsonwebtoken will not sign a non-numeric `exp`. */
const handSigned = (payload: Record<string, unknown>) => {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}`;
  return `${unsigned}.${createHmac('sha256', TEST_JWT_SECRET).update(unsigned).digest('base64url')}`;
};

describe.each(DATABASE_KINDS)('JWT lifetime (M1) on %s', (kind) => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp(kind, { AUTH_FAIL_LIMIT: '1000' });
  });
  afterAll(async () => {
    await app?.close();
  });

  const refusedTokens = () => ({
    'no exp': signed({}),
    'no exp, with iat': signed({ iat: nowSeconds() }),
    'valid for 100 years': signed({ iat: nowSeconds(), exp: nowSeconds() + 100 * 365 * DAY }),
    'no iat, exp in 2 days': signed({ exp: nowSeconds() + 2 * DAY }),
    'issued 2 days ago, expiring in an hour': signed({ iat: nowSeconds() - 2 * DAY, exp: nowSeconds() + 3600 }),
    'a far exp behind a matching far iat': signed({ iat: nowSeconds() + 99 * 365 * DAY, exp: nowSeconds() + 100 * 365 * DAY }),
    'exp not a number': handSigned({ ...admin, iat: nowSeconds(), exp: String(nowSeconds() + 3600) }),
  });

  it('refuses, over REST, a token without exp or living longer than JWT_MAX_AGE_S (default one day)', async () => {
    for (const [label, token] of Object.entries(refusedTokens())) {
      expect({ label, status: await restStatus(app, token) }).toEqual({ label, status: 401 });
    }
  });

  it('refuses the same tokens at the socket handshake', async () => {
    for (const [label, token] of Object.entries(refusedTokens())) {
      expect({ label, outcome: await handshake(app, token) }).toEqual({ label, outcome: 'unauthorized' });
    }
  });

  it('accepts a token that lives at most a day, with or without iat, on both surfaces', async () => {
    const accepted = {
      'one hour': tokenFor('lifetime-admin', { roles: ['admin'] }),
      'exactly a day': signed({ iat: nowSeconds(), exp: nowSeconds() + DAY }),
      'no iat, exp in an hour': signed({ exp: nowSeconds() + 3600 }),
    };
    for (const [label, token] of Object.entries(accepted)) {
      expect({ label, status: await restStatus(app, token), socket: await handshake(app, token) }).toEqual({ label, status: 200, socket: 'connected' });
    }
  });
});

describe('JWT lifetime with JWT_MAX_AGE_S=600', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp('sqlite', { JWT_MAX_AGE_S: '600' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses an hour-long token and accepts a ten-minute one, on REST and at the handshake', async () => {
    const hour = tokenFor('lifetime-admin', { roles: ['admin'] }, { expiresIn: '1h' });
    const tenMinutes = tokenFor('lifetime-admin', { roles: ['admin'] }, { expiresIn: 600 });
    expect([await restStatus(app, hour), await handshake(app, hour)]).toEqual([401, 'unauthorized']);
    expect([await restStatus(app, tenMinutes), await handshake(app, tenMinutes)]).toEqual([200, 'connected']);
  });
});

describe('issuer and audience (M2)', () => {
  const ISSUER = 'https://id.example/realms/platform';
  const AUDIENCE = 'ledger';
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp('sqlite', { JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses a token for another audience or from another issuer, or naming neither, on REST and at the handshake', async () => {
    const tokens = {
      'another audience': tokenFor('aud-admin', { roles: ['admin'] }, { issuer: ISSUER, audience: 'billing' }),
      'another issuer': tokenFor('aud-admin', { roles: ['admin'] }, { issuer: 'https://id.example/realms/other', audience: AUDIENCE }),
      'no audience': tokenFor('aud-admin', { roles: ['admin'] }, { issuer: ISSUER }),
      'no issuer': tokenFor('aud-admin', { roles: ['admin'] }, { audience: AUDIENCE }),
    };
    for (const [label, token] of Object.entries(tokens)) {
      expect({ label, status: await restStatus(app, token), socket: await handshake(app, token) }).toEqual({ label, status: 401, socket: 'unauthorized' });
    }
    const good = tokenFor('aud-admin', { roles: ['admin'] }, { issuer: ISSUER, audience: AUDIENCE });
    expect({ status: await restStatus(app, good), socket: await handshake(app, good) }).toEqual({ status: 200, socket: 'connected' });
  });

  it('will not start in production without JWT_ISSUER and JWT_AUDIENCE', async () => {
    const database = await createTestDatabase('sqlite');
    try {
      const strong = 'Vq8m2PzX4kL9tR7wN3cJ6hB1yF5dG0sA-e_uK';
      const started = startServerProcess({ DATABASE_URL: database.url, NODE_ENV: 'production', JWT_SECRET: strong, LEGACY_API_ENABLED: 'false' });
      await expect(started).rejects.toThrow(/JWT_ISSUER and JWT_AUDIENCE are required with NODE_ENV=production/);
    } finally {
      await database.drop();
    }
  });
});

describe('npm run token', () => {
  const MINT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'cli', 'mint-token.js');
  const mint = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [MINT, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH, JWT_SECRET: TEST_JWT_SECRET, ...env } });
  const ISSUER = 'https://id.example/realms/platform';
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp('sqlite', { JWT_ISSUER: ISSUER, JWT_AUDIENCE: 'ledger' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('mints a token the service accepts: exp within JWT_MAX_AGE_S, the configured issuer and audience', async () => {
    const run = mint(['--sub', 'minted-admin', '--roles', 'admin', '--expires', '1d'], { JWT_ISSUER: ISSUER, JWT_AUDIENCE: 'ledger' });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    const token = run.stdout.trim();
    expect(jwt.decode(token)).toMatchObject({ sub: 'minted-admin', iss: ISSUER, aud: 'ledger' });
    expect({ status: await restStatus(app, token), socket: await handshake(app, token) }).toEqual({ status: 200, socket: 'connected' });
  });

  it('refuses to mint a token longer-lived than JWT_MAX_AGE_S, naming the limit', () => {
    const week = mint(['--sub', 'u-1', '--expires', '7d']);
    expect({ status: week.status, stdout: week.stdout }).toEqual({ status: 2, stdout: '' });
    expect(week.stderr).toMatch(/--expires 7d is longer than JWT_MAX_AGE_S \(86400 s\)/);
    expect(mint(['--sub', 'u-1', '--expires', '2h'], { JWT_MAX_AGE_S: '3600' }).status).toBe(2);
    expect(mint(['--sub', 'u-1', '--expires', 'soon']).stderr).toMatch(/--expires must be a span/);
  });
});
