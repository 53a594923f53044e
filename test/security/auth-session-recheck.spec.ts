import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { RECHECK_WITHOUT_CACHE_MS } from '../../src/auth/session-introspection.js';
import { TokenVerifier } from '../../src/auth/token-verifier.js';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { startIntrospectionServer, type IntrospectionServer } from '../support/introspection-server.js';
import { sleep } from '../support/socket-client.js';
import { tokenFor } from '../support/tokens.js';

const CACHE_S = 3;
const sessionId = (label: string) => `${label}-${randomBytes(9).toString('hex')}`;
const inSeconds = (s: number) => Math.floor(Date.now() / 1000) + s;

/**
 * What the socket side needs to end a socket's authority on time (H2): TokenVerifier.check says
 * until when a credential holds (`expiresAt`) and when an opaque session must be asked about
 * again (`recheckAt`); asking again then reaches the identity provider, so a revocation or a
 * role change is seen within the cache time.
 */
describe('how long a credential holds (H2)', () => {
  let idp: IntrospectionServer;
  let app: RunningApp;
  let verifier: TokenVerifier;
  beforeAll(async () => {
    idp = await startIntrospectionServer();
    app = await startApp('sqlite', idp.env({ AUTH_INTROSPECTION_CACHE_S: String(CACHE_S) }));
    verifier = app.app.get(TokenVerifier);
  });
  afterAll(async () => {
    await app?.close();
    await idp?.close();
  });

  it("gives a JWT's exp as expiresAt, and no recheck (its claims cannot change)", async () => {
    const token = tokenFor('jwt-user', {}, { expiresIn: 120 });
    const { exp } = jwt.decode(token) as { exp: number };
    expect(await verifier.check(token)).toMatchObject({ kind: 'valid', principal: { id: 'jwt-user' }, expiresAt: exp * 1000, recheckAt: null });
  });

  it("gives a session's exp as expiresAt and the end of its cache time as recheckAt; asking again then sees a revocation", async () => {
    const token = sessionId('revoked');
    const exp = inSeconds(600);
    idp.sessions.set(token, { answer: { active: true, sub: 'session-user', roles: ['admin'], exp } });
    const before = Date.now();
    const check = await verifier.check(token);
    const after = Date.now();
    expect(check).toMatchObject({ kind: 'valid', principal: { id: 'session-user', roles: ['admin'] }, expiresAt: exp * 1000 });
    const recheckAt = (check as { recheckAt: number }).recheckAt;
    expect(recheckAt).toBeGreaterThanOrEqual(before + CACHE_S * 1000);
    expect(recheckAt).toBeLessThanOrEqual(after + CACHE_S * 1000);

    // Revoked at the identity provider: within the cache time the cached answer still holds…
    idp.sessions.set(token, { answer: { active: false } });
    expect((await verifier.check(token)).kind).toBe('valid');
    expect(idp.count(token)).toBe(1);
    // …and at recheckAt the endpoint is asked again, and the session is refused.
    // (Timers may fire a millisecond early: wait until the clock itself says recheckAt.)
    while (Date.now() < recheckAt) await sleep(recheckAt - Date.now());
    expect(await verifier.check(token)).toEqual({ kind: 'refused', reason: 'session inactive' });
    expect(idp.count(token)).toBe(2);
  });

  it('asks the endpoint again when told to (fresh), so a role change reaches an open socket at its recheck', async () => {
    const token = sessionId('demoted');
    idp.sessions.set(token, { answer: { active: true, sub: 'demoted-user', roles: ['admin'] } });
    expect(await verifier.check(token)).toMatchObject({ kind: 'valid', principal: { roles: ['admin'] }, expiresAt: null });
    idp.sessions.set(token, { answer: { active: true, sub: 'demoted-user', roles: [] } });
    expect(await verifier.check(token, { fresh: true })).toMatchObject({ kind: 'valid', principal: { roles: [] } });
    expect(idp.count(token)).toBe(2);
    // The fresh answer replaced the cached one.
    expect(await verifier.check(token)).toMatchObject({ kind: 'valid', principal: { roles: [] } });
    expect(idp.count(token)).toBe(2);
  });

  it('tells a bad credential (refused) from an identity provider that could not answer (unavailable)', async () => {
    const failing = sessionId('failing');
    idp.sessions.set(failing, { status: 500 });
    expect(await verifier.check(failing)).toEqual({ kind: 'unavailable', reason: 'introspection endpoint answered HTTP 500' });
    const malformed = sessionId('malformed');
    idp.sessions.set(malformed, { answer: { active: 'yes' } });
    expect((await verifier.check(malformed)).kind).toBe('unavailable');
    expect((await verifier.check(sessionId('unknown'))).kind).toBe('refused');
    expect((await verifier.check(tokenFor('x', {}, { expiresIn: -5 }))).kind).toBe('refused');
    expect((await verifier.check('')).kind).toBe('refused');
  });
});

describe('how long a session holds with AUTH_INTROSPECTION_CACHE_S=0 (H2)', () => {
  let idp: IntrospectionServer;
  let app: RunningApp;
  beforeAll(async () => {
    idp = await startIntrospectionServer();
    app = await startApp('sqlite', idp.env({ AUTH_INTROSPECTION_CACHE_S: '0' }));
  });
  afterAll(async () => {
    await app?.close();
    await idp?.close();
  });

  it(`rechecks ${RECHECK_WITHOUT_CACHE_MS / 1000} s after the question, and every check asks the endpoint`, async () => {
    const verifier = app.app.get(TokenVerifier);
    const token = sessionId('uncached');
    idp.sessions.set(token, { answer: { active: true, sub: 'uncached-user' } });
    const before = Date.now();
    const check = await verifier.check(token);
    expect(check.kind).toBe('valid');
    const recheckAt = (check as { recheckAt: number }).recheckAt;
    expect(recheckAt).toBeGreaterThanOrEqual(before + RECHECK_WITHOUT_CACHE_MS);
    expect(recheckAt).toBeLessThanOrEqual(Date.now() + RECHECK_WITHOUT_CACHE_MS);
    await verifier.check(token);
    expect(idp.count(token)).toBe(2);
  });
});
