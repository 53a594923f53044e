import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { io } from 'socket.io-client';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/load-config.js';
import { rawRequest } from '../support/raw-http.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.js';
import { adminToken, TEST_JWT_SECRET } from '../support/tokens.js';

/** The request line a server logged for the request with this id. */
async function requestLine(server: ServerProcess, id: string): Promise<{ req: Record<string, unknown>; res: Record<string, unknown> }> {
  for (let i = 0; i < 100; i++) {
    const line = server.output().split('\n').find((l) => l.includes(`"id":"${id}"`) && l.includes('"res":'));
    if (line) return JSON.parse(line) as { req: Record<string, unknown>; res: Record<string, unknown> };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no request line for ${id}:\n${server.output()}`);
}

/** The client address a server logged for a request that carried this X-Forwarded-For. */
async function addressLogged(server: ServerProcess, id: string, forwardedFor: string): Promise<unknown> {
  await rawRequest(server.url, 'GET', '/back-api/backoffice/users', { 'x-forwarded-for': forwardedFor, 'x-request-id': id });
  return (await requestLine(server, id)).req.address;
}

/** A socket.io client (of the transport given) that presents its credential in the URL, as the platform's clients do; resolves once refused. */
function refusedSocket(url: string, transport: 'polling' | 'websocket', query: Record<string, string>): Promise<string> {
  const socket = io(url, { transports: [transport], query, reconnection: false, forceNew: true, timeout: 5_000 });
  return new Promise((resolve) => {
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    });
    socket.once('connect', () => {
      socket.close();
      resolve('connected');
    });
  });
}

/**
 * §10 "Logs": `token`, `sessionId` and `hash` are redacted from every URL the service logs; and
 * §10 "Addresses" for a server that trusts no proxy.
 */
describe('credentials in URLs never reach the log; the address logged', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startServerProcess({ DATABASE_URL: database.url, LOG_LEVEL: 'info', LEGACY_API_SECRET: 'logs-test-secret-0123456789' });
  });
  afterAll(async () => {
    await server?.kill();
    await database?.drop();
  });

  const SECRETS = { token: 'SECRET-TOKEN-1f0c', sessionId: 'SECRET-SESSION-77aa', hash: 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3' };
  const query = `page=1&token=${SECRETS.token}&sessionId=${SECRETS.sessionId}&hash=${SECRETS.hash}`;

  it('a REST and a legacy request line keep their parameters and show each secret as [redacted]; socket.io handshakes log none of them', async () => {
    const rest = await rawRequest(server.url, 'GET', `/back-api/backoffice/users?${query}`, { authorization: `Bearer ${adminToken()}`, 'x-request-id': 'rid-logs-rest' });
    // Refused for its unknown parameters (400), and logged like any other request.
    expect(rest.status).toBe(400);
    // The legacy API's hash travels in the URL; the parser decodes a parameter's name, and so does redaction.
    const legacy = await rawRequest(server.url, 'GET', `/api/user_balance_get?username=alice&%68ash=${SECRETS.hash}&TOKEN=${SECRETS.token}&p=SECRET-PASSWORD-9d`, { 'x-request-id': 'rid-logs-legacy' });
    expect(legacy.status).toBe(200);
    expect(await refusedSocket(server.url, 'polling', { token: SECRETS.token, sessionId: SECRETS.sessionId, hash: SECRETS.hash })).toBe('unauthorized');
    expect(await refusedSocket(server.url, 'websocket', { token: SECRETS.token, sessionId: SECRETS.sessionId })).toBe('unauthorized');
    const polling = await rawRequest(server.url, 'GET', `/socket.io/?EIO=4&transport=polling&${query}`, { 'x-request-id': 'rid-logs-socket' });
    expect(polling.status).toBe(200);

    expect((await requestLine(server, 'rid-logs-rest')).req).toMatchObject({
      path: '/back-api/backoffice/users',
      url: '/back-api/backoffice/users?page=1&token=[redacted]&sessionId=[redacted]&hash=[redacted]',
    });
    expect((await requestLine(server, 'rid-logs-legacy')).req).toMatchObject({
      path: '/api/user_balance_get',
      url: '/api/user_balance_get?username=alice&%68ash=[redacted]&TOKEN=[redacted]&p=[redacted]',
    });
    const output = server.output();
    for (const secret of [...Object.values(SECRETS), 'SECRET-PASSWORD-9d']) expect({ secret, logged: output.includes(secret) }).toEqual({ secret, logged: false });
  });

  it('without TRUST_PROXY, X-Forwarded-For is only what the client says: the peer is the address logged', async () => {
    expect(await addressLogged(server, 'rid-addr-direct', '203.0.113.7')).toBe('127.0.0.1');
  });
});

/** §10 "Addresses": the client address a request line logs is the TCP peer, or through TRUST_PROXY only the right-most untrusted X-Forwarded-For entry. */
describe('the client address in request lines behind trusted proxies', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startServerProcess({ DATABASE_URL: database.url, LOG_LEVEL: 'info', TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' });
  });
  afterAll(async () => {
    await server?.kill();
    await database?.drop();
  });

  it('is the right-most X-Forwarded-For entry the proxies did not write; what the client wrote to the left is ignored', async () => {
    expect(await addressLogged(server, 'rid-addr-proxied', '198.51.100.23')).toBe('198.51.100.23');
    // The client sent `X-Forwarded-For: 192.0.2.66`; the proxy appended the address it saw.
    expect(await addressLogged(server, 'rid-addr-spoofed', '192.0.2.66, 203.0.113.7')).toBe('203.0.113.7');
    // Two trusted proxies in a row (10.1.2.3 forwarded to the one at 127.0.0.1).
    expect(await addressLogged(server, 'rid-addr-two-hops', '192.0.2.66, 198.51.100.23, 10.1.2.3')).toBe('198.51.100.23');
  });
});

/** `request.ip`, which any code of the service may read, is that same address. */
describe("Fastify's request.ip follows TRUST_PROXY", () => {
  let database: TestDatabase;
  let app: INestApplication | undefined;
  const seen = new Map<string, string>();
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    const config = loadConfig({ JWT_SECRET: TEST_JWT_SECRET, DATABASE_URL: database.url, PORT: '0', LOG_LEVEL: 'silent', TRUST_PROXY: '127.0.0.1' });
    app = await createApp(config, { logger: false });
    // Watches what the service's own hooks and handlers would read, on the real listening server.
    (app as NestFastifyApplication).getHttpAdapter().getInstance().addHook('onRequest', (request, _reply, done) => {
      seen.set(String(request.headers['x-request-id']), request.ip);
      done();
    });
    await app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('is the right-most X-Forwarded-For entry that is not a trusted proxy', async () => {
    const url = (await app!.getUrl()).replace('[::1]', '127.0.0.1');
    await rawRequest(url, 'GET', '/health', { 'x-forwarded-for': '192.0.2.66, 203.0.113.7', 'x-request-id': 'ip-1' });
    await rawRequest(url, 'GET', '/health', { 'x-forwarded-for': '203.0.113.7, 127.0.0.1', 'x-request-id': 'ip-2' });
    await rawRequest(url, 'GET', '/health', { 'x-request-id': 'ip-3' });
    expect(Object.fromEntries(seen)).toEqual({ 'ip-1': '203.0.113.7', 'ip-2': '203.0.113.7', 'ip-3': '127.0.0.1' });
  });
});
