import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { startIntrospectionServer, type IntrospectionServer } from '../support/introspection-server.js';
import { connectPlatform } from '../support/platform-client.js';
import { call, closeOf, connect, handshakeOutcome, sleep } from '../support/socket-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { tokenFor } from '../support/tokens.js';

/** Small limits, so each flood is a handful of handshakes. Every socket here comes "through" the trusted proxy 127.0.0.1. */
const LIMITS = { TRUST_PROXY: '127.0.0.1', AUTH_FAIL_LIMIT: '3', SOCKETS_PER_USER: '2', SOCKETS_PER_ADDRESS: '3' };
const forged = (sub: string) => tokenFor(sub).slice(0, -4) + 'abcd';
const via = (address: string) => ({ extraHeaders: { 'x-forwarded-for': address } });
const sessionToken = (label: string) => `${label}-${randomBytes(9).toString('hex')}`;

describe.each(DATABASE_KINDS)('socket handshake flood limits (M6) on %s', (kind) => {
  let app: RunningApp;
  let idp: IntrospectionServer;
  const open: Array<{ close(): unknown }> = [];
  const outcome = (token: string | null, address: string) => handshakeOutcome(app, token, 'auth', via(address));
  const connectVia = async (token: string, address: string) => {
    const socket = await connect(app, token, 'auth', via(address));
    open.push(socket);
    return socket;
  };

  beforeAll(async () => {
    idp = await startIntrospectionServer();
    app = await startApp(kind, idp.env(LIMITS));
  });
  afterAll(async () => {
    open.forEach((s) => s.close());
    await app?.close();
    await idp?.close();
  });

  describe('AUTH_FAIL_LIMIT', () => {
    it('refuses an address with "too many requests" after 3 refused credentials, before a good token is read or a session introspected', async () => {
      for (let i = 0; i < 3; i++) expect(await outcome(forged('flood-a'), '203.0.113.10')).toBe('unauthorized');
      expect(await outcome(tokenFor('flood-a'), '203.0.113.10')).toBe('too many requests');
      const session = sessionToken('never-asked');
      idp.sessions.set(session, { answer: { active: true, sub: 'never-asked' } });
      expect(await outcome(session, '203.0.113.10')).toBe('too many requests');
      expect(idp.count(session)).toBe(0);
      // Another address is not affected.
      expect(await outcome(tokenFor('flood-a'), '203.0.113.11')).toBe('connected');
    });

    it('counts inactive sessions as failures', async () => {
      for (let i = 0; i < 3; i++) {
        const inactive = sessionToken('inactive');
        idp.sessions.set(inactive, { answer: { active: false } });
        expect(await outcome(inactive, '203.0.113.20')).toBe('unauthorized');
        expect(idp.count(inactive)).toBe(1);
      }
      expect(await outcome(tokenFor('flood-b'), '203.0.113.20')).toBe('too many requests');
    });

    it('counts an IPv6 /64 as one address', async () => {
      for (const host of ['a', 'b', 'c']) expect(await outcome(forged('flood-c'), `2001:db8:1:2::${host}`)).toBe('unauthorized');
      expect(await outcome(tokenFor('flood-c'), '2001:db8:1:2::d')).toBe('too many requests');
      expect(await outcome(tokenFor('flood-c'), '2001:db8:1:3::a')).toBe('connected');
    });

    it('does not count a handshake that presents no credential at all', async () => {
      for (let i = 0; i < 4; i++) expect(await outcome(null, '203.0.113.30')).toBe('unauthorized');
      expect(await outcome(tokenFor('flood-d'), '203.0.113.30')).toBe('connected');
    });
  });

  describe('SOCKETS_PER_USER', () => {
    it("closes the user's oldest socket, telling it why, when a third one connects (socket.io-client 2.5 and 4)", async () => {
      const token = tokenFor('cap-user');
      const { socket: oldest } = await connectPlatform(app.url, app.config.socketPath, token);
      open.push(oldest);
      const oldestClosed = closeOf(oldest, ['too_many_connections'], 10_000);
      const second = await connectVia(token, '198.51.100.1');
      const secondClosed = closeOf(second, ['too_many_connections'], 1_000);
      const third = await connectVia(token, '198.51.100.2');

      expect(await oldestClosed).toEqual({
        reason: 'io server disconnect',
        at: expect.any(Number),
        told: { too_many_connections: { error: { status: true, code: 429, message: 'At most 2 connections per user: this one was the oldest' } } },
      });
      expect(await secondClosed).toBe('still open');
      for (const socket of [second, third]) expect((await call(socket, 'balance:getTransactions')).error.code).toBe(0);
      // Other users are not affected.
      await connectVia(tokenFor('cap-other'), '198.51.100.3');
    });
  });

  describe('SOCKETS_PER_ADDRESS', () => {
    it('refuses a fourth socket from one address with "too many connections", and admits again once one closes', async () => {
      const address = '192.0.2.77';
      // Refused handshakes hold no place.
      for (let i = 0; i < 2; i++) expect(await outcome(forged('per-address'), address)).toBe('unauthorized');
      const sockets = [await connectVia(tokenFor('addr-1'), address), await connectVia(tokenFor('addr-2'), address), await connectVia(tokenFor('addr-3'), address)];
      expect(await outcome(tokenFor('addr-4'), address)).toBe('too many connections');
      // Another address is not affected.
      expect(await outcome(tokenFor('addr-4'), '192.0.2.78')).toBe('connected');

      sockets[0].close();
      let again = 'too many connections';
      for (let attempt = 0; attempt < 50 && again === 'too many connections'; attempt++) {
        await sleep(50);
        again = await outcome(tokenFor('addr-4'), address);
      }
      expect(again).toBe('connected');
    });
  });
});

describe('Engine.IO connections that never complete the socket.io handshake (M6)', () => {
  /** SOCKET_HANDSHAKE_TIMEOUT_MS (10 s by default): short, so that the test waits 2 s, not 10. */
  const HANDSHAKE_S = 2;
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp('sqlite', { SOCKET_HANDSHAKE_TIMEOUT_MS: String(HANDSHAKE_S * 1000) });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('are closed by the server at SOCKET_HANDSHAKE_TIMEOUT_MS (socket.io would hold them 45 s)', async () => {
    const ws = new WebSocket(`${app.url.replace(/^http/, 'ws')}${app.config.socketPath}/?EIO=4&transport=websocket`);
    const opened = new Promise<string>((resolve) => ws.once('message', (data: WebSocket.RawData) => resolve(String(data))));
    let timer: NodeJS.Timeout | undefined;
    const closed = new Promise<string>((resolve) => {
      ws.once('close', () => resolve('closed by the server'));
      timer = setTimeout(() => resolve(`still open after ${HANDSHAKE_S + 10} s`), (HANDSHAKE_S + 10) * 1000);
    });
    // The Engine.IO open packet arrives; the socket.io CONNECT packet ("40") is never sent.
    expect(await opened).toMatch(/^0\{"sid":/);
    const outcome = await closed;
    clearTimeout(timer);
    ws.terminate();
    expect(outcome).toBe('closed by the server');
  }, 30_000);
});
