import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request, type Server } from 'node:http';
import { connect } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { addLegacyUser, fundLegacyUser, legacyXml, sha1Hex } from '../support/legacy-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { adminToken } from '../support/tokens.js';

const SECRET = 'bodies-test-secret-0123456789';
const HASH = sha1Hex('alice', SECRET);
const FORM = `username=alice&hash=${HASH}`;
const JSON_BODY = JSON.stringify({ username: 'alice', hash: HASH });
const BALANCE = legacyXml.balance('12.34');

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request with exactly these bytes and headers (fetch would set or refuse some of them). */
function send(app: RunningApp, method: string, path: string, headers: Record<string, string>, body?: Buffer | string): Promise<Answer> {
  const url = new URL(app.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname: url.hostname, port: url.port, path, method, headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const FORM_TYPE = { 'content-type': 'application/x-www-form-urlencoded' };
const JSON_TYPE = { 'content-type': 'application/json' };

describe.each(DATABASE_KINDS)('request bodies as clients send them on %s', (kind) => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp(kind, { LEGACY_API_SECRET: SECRET, LEGACY_HASH_FAIL_LIMIT: '1000' });
    await addLegacyUser(app, { id: 'alice-1', username: 'alice' });
    await fundLegacyUser(app, 'alice-1', 1234n);
    await addLegacyUser(app, { id: 'jose-1', username: 'josé' });
    await fundLegacyUser(app, 'jose-1', 5n);
    await addLegacyUser(app, { id: 'c1-1', username: 'c\u0080' });
  });
  afterAll(async () => {
    await app?.close();
  });

  const legacy = (headers: Record<string, string>, body?: Buffer | string, method = 'POST', query = '') => send(app, method, `/api/user_balance_get${query}`, headers, body);

  it('reads a legacy form in ISO-8859-1 as in UTF-8, and JSON in UTF-16 or after a byte order mark', async () => {
    expect((await legacy({ 'content-type': 'application/x-www-form-urlencoded; charset=ISO-8859-1' }, FORM)).body).toBe(BALANCE);
    expect((await legacy({ 'content-type': 'application/json; charset=utf-16le' }, Buffer.from(JSON_BODY, 'utf16le'))).body).toBe(BALANCE);
    expect((await legacy(JSON_TYPE, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON_BODY)]))).body).toBe(BALANCE);
  });

  it('reads ISO-8859-1 forms byte for byte, raw or percent-escaped', async () => {
    const hash = sha1Hex('josé', SECRET);
    const latin1 = { 'content-type': 'application/x-www-form-urlencoded; charset=iso-8859-1' };
    expect((await legacy(latin1, Buffer.from(`username=jos\u00e9&hash=${hash}`, 'latin1'))).body).toBe(legacyXml.balance('0.05'));
    expect((await legacy(latin1, `username=jos%E9&hash=${hash}`)).body).toBe(legacyXml.balance('0.05'));
    // 0x80 is U+0080 in ISO-8859-1 (Windows-1252 would make it €), raw as escaped.
    const c1 = sha1Hex('c\u0080', SECRET);
    expect((await legacy(latin1, Buffer.concat([Buffer.from('username=c'), Buffer.from([0x80]), Buffer.from(`&hash=${c1}`)]))).body).toBe(legacyXml.balance('0.00'));
    expect((await legacy(latin1, `username=c%80&hash=${c1}`)).body).toBe(legacyXml.balance('0.00'));
    // The same escape read as UTF-8 is not é: the hash no longer matches.
    expect((await legacy(FORM_TYPE, `username=jos%E9&hash=${hash}`)).body).toBe(legacyXml.statusError('Incorrect hash'));
  });

  it('keeps serving after bodies that inflate past the limit and then turn out corrupt, or that HEAD sends', async () => {
    const corrupt = gzipSync(Buffer.alloc(200_000, 97));
    corrupt.fill(0, corrupt.length - 8);
    const auth = { authorization: `Bearer ${adminToken()}`, ...JSON_TYPE, 'content-encoding': 'gzip' };
    const refused = await send(app, 'POST', '/back-api/backoffice/balances', auth, corrupt);
    expect({ status: refused.status, body: JSON.parse(refused.body) }).toEqual({ status: 413, body: { statusCode: 413, message: 'Request body too large' } });
    expect((await legacy({ ...FORM_TYPE, 'content-encoding': 'gzip' }, corrupt)).body).toBe(legacyXml.statusError('Incorrect hash'));
    expect((await send(app, 'HEAD', '/health', { 'content-encoding': 'gzip' }, Buffer.alloc(3000, 0x55))).status).toBe(200);
    expect((await send(app, 'GET', '/health', {})).status).toBe(200);
  });

  it('answers a request that is not HTTP with 400 and closes the connection itself', async () => {
    const server = app.app.getHttpServer() as Server;
    const open = () => new Promise<number>((resolve, reject) => server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
    const before = await open();
    // A client that never closes its side: the server must not wait for it.
    const socket = connect({ host: new URL(app.url).hostname, port: Number(new URL(app.url).port), allowHalfOpen: true });
    const answer = await new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      socket.on('end', () => resolve(text));
      socket.write('GARBAGE\r\n\r\n');
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n[\s\S]*\r\n\r\n\{"statusCode":400,"message":"Bad Request"\}$/);
    let count = await open();
    for (let tries = 0; count > before && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      count = await open();
    }
    socket.destroy();
    expect(count).toBe(before);
  });

  it('reads a form sent with GET, as the legacy API always answered it', async () => {
    expect((await legacy(FORM_TYPE, FORM, 'GET')).body).toBe(BALANCE);
  });

  it('inflates gzip, deflate and br bodies', async () => {
    expect((await legacy({ ...FORM_TYPE, 'content-encoding': 'gzip' }, gzipSync(FORM))).body).toBe(BALANCE);
    expect((await legacy({ ...JSON_TYPE, 'content-encoding': 'deflate' }, deflateSync(JSON_BODY))).body).toBe(BALANCE);
    expect((await legacy({ ...JSON_TYPE, 'content-encoding': 'br' }, brotliCompressSync(JSON_BODY))).body).toBe(BALANCE);
  });

  it('answers from the query string when the Content-Type names no media type, and in XML when the body cannot be read', async () => {
    expect((await legacy({ 'content-type': 'json' }, 'x', 'POST', `?username=alice&hash=${HASH}`)).body).toBe(BALANCE);
    for (const headers of [{ ...FORM_TYPE, 'content-encoding': 'compress' }, { ...FORM_TYPE, 'content-encoding': 'gzip' }, { 'content-type': 'application/json; charset=koi8-r' }]) {
      const answer = await legacy(headers, FORM);
      expect({ headers, status: answer.status, body: answer.body }).toEqual({ headers, status: 200, body: legacyXml.statusError('Incorrect hash') });
    }
  });

  it('answers the backoffice in its JSON error shape: an unknown encoding 415, a body that does not inflate 400, an unknown charset 415', async () => {
    const auth = { authorization: `Bearer ${adminToken()}`, ...JSON_TYPE };
    const post = (headers: Record<string, string>, body: Buffer | string) => send(app, 'POST', '/back-api/backoffice/balances', { ...auth, ...headers }, body);
    const inflated = await post({ 'content-encoding': 'gzip' }, gzipSync('{"userIds":["alice-1"]}'));
    expect(inflated.status).toBe(200);
    expect(JSON.parse(inflated.body).data[0].userId).toBe('alice-1');
    const refusals = [
      [await post({ 'content-encoding': 'compress' }, '{}'), 415, 'Unsupported content encoding "compress"'],
      [await post({ 'content-encoding': 'gzip' }, '{}'), 400, 'Malformed request body'],
      [await post({ 'content-type': 'application/json; charset=koi8-r' }, '{}'), 415, 'Unsupported charset "KOI8-R"'],
    ] as const;
    for (const [answer, statusCode, message] of refusals) {
      expect({ status: answer.status, body: JSON.parse(answer.body) }).toEqual({ status: statusCode, body: { statusCode, message } });
      expect(answer.headers['x-request-id']).toEqual(expect.any(String));
    }
  });

  it('answers a path that cannot be decoded with 400 and a request id, in XML on the legacy paths', async () => {
    const rest = await send(app, 'GET', '/back-api/backoffice/user/%E0%A4%A/balance', { authorization: `Bearer ${adminToken()}` });
    expect(rest.status).toBe(400);
    expect(JSON.parse(rest.body)).toEqual({ statusCode: 400, message: expect.stringContaining('not a valid url component') });
    expect(rest.headers['x-request-id']).toEqual(expect.any(String));
    const old = await send(app, 'POST', '/api/%E0%A4%A', FORM_TYPE, FORM);
    expect({ status: old.status, body: old.body }).toEqual({ status: 200, body: legacyXml.statusError('Unknown API method') });
    expect(old.headers['x-request-id']).toEqual(expect.any(String));
  });
});
