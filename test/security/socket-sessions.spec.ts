import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { startIntrospectionServer, type IntrospectionServer } from '../support/introspection-server.js';
import { connectPlatform } from '../support/platform-client.js';
import { call, closeOf, connect, handshakeOutcome, sleep, type Envelope } from '../support/socket-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { adminToken, tokenFor } from '../support/tokens.js';

/** Answers are reused for 1 s, so an open socket's session is introspected again about every second. */
const CACHE_S = 1;
const sessionId = (label: string) => `${label}-${randomBytes(9).toString('hex')}`;
const active = (sub: string, roles: string[], extra: Record<string, unknown> = {}) => ({ answer: { active: true, sub, username: sub, roles, ...extra } });

describe.each(DATABASE_KINDS)('opaque sessions on open sockets (H2) and at the handshake (M6) on %s', (kind) => {
  let idp: IntrospectionServer;
  let app: RunningApp;
  const open: Array<{ close(): unknown }> = [];
  const session = (label: string, sub: string, roles: string[] = [], extra: Record<string, unknown> = {}) => {
    const token = sessionId(label);
    idp.sessions.set(token, active(sub, roles, extra));
    return token;
  };
  const connectSession = async (token: string) => {
    const socket = await connect(app, token);
    open.push(socket);
    return socket;
  };
  /** Calls until the answer's code is `code` (the change arrives with the next introspection), at most ~5 s. */
  const callUntil = async (socket: Socket, code: number, event: string, payload: unknown): Promise<Envelope> => {
    let answer = await call(socket, event, payload);
    for (let i = 0; i < 50 && answer.error.code !== code; i++) {
      await sleep(100);
      answer = await call(socket, event, payload);
    }
    return answer;
  };

  beforeAll(async () => {
    idp = await startIntrospectionServer();
    app = await startApp(kind, idp.env({ AUTH_INTROSPECTION_CACHE_S: String(CACHE_S), TRUST_PROXY: '127.0.0.1', AUTH_FAIL_LIMIT: '3' }));
    (await connect(app, tokenFor('recheck-target'))).close();
  });
  afterAll(async () => {
    open.forEach((s) => s.close());
    await app?.close();
    await idp?.close();
  });

  it('applies a role granted, then withdrawn, at the identity provider to the open socket: admin calls and the admin:transaction feed', async () => {
    const token = session('role-change', 'recheck-operator');
    const socket = await connectSession(token);
    const credit = { data: { targetUser: 'recheck-target', amount: 1 } };
    expect((await call(socket, 'balance:addUserBalanceByAdmin', credit)).error.code).toBe(403);

    idp.sessions.set(token, active('recheck-operator', ['admin']));
    const feed: unknown[] = [];
    socket.on('admin:transaction', (t: unknown) => feed.push(t));
    const granted = await callUntil(socket, 0, 'balance:addUserBalanceByAdmin', credit);
    expect(granted.error.code).toBe(0);
    const transactionId = (granted.data as { transactionId: string }).transactionId;
    // The admin room was joined: the credit's own transaction is pushed to this socket.
    for (let i = 0; i < 50 && !feed.some((t) => (t as { transactionId: string }).transactionId === transactionId); i++) await sleep(50);
    expect(feed).toContainEqual(expect.objectContaining({ transactionId }));

    idp.sessions.set(token, active('recheck-operator', []));
    expect((await callUntil(socket, 403, 'balance:addUserBalanceByAdmin', credit)).error).toEqual({ status: true, code: 403, message: 'Requires role admin' });
    // The admin room was left: another admin's transaction does not reach this socket.
    feed.length = 0;
    const jwtAdmin = await connect(app, adminToken('recheck-jwt-admin'));
    open.push(jwtAdmin);
    const seenByAdmin = new Promise((resolve) => jwtAdmin.once('admin:transaction', resolve));
    expect((await call(jwtAdmin, 'balance:addUserBalanceByAdmin', credit)).error.code).toBe(0);
    await seenByAdmin;
    // A round trip on this socket: anything pushed to it before is delivered before the answer.
    expect((await call(socket, 'balance:getTransactions')).error.code).toBe(0);
    expect(feed).toEqual([]);
    expect(socket.connected).toBe(true);
  });

  it('tells a revoked session "unauthorized" and closes it at its next introspection (socket.io-client 4 and the platform SDK on 2.5)', async () => {
    const modernToken = session('revoked-v4', 'revoked-v4');
    const platformToken = session('revoked-v2', 'revoked-v2');
    const modern = await connectSession(modernToken);
    const { socket: platform } = await connectPlatform(app.url, app.config.socketPath, platformToken);
    open.push(platform);
    const closes = [closeOf(modern, ['unauthorized'], 5_000), closeOf(platform, ['unauthorized'], 5_000)];

    idp.sessions.set(modernToken, { answer: { active: false } });
    idp.sessions.set(platformToken, { answer: { active: false } });
    for (const close of await Promise.all(closes)) {
      expect(close).toEqual({ reason: 'io server disconnect', at: expect.any(Number), told: { unauthorized: { error: { status: true, code: 401, message: 'Session ended' } } } });
    }
  });

  it('closes the socket when the identity provider cannot verify the session at its next introspection', async () => {
    const token = session('unverifiable', 'unverifiable');
    const socket = await connectSession(token);
    const closed = closeOf(socket, ['unauthorized'], 5_000);
    idp.sessions.set(token, { status: 500 });
    expect(await closed).toEqual({ reason: 'io server disconnect', at: expect.any(Number), told: { unauthorized: { error: { status: true, code: 401, message: expect.any(String) } } } });
  });

  it('does not count an identity provider that cannot answer as failed authentications (AUTH_FAIL_LIMIT)', async () => {
    const via = { extraHeaders: { 'x-forwarded-for': '203.0.113.99' } };
    for (let i = 0; i < 4; i++) {
      const token = sessionId('idp-down');
      idp.sessions.set(token, { status: 500 });
      expect(await handshakeOutcome(app, token, 'auth', via)).toBe('unauthorized');
    }
    expect(await handshakeOutcome(app, tokenFor('idp-down-user'), 'auth', via)).toBe('connected');
  });

  it("closes the socket at the session's exp", async () => {
    const expMs = Math.ceil((Date.now() + 2500) / 1000) * 1000;
    const socket = await connectSession(session('expiring', 'expiring-session', [], { exp: expMs / 1000 }));
    const close = await closeOf(socket, ['unauthorized'], expMs - Date.now() + 3_000);
    expect(close).toEqual({ reason: 'io server disconnect', at: expect.any(Number), told: { unauthorized: { error: { status: true, code: 401, message: 'Token expired' } } } });
    expect((close as { at: number }).at).toBeGreaterThanOrEqual(expMs);
  });
});
