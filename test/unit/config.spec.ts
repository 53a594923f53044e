import { describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';

const secret = 'a-real-production-secret-of-enough-length-0123456789';
/** What production needs besides secrets: the identity provider's issuer and this service's audience. */
const PRODUCTION = { NODE_ENV: 'production', JWT_ISSUER: 'https://id.example/realms/platform', JWT_AUDIENCE: 'ledger' };
const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('configuration', () => {
  it('defaults to an embedded SQLite file and the contract defaults', () => {
    const config = loadConfig({ JWT_SECRET: secret });
    expect(config.database).toEqual({ type: 'sqlite', path: './data/ledger.sqlite', busyTimeoutMs: 5000 });
    expect(config).toMatchObject({ port: 3000, tokenAsset: 'rents', rootAsset: 'usd', defaultCurrency: 'usd', socketPath: '/socket.io', networkId: 'default', enableTestClock: false, publicUrl: null });
    expect(config.legacy).toEqual({ enabled: true, secret: null, allowGet: false, balanceGetEnabled: true, numberDigits: 2, hashFailLimit: 10, hashFailWindowSeconds: 60, requireRequestId: false, allowedIps: null });
    expect(config.jwt).toMatchObject({ issuer: null, audience: null, jwksUrl: null, maxAgeSeconds: 86_400 });
    expect(config.limits).toEqual({ maxAmount: 10n ** 15n, authFailLimit: 30, socketsPerUser: 20, socketsPerAddress: 200, socketQueryTokens: true, socketHandshakeMs: 10_000, storedRefusalsPerDay: 10_000 });
  });

  it("reads PostgreSQL and sqlite: URLs, and SQLite's busy timeout (5 s by default)", () => {
    expect(loadConfig({ JWT_SECRET: secret, DATABASE_URL: 'postgres://u:p@h/db' }).database).toMatchObject({ type: 'postgres', url: 'postgres://u:p@h/db' });
    expect(loadConfig({ JWT_SECRET: secret, DATABASE_URL: 'sqlite:/tmp/x.sqlite' }).database).toEqual({ type: 'sqlite', path: '/tmp/x.sqlite', busyTimeoutMs: 5000 });
    expect(loadConfig({ JWT_SECRET: secret, DATABASE_URL: 'sqlite:/tmp/x.sqlite', SQLITE_BUSY_TIMEOUT_MS: '1000' }).database).toEqual({ type: 'sqlite', path: '/tmp/x.sqlite', busyTimeoutMs: 1000 });
    expect(problemsOf({ JWT_SECRET: secret, SQLITE_BUSY_TIMEOUT_MS: '50' })).toEqual(['SQLITE_BUSY_TIMEOUT_MS must be a whole number from 100 to 600000 (got "50")']);
  });

  it('names every bad variable at once', () => {
    const problems = problemsOf({ JWT_SECRET: secret, PORT: 'abc', DATABASE_URL: 'mysql://x', LEGACY_ALLOW_GET: 'maybe', TOKEN_ASSET: 'R$', SOCKET_PATH: 'io' });
    expect(problems.join('\n')).toMatch(/PORT/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL/);
    expect(problems.join('\n')).toMatch(/LEGACY_ALLOW_GET/);
    expect(problems.join('\n')).toMatch(/TOKEN_ASSET/);
    expect(problems.join('\n')).toMatch(/SOCKET_PATH/);
    expect(problems).toHaveLength(5);
  });

  it('refuses to start in production without real secrets, issuer and audience, or with the test clock', () => {
    expect(problemsOf({ ...PRODUCTION }).join()).toMatch(/JWT_SECRET .*required/);
    expect(problemsOf({ ...PRODUCTION, JWT_SECRET: 'short' }).join()).toMatch(/JWT_SECRET must be a random secret of at least 32 characters/);
    expect(problemsOf({ ...PRODUCTION, JWT_SECRET: secret, ENABLE_TEST_CLOCK: 'true' }).join()).toMatch(/ENABLE_TEST_CLOCK/);
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: secret })).toEqual(['JWT_ISSUER and JWT_AUDIENCE are required with NODE_ENV=production']);
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: secret, JWT_ISSUER: 'https://id.example' })).toEqual(['JWT_ISSUER and JWT_AUDIENCE are required with NODE_ENV=production']);
    expect(problemsOf({ ...PRODUCTION, JWT_SECRET: secret })).toEqual([]);
  });

  it('refuses low-entropy secrets in production, however long, and accepts them in development', () => {
    for (const weak of ['a'.repeat(40), 'password'.repeat(5), '1234567890'.repeat(4), 'abababababababababababababababababababab']) {
      expect({ weak, problems: problemsOf({ ...PRODUCTION, JWT_SECRET: weak }) }).toEqual({
        weak,
        problems: ['JWT_SECRET must be a random secret of at least 32 characters with NODE_ENV=production'],
      });
      expect(problemsOf({ JWT_SECRET: weak })).toEqual([]);
    }
    expect(problemsOf({ ...PRODUCTION, JWT_SECRET: secret, LEGACY_API_SECRET: 'secret'.repeat(4) }).join()).toMatch(/LEGACY_API_SECRET must be a random secret/);
    expect(problemsOf({ ...PRODUCTION, JWT_SECRET: secret, LEGACY_API_SECRET: 'k3Jx9-Qm2vL8_pR4tW7z' })).toEqual([]);
  });

  it('takes NODE_ENV only as production, development, dev, test or empty, so "prod" never runs with a development secret', () => {
    for (const name of ['', 'development', 'dev', 'test', 'Development', ' test ']) {
      expect({ name, production: loadConfig({ NODE_ENV: name, JWT_SECRET: secret }).production }).toEqual({ name, production: false });
    }
    expect(loadConfig({ ...PRODUCTION, JWT_SECRET: secret }).production).toBe(true);
    for (const name of ['prod', 'Production', 'staging', 'live', 'qa']) {
      expect({ name, problems: problemsOf({ NODE_ENV: name, JWT_SECRET: secret }).join('\n') }).toEqual({
        name,
        problems: expect.stringContaining(`NODE_ENV must be production, development or test (got "${name}")`),
      });
    }
    // A production-like name is judged as production too, so its other problems are named at once.
    expect(problemsOf({ NODE_ENV: 'prod' }).join('\n')).toMatch(/JWT_SECRET \(or JWT_PUBLIC_KEY or JWT_JWKS_URL\) is required/);
  });

  it('reads JWT_MAX_AGE_S and JWT_JWKS_URL: https in production, an alternative to JWT_PUBLIC_KEY', () => {
    expect(loadConfig({ JWT_SECRET: secret, JWT_MAX_AGE_S: '3600' }).jwt.maxAgeSeconds).toBe(3600);
    expect(problemsOf({ JWT_SECRET: secret, JWT_MAX_AGE_S: '0' }).join()).toMatch(/JWT_MAX_AGE_S must be a whole number from 1/);
    const jwks = loadConfig({ JWT_JWKS_URL: 'http://127.0.0.1:8080/certs' }).jwt;
    expect(jwks).toMatchObject({ jwksUrl: 'http://127.0.0.1:8080/certs', secret: null, publicKey: null });
    expect(problemsOf({ ...PRODUCTION, JWT_JWKS_URL: 'http://id.example/certs' })).toEqual(['JWT_JWKS_URL must be https:// with NODE_ENV=production']);
    expect(problemsOf({ ...PRODUCTION, JWT_JWKS_URL: 'https://id.example/certs' })).toEqual([]);
    expect(problemsOf({ JWT_JWKS_URL: 'ftp://id.example/certs' })).toEqual(['JWT_JWKS_URL must be an http:// or https:// URL']);
    const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString().replace(/\n/g, '\\n');
    expect(problemsOf({ JWT_JWKS_URL: 'https://id.example/certs', JWT_PUBLIC_KEY: pem })).toEqual(['JWT_JWKS_URL and JWT_PUBLIC_KEY are alternatives: set one']);
    expect(problemsOf({ JWT_PUBLIC_KEY: pem })).toEqual([]);
  });

  it('refuses a JWT_PUBLIC_KEY that has the PEM markers but no key node can read', () => {
    const garbled = '-----BEGIN PUBLIC KEY-----\\nMIIB\\n-----END PUBLIC KEY-----';
    expect(problemsOf({ JWT_PUBLIC_KEY: garbled })).toEqual(['JWT_PUBLIC_KEY must be a PEM public key ("-----BEGIN PUBLIC KEY-----…")']);
  });

  it('reads MAX_AMOUNT as whole units, refusing exponents, fractions and zero', () => {
    expect(loadConfig({ JWT_SECRET: secret, MAX_AMOUNT: '1000000' }).limits.maxAmount).toBe(1_000_000n);
    expect(loadConfig({ JWT_SECRET: secret, MAX_AMOUNT: '1' + '0'.repeat(29) }).limits.maxAmount).toBe(10n ** 29n);
    for (const bad of ['1e15', '0', '-5', '1.5', '0x10', '1' + '0'.repeat(30), '10 000']) {
      expect({ bad, problems: problemsOf({ JWT_SECRET: secret, MAX_AMOUNT: bad }) }).toEqual({
        bad,
        problems: [`MAX_AMOUNT must be a whole number from 1 to 10^30 without exponent (got "${bad}")`],
      });
    }
  });

  it('reads the flood limits and the legacy settings, request ids required by default in production', () => {
    const config = loadConfig({ JWT_SECRET: secret, AUTH_FAIL_LIMIT: '3', SOCKETS_PER_USER: '2', SOCKETS_PER_ADDRESS: '5', SOCKET_QUERY_TOKENS: 'false', SOCKET_HANDSHAKE_TIMEOUT_MS: '2000' });
    expect(config.limits).toMatchObject({ authFailLimit: 3, socketsPerUser: 2, socketsPerAddress: 5, socketQueryTokens: false, socketHandshakeMs: 2000 });
    expect(problemsOf({ JWT_SECRET: secret, AUTH_FAIL_LIMIT: '0' }).join()).toMatch(/AUTH_FAIL_LIMIT/);
    expect(problemsOf({ JWT_SECRET: secret, SOCKET_HANDSHAKE_TIMEOUT_MS: '999' })).toEqual(['SOCKET_HANDSHAKE_TIMEOUT_MS must be a whole number from 1000 to 600000 (got "999")']);
    expect(loadConfig({ ...PRODUCTION, JWT_SECRET: secret }).legacy.requireRequestId).toBe(true);
    expect(loadConfig({ ...PRODUCTION, JWT_SECRET: secret, LEGACY_REQUIRE_REQUEST_ID: 'false' }).legacy.requireRequestId).toBe(false);
    const allowed = loadConfig({ JWT_SECRET: secret, LEGACY_ALLOWED_IPS: '203.0.113.7, 10.0.0.0/8' }).legacy.allowedIps!;
    expect(['203.0.113.7', '10.1.2.3', '::ffff:10.9.9.9', '203.0.113.8'].map((a) => allowed.isTrusted(a))).toEqual([true, true, true, false]);
  });

  it('reads TRUST_PROXY as addresses and CIDRs of both families, naming the entries that are neither', () => {
    const proxies = loadConfig({ JWT_SECRET: secret, TRUST_PROXY: '10.0.0.1,192.168.0.0/16 , fd00::/8' }).trustProxy;
    expect(['10.0.0.1', '10.0.0.2', '192.168.44.5', 'fd12::1', 'fe80::1', 'garbage'].map((a) => proxies.isTrusted(a))).toEqual([true, false, true, true, false, false]);
    expect(loadConfig({ JWT_SECRET: secret }).trustProxy.isTrusted('127.0.0.1')).toBe(false);
    expect(problemsOf({ JWT_SECRET: secret, TRUST_PROXY: '10.0.0.1, proxy.local, 10.0.0.0/33, 1.2.3.4/8/1' })).toEqual([
      'TRUST_PROXY must list IP addresses or CIDRs separated by commas (not: proxy.local, 10.0.0.0/33, 1.2.3.4/8/1)',
    ]);
  });

  it('reads the HTTP time limits: 15 s for the headers and 30 s for the request by default, the headers within the request', () => {
    expect(loadConfig({ JWT_SECRET: secret }).httpTimeouts).toEqual({ headersMs: 15_000, requestMs: 30_000 });
    expect(loadConfig({ JWT_SECRET: secret, HTTP_HEADERS_TIMEOUT_MS: '3000', HTTP_REQUEST_TIMEOUT_MS: '6000' }).httpTimeouts).toEqual({ headersMs: 3000, requestMs: 6000 });
    expect(problemsOf({ JWT_SECRET: secret, HTTP_HEADERS_TIMEOUT_MS: '500' })).toEqual(['HTTP_HEADERS_TIMEOUT_MS must be a whole number from 1000 to 600000 (got "500")']);
    expect(problemsOf({ JWT_SECRET: secret, HTTP_REQUEST_TIMEOUT_MS: '10s' })).toEqual(['HTTP_REQUEST_TIMEOUT_MS must be a whole number from 1000 to 3600000 (got "10s")']);
    expect(problemsOf({ JWT_SECRET: secret, HTTP_REQUEST_TIMEOUT_MS: '10000' })).toEqual(['HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS (15000 > 10000)']);
  });

  it("reads the commit deadline: the contract's 5 s by default and at most, shorter only from 1 s", () => {
    expect(loadConfig({ JWT_SECRET: secret }).commitDeadlineMs).toBe(5000);
    expect(loadConfig({ JWT_SECRET: secret, COMMIT_DEADLINE_MS: '2000' }).commitDeadlineMs).toBe(2000);
    expect(problemsOf({ JWT_SECRET: secret, COMMIT_DEADLINE_MS: '6000' })).toEqual(['COMMIT_DEADLINE_MS must be a whole number from 1000 to 5000 (got "6000")']);
    expect(problemsOf({ JWT_SECRET: secret, COMMIT_DEADLINE_MS: '500' })).toEqual(['COMMIT_DEADLINE_MS must be a whole number from 1000 to 5000 (got "500")']);
  });

  it('reads the webhook attempt time limit, 15 s by default, and the lease margin beyond it, 10 s by default', () => {
    expect(loadConfig({ JWT_SECRET: secret }).webhooks).toEqual({ allowPrivate: false, timeoutMs: 15_000, leaseMarginMs: 10_000 });
    expect(loadConfig({ JWT_SECRET: secret, WEBHOOKS_TIMEOUT_MS: '3000' }).webhooks.timeoutMs).toBe(3000);
    expect(loadConfig({ JWT_SECRET: secret, WEBHOOKS_LEASE_MARGIN_MS: '2000' }).webhooks.leaseMarginMs).toBe(2000);
    expect(problemsOf({ JWT_SECRET: secret, WEBHOOKS_LEASE_MARGIN_MS: '500' })).toEqual(['WEBHOOKS_LEASE_MARGIN_MS must be a whole number from 1000 to 600000 (got "500")']);
    expect(problemsOf({ JWT_SECRET: secret, WEBHOOKS_TIMEOUT_MS: '0' })).toEqual(['WEBHOOKS_TIMEOUT_MS must be a whole number from 1000 to 120000 (got "0")']);
  });

  it('reads PUBLIC_URL without its trailing slash', () => {
    expect(loadConfig({ JWT_SECRET: secret, PUBLIC_URL: 'https://ledger.example.com/' }).publicUrl).toBe('https://ledger.example.com');
    expect(problemsOf({ JWT_SECRET: secret, PUBLIC_URL: 'ledger.example.com' }).join()).toMatch(/PUBLIC_URL must be an http/);
  });
});
