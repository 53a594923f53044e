import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { JwksKeySet, JWKS_TIMING, parseKeySet } from '../../src/auth/jwks-key-set.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { freePort } from '../support/free-port.js';
import { newSigningKey, signWith, startJwksServer, type JwksServer, type SigningKey } from '../support/jwks-server.js';
import { handshakeOutcome } from '../support/socket-client.js';
import { restStatus as restStatusOf } from '../support/http-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { TEST_JWT_SECRET } from '../support/tokens.js';

const ADMIN_ROUTE = '/back-api/backoffice/ledger/check';
const ISSUER = 'https://id.example/realms/platform';
const AUDIENCE = 'ledger';
const claims = { sub: 'idp-admin', preferred_username: 'idp-admin', roles: ['admin'] };
const fromIdp = (key: SigningKey, options: Parameters<typeof signWith>[2] = {}) => signWith(key, claims, { issuer: ISSUER, audience: AUDIENCE, ...options });

const restStatus = (app: RunningApp, token: string) => restStatusOf(app, ADMIN_ROUTE, token);

const handshake = (app: RunningApp, token: string) => handshakeOutcome(app, token);

describe.each(DATABASE_KINDS)("the identity provider's keys (JWT_JWKS_URL) on %s", (kind) => {
  const first = newSigningKey('key-2024');
  const rotated = newSigningKey('key-2025');
  let idp: JwksServer;
  let app: RunningApp;
  beforeAll(async () => {
    idp = await startJwksServer([first]);
    app = await startApp(kind, { JWT_JWKS_URL: idp.url, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE, AUTH_FAIL_LIMIT: '1000' });
  });
  afterAll(async () => {
    await app?.close();
    await idp?.close();
  });

  it('admits an RS256 token signed with a published key, chosen by kid, on REST and at the handshake', async () => {
    const token = fromIdp(first);
    expect({ status: await restStatus(app, token), socket: await handshake(app, token) }).toEqual({ status: 200, socket: 'connected' });
    // Fetched once, then served from memory.
    expect(idp.fetches()).toBe(1);
  });

  it('admits a token without kid while the set has a single key', async () => {
    expect(await restStatus(app, fromIdp(first, { kid: null }))).toBe(200);
  });

  it('follows a rotation: a kid published after the keys were fetched is admitted after one refresh', async () => {
    idp.published = [first, rotated];
    const token = fromIdp(rotated);
    const before = idp.fetches();
    expect(await restStatus(app, token)).toBe(200);
    expect(idp.fetches()).toBe(before + 1);
    expect(await handshake(app, token)).toBe('connected');
    expect(idp.fetches()).toBe(before + 1);
    // Two keys now: a token without kid names none of them.
    expect(await restStatus(app, fromIdp(first, { kid: null }))).toBe(401);
  });

  it('refuses an unknown key, a forged kid, another algorithm, issuer or audience; unknown kids refetch at most once per 10 s', async () => {
    const stranger = newSigningKey('key-2025');
    const before = idp.fetches();
    const started = Date.now();
    const refused = {
      'a key the provider never published, under a published kid': fromIdp(stranger),
      'an unknown kid': fromIdp(newSigningKey('unknown-kid')),
      'HS256 with the HS test secret': jwt.sign(claims, TEST_JWT_SECRET, { algorithm: 'HS256', expiresIn: '5m', issuer: ISSUER, audience: AUDIENCE, keyid: first.kid }),
      'another issuer': fromIdp(first, { issuer: 'https://id.example/realms/other' }),
      'another audience': fromIdp(first, { audience: 'billing' }),
      'no exp': fromIdp(first, { expiresIn: null }),
      'valid for a year': fromIdp(first, { expiresIn: '365d' }),
    };
    for (const [label, token] of Object.entries(refused)) {
      expect({ label, status: await restStatus(app, token), socket: await handshake(app, token) }).toEqual({ label, status: 401, socket: 'unauthorized' });
    }
    // A flood of made-up kids: the key set is fetched again at most once per 10 s, whatever they say.
    for (let i = 0; i < 20; i++) expect(await restStatus(app, fromIdp(newSigningKeyCached, { kid: `made-up-${randomBytes(4).toString('hex')}` }))).toBe(401);
    expect(idp.fetches() - before).toBeLessThanOrEqual(1 + Math.floor((Date.now() - started) / JWKS_TIMING.minRefreshIntervalMs));
  });
});

/** One spare key for floods (RSA key generation is slow). */
const newSigningKeyCached = newSigningKey('spare');

