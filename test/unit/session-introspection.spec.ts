import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Logger, type LoggerService } from '@nestjs/common';
import { SessionIntrospection } from '../../src/auth/session-introspection.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { startIntrospectionServer, type IntrospectionServer } from '../support/introspection-server.js';

/** SessionIntrospection against a real (local) introspection endpoint, outside the app. */
describe('session introspection', () => {
  let idp: IntrospectionServer;
  const sessionsWith = (cacheSeconds: number, clientSecret?: string) =>
    new SessionIntrospection({
      introspection: { url: idp.url, clientId: idp.clientId, clientSecret: clientSecret ?? idp.clientSecret, cacheSeconds, timeoutMs: 2000 },
    } as AppConfig);

  beforeAll(async () => {
    idp = await startIntrospectionServer();
  });
  afterAll(async () => {
    await idp?.close();
  });
  afterEach(() => {
    Logger.overrideLogger(false);
  });

  it('shares one request among identical lookups in flight, even with the cache off', async () => {
    const token = 'in-flight-session';
    idp.sessions.set(token, { answer: { active: true, sub: 'shared' }, delayMs: 200 });
    const sessions = sessionsWith(0);
    const principals = await Promise.all(Array.from({ length: 5 }, () => sessions.principalFor(token)));
    expect(principals.map((p) => p?.id)).toEqual(['shared', 'shared', 'shared', 'shared', 'shared']);
    expect(idp.count(token)).toBe(1);
    // Cache off: the next lookup asks again.
    await sessions.principalFor(token);
    expect(idp.count(token)).toBe(2);
  });

  it('remembers an inactive answer for the shorter of the cache time and 30 s, and not at all with the cache off', async () => {
    const token = 'inactive-session';
    idp.sessions.set(token, { answer: { active: false } });
    const cached = sessionsWith(30);
    for (let i = 0; i < 5; i++) expect(await cached.check(token)).toEqual({ kind: 'refused', reason: 'session inactive' });
    expect(idp.count(token)).toBe(1);
    const uncached = sessionsWith(0);
    for (let i = 0; i < 3; i++) expect((await uncached.check(token)).kind).toBe('refused');
    expect(idp.count(token)).toBe(4);
    // Remembered only so long: after the cache time the endpoint is asked again.
    const short = sessionsWith(1);
    expect((await short.check(token)).kind).toBe('refused');
    await new Promise((r) => setTimeout(r, 1100));
    expect((await short.check(token)).kind).toBe('refused');
    expect(idp.count(token)).toBe(6);
    // An answer the service itself finds expired is not the endpoint's "inactive": not remembered.
    const expired = 'expired-session';
    idp.sessions.set(expired, { answer: { active: true, sub: 'x', exp: Math.floor(Date.now() / 1000) - 5 } });
    for (let i = 0; i < 2; i++) expect(await cached.check(expired)).toEqual({ kind: 'refused', reason: 'session expired' });
    expect(idp.count(expired)).toBe(2);
  });

  it('never sends a JWT-shaped, oversized or non-ASCII credential to the endpoint', async () => {
    const sessions = sessionsWith(30);
    const before = idp.asked.length;
    for (const token of ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig', 'a.b.', 'x'.repeat(8193), 'séance', 'with space']) {
      expect(await sessions.principalFor(token)).toBeNull();
    }
    expect(idp.asked.length).toBe(before);
  });

  it('logs why a token was refused but never the token or the client secret', async () => {
    const lines: string[] = [];
    const capture = (message: unknown) => void lines.push(String(message));
    Logger.overrideLogger({ log: capture, warn: capture, error: capture, debug: capture, verbose: capture, fatal: capture } as LoggerService);
    const token = 'secret-session-value-4711';
    idp.sessions.set(token, { status: 503 });
    expect(await sessionsWith(30).principalFor(token)).toBeNull();
    idp.sessions.set(token, { answer: { active: true } });
    expect(await sessionsWith(30).principalFor(token)).toBeNull();
    // Wrong client secret: the endpoint answers 401, which refuses too.
    idp.sessions.set(token, { answer: { active: true, sub: 'x' } });
    expect(await sessionsWith(30, 'wrong-client-secret').principalFor(token)).toBeNull();
    expect(lines).toHaveLength(3);
    expect(lines.join('\n')).toMatch(/HTTP 503[\s\S]*no usable "sub"[\s\S]*HTTP 401/);
    expect(lines.join('\n')).not.toContain(token);
    expect(lines.join('\n')).not.toContain('wrong-client-secret');
    expect(lines.join('\n')).not.toContain(idp.clientSecret);
  });
});
