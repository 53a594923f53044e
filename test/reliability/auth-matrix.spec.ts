import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { ModulesContainer } from '@nestjs/core';
import { MESSAGE_METADATA } from '@nestjs/websockets/constants.js';
import jwt from 'jsonwebtoken';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { pathOf, protectedRoutes } from '../support/http-routes.js';
import { call, connect } from '../support/socket-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { tokenFor } from '../support/tokens.js';

const LEGACY_SECRET = 'matrix-legacy-secret-0123';
/** Socket events reserved to a role (all others need only a valid handshake). */
const EVENT_ROLES: Record<string, string> = { 'balance:addUserBalanceByAdmin': 'admin', 'balance:expireRoomSubscription': 'network-admin' };

const badCredentials = (): Record<string, string | null> => ({
  none: null,
  garbage: 'not.a.token',
  'bad signature': jwt.sign({ sub: 'mallory', roles: ['admin', 'network-admin'] }, 'some-other-secret-some-other-secret-1', { algorithm: 'HS256' }),
  expired: tokenFor('mallory', { roles: ['admin', 'network-admin'] }, { expiresIn: -30 }),
  'alg none': jwt.sign({ sub: 'mallory', roles: ['admin', 'network-admin'] }, '', { algorithm: 'none' }),
  'reserved id': tokenFor('system:issuer', { roles: ['admin', 'network-admin'] }),
});

/** Every socket event some gateway subscribes to. */
function registeredEvents(app: RunningApp): string[] {
  const events = new Set<string>();
  const wrappers = [...app.app.get(ModulesContainer).values()].flatMap((module) => [...module.providers.values()]);
  for (const wrapper of wrappers) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || typeof instance !== 'object') continue;
    const proto = Object.getPrototypeOf(instance) as object;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const method = Object.getOwnPropertyDescriptor(proto, name)?.value as unknown;
      const message = typeof method === 'function' ? Reflect.getMetadata(MESSAGE_METADATA, method) : undefined;
      if (typeof message === 'string') events.add(message);
    }
  }
  return [...events].sort();
}

describe.each(DATABASE_KINDS)('authentication and authorisation matrix on %s', (kind) => {
  let app: RunningApp;
  let cells = 0;

  beforeAll(async () => {
    // Every route and event is tried with every bad credential from one address: far more than AUTH_FAIL_LIMIT.
    app = await startApp(kind, { LEGACY_API_SECRET: LEGACY_SECRET, LEGACY_ALLOW_GET: 'true', LEGACY_HASH_FAIL_LIMIT: '1000', AUTH_FAIL_LIMIT: '1000000' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses every non-public REST route without a valid admin token', async () => {
    const routes = protectedRoutes(app);
    expect(routes.length).toBeGreaterThanOrEqual(20);
    const credentials = { ...badCredentials(), 'no role': tokenFor('plain'), 'other role': tokenFor('net', { roles: ['network-admin', 'Admin'] }) };
    for (const route of routes) {
      const [method, pattern] = route.split(' ');
      const path = pathOf(pattern);
      for (const [name, token] of Object.entries(credentials)) {
        const res = await fetch(app.url + path, {
          method,
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify({ roles: ['admin'], asset: 'usd', amount: '1' }),
        });
        const expected = name === 'no role' || name === 'other role' ? 403 : 401;
        expect({ route, name, status: res.status }).toEqual({ route, name, status: expected });
        const body = (await res.json()) as { statusCode: number; message: unknown };
        expect(body.statusCode).toBe(expected);
        cells++;
      }
    }
  });

  it('refuses every socket event without a valid token, and role events without the role (a role in the body is ignored)', async () => {
    const events = registeredEvents(app);
    expect(events.length).toBe(10);
    for (const token of Object.values(badCredentials())) {
      await expect(connect(app, token)).rejects.toThrow('unauthorized');
      cells += events.length;
    }
    const plain = await connect(app, tokenFor('plain-user', { roles: ['moderator'] }));
    for (const [event, role] of Object.entries(EVENT_ROLES)) {
      expect(events).toContain(event);
      const answer = await call(plain, event, { data: { targetUser: 'plain-user', amount: 1, roomId: 'demo-room', roles: [role] }, roles: [role], user: { roles: [role] } });
      expect({ event, error: answer.error }).toEqual({ event, error: { status: true, code: 403, message: `Requires role ${role}` } });
      cells++;
    }
    plain.close();
  });

  it('refuses every legacy method without the right hash', async () => {
    const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
    const methods: Record<string, Record<string, string>> = {
      user_balance_get: { username: 'alice' },
      balance: { username: 'alice' },
      user_balance_update: { user_id: 'alice', balance: '5' },
      user_balance_change: { user_id: 'alice', balance: '5' },
    };
    for (const prefix of ['/api/', '/billing/api/']) {
      for (const [method, params] of Object.entries(methods)) {
        const values = Object.values(params).join('');
        const hashes = { none: undefined, 'wrong secret': sha1(values + 'guess'), 'another user': sha1(values.replace('alice', 'bob') + LEGACY_SECRET), 'not hex': 'zz' };
        for (const [name, hash] of Object.entries(hashes)) {
          const body = new URLSearchParams({ ...params, ...(hash ? { hash } : {}) });
          const res = await fetch(`${app.url}${prefix}${method}`, { method: 'POST', body });
          expect({ method, name, status: res.status, text: await res.text() }).toEqual({
            method,
            name,
            status: 200,
            text: '<?xml version="1.0" encoding="UTF-8"?>\n<status>\n  <error>Incorrect hash</error>\n</status>',
          });
          cells++;
        }
      }
    }
  });

  afterAll(() => {
    process.stdout.write(`auth matrix on ${kind}: ${cells} cells\n`);
  });
});