describe('a failing JWKS endpoint', () => {
  const key = newSigningKey('only-key');
  let idp: JwksServer;
  let app: RunningApp;
  beforeAll(async () => {
    idp = await startJwksServer([key]);
    idp.failWith = 503;
    app = await startApp('sqlite', { JWT_JWKS_URL: idp.url, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE, AUTH_FAIL_LIMIT: '2' });
  });
  afterAll(async () => {
    await app?.close();
    await idp?.close();
  });

  it('refuses every token, never admits one, and does not count that against the caller', async () => {
    for (let i = 0; i < 4; i++) expect(await restStatus(app, fromIdp(key))).toBe(401);
    expect(await handshake(app, fromIdp(key))).toBe('unauthorized');
    // The provider is back: the same caller is admitted (nothing was counted against it).
    idp.failWith = null;
    await new Promise((r) => setTimeout(r, JWKS_TIMING.retryAfterFailureMs + 100));
    expect(await restStatus(app, fromIdp(key))).toBe(200);
  });
});

describe('an unreachable JWKS endpoint', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp('sqlite', { JWT_JWKS_URL: `http://127.0.0.1:${await freePort()}/certs`, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE, AUTH_FAIL_LIMIT: '2' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses every token with 401, never 429: an unreachable provider is not the caller\'s failure', async () => {
    const key = newSigningKey('nowhere');
    for (let i = 0; i < 4; i++) expect(await restStatus(app, fromIdp(key))).toBe(401);
    expect(await handshake(app, fromIdp(key))).toBe('unauthorized');
  });
});

describe('the JWKS key set, on a clock of its own', () => {
  const old = newSigningKey('old');
  const next = newSigningKey('next');
  let idp: JwksServer;
  beforeAll(async () => {
    idp = await startJwksServer([old]);
  });
  afterAll(async () => {
    await idp?.close();
  });

  it('refuses a kid until the provider publishes it and the refresh interval has passed, then admits it', async () => {
    idp.published = [old];
    let now = 1_000_000;
    const keys = new JwksKeySet(idp.url, JWKS_TIMING, () => now);
    const start = idp.fetches();
    expect((await keys.keyFor('old')).kind).toBe('key');
    expect(await keys.keyFor('next')).toEqual({ kind: 'unknown', reason: 'unknown kid' });
    expect(idp.fetches() - start).toBe(2);
    idp.published = [old, next];
    now += JWKS_TIMING.minRefreshIntervalMs - 1;
    expect((await keys.keyFor('next')).kind).toBe('unknown');
    expect(idp.fetches() - start).toBe(2);
    now += 1;
    expect((await keys.keyFor('next')).kind).toBe('key');
    expect(idp.fetches() - start).toBe(3);
  });

  it('shares one fetch among concurrent lookups of a new kid', async () => {
    idp.published = [old];
    const keys = new JwksKeySet(idp.url);
    expect((await keys.keyFor('old')).kind).toBe('key');
    idp.published = [old, next];
    const start = idp.fetches();
    const lookups = await Promise.all(Array.from({ length: 10 }, () => keys.keyFor('next')));
    expect(lookups.map((l) => l.kind)).toEqual(Array(10).fill('key'));
    expect(idp.fetches() - start).toBe(1);
  });

  it('drops a key the provider withdrew once the set is stale, and keeps serving a stale set briefly while the provider is down', async () => {
    idp.published = [old, next];
    let now = 5_000_000;
    const keys = new JwksKeySet(idp.url, JWKS_TIMING, () => now);
    expect((await keys.keyFor('old')).kind).toBe('key');
    idp.published = [next];
    now += JWKS_TIMING.freshForMs;
    expect((await keys.keyFor('old')).kind).toBe('unknown');
    // Down: the last set still serves until it is usableForMs old, then nothing does.
    idp.failWith = 500;
    try {
      now += JWKS_TIMING.freshForMs;
      expect((await keys.keyFor('next')).kind).toBe('key');
      now += JWKS_TIMING.usableForMs;
      expect(await keys.keyFor('next')).toEqual({ kind: 'unavailable', reason: 'JWKS endpoint answered HTTP 500' });
    } finally {
      idp.failWith = null;
    }
  });

  it('refuses a document without an RS256 signature key, and skips keys for other uses', async () => {
    const server = await startJwksServer([]);
    try {
      expect(await new JwksKeySet(server.url).keyFor('any')).toEqual({ kind: 'unavailable', reason: 'JWKS document has no RS256 signature key' });
    } finally {
      await server.close();
    }
    const rsa = old.publicKey.export({ format: 'jwk' });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
    const document = {
      keys: [
        { ...rsa, kid: 'encryption', use: 'enc' },
        { ...rsa, kid: 'rs384', alg: 'RS384' },
        { ...ec, kid: 'ec', alg: 'ES256' },
        { kty: 'RSA', kid: 'short', n: 'AQAB', e: 'AQAB' },
        { kty: 'RSA', kid: 'broken', n: 42, e: 'AQAB' },
        'not a key',
        { ...rsa, kid: 'signing', use: 'sig', alg: 'RS256', d: 'private members are never imported' },
      ],
    };
    const keys = parseKeySet(JSON.stringify(document));
    expect(keys.map((k) => [k.kid, k.key.type])).toEqual([['signing', 'public']]);
    expect(() => parseKeySet('{"keys": {}}')).toThrow('JWKS document has no "keys" array');
    expect(() => parseKeySet('<html>')).toThrow('JWKS document is not JSON');
  });
});
