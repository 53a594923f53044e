import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect } from 'node:net';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { parseRawAnswer, rawRequest } from '../support/raw-http.js';
import { adminToken } from '../support/tokens.js';

/**
 * The limits the server is started with (HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS; 15 s
 * and 30 s by default, test/unit/config.spec): short, so that the test waits seconds, not half a minute.
 */
const HEADERS_LIMIT_S = 3;
const REQUEST_LIMIT_S = 6;
/** How long a trickle is watched before it counts as never cut off. */
const WATCH_MS = (REQUEST_LIMIT_S + 10) * 1000;
const BYTE_EVERY_MS = 75;

interface Trickled {
  /** The status the server answered before closing, 0 for none; null when it was still open at the end. */
  readonly status: number | null;
  readonly afterSeconds: number;
}

/**
 * A client that sends `start` at once and then one byte every BYTE_EVERY_MS: the next byte of
 * `rest` while there is one, else `filler` for as long as the server listens (a client that never
 * finishes). Resolves when the server closes the connection, or after WATCH_MS.
 */
function trickle(app: RunningApp, start: string, rest: string, filler: string | null): Promise<Trickled> {
  const url = new URL(app.url);
  const began = Date.now();
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    let received = '';
    let next = 0;
    const settle = (status: number | null) => {
      clearInterval(timer);
      clearTimeout(watch);
      socket.destroy();
      resolve({ status, afterSeconds: Math.round((Date.now() - began) / 100) / 10 });
    };
    const timer = setInterval(() => {
      const byte = next < rest.length ? rest[next++] : filler;
      if (byte !== null && socket.writable) socket.write(byte);
    }, BYTE_EVERY_MS);
    const watch = setTimeout(() => settle(null), WATCH_MS);
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      // An in-time request is answered and the connection kept alive: its answer is the end.
      if (/\r\n\r\n/.test(received) && filler === null) settle(parseRawAnswer(received).status);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => settle(parseRawAnswer(received).status));
    socket.write(start);
  });
}

/** §10 "Floods": request headers within 15 s, a whole request within 30 s (configurable); a slow client holds a connection no longer. */
describe('slow clients are cut off (SQLite: no database is involved)', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp('sqlite', { HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_LIMIT_S * 1000), HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_LIMIT_S * 1000) });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('headers trickled past their limit get 408 within about a second of it, a body trickled past the request limit likewise, and a slow request that keeps to both limits is answered', async () => {
    const body = JSON.stringify({ userIds: ['slow-user'] });
    const post = (length: number) =>
      `POST /back-api/backoffice/balances HTTP/1.1\r\nHost: ledger\r\nAuthorization: Bearer ${adminToken()}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n`;
    // The three run side by side: the whole test takes as long as the slowest, about REQUEST_LIMIT_S + 1.
    const [slowHeaders, slowBody, inTime] = await Promise.all([
      trickle(app, 'GET /health HTTP/1.1\r\nHost: ledger\r\nX-Slow: ', '', 'a'),
      trickle(app, `${post(100_000)}\r\n{"userIds":["`, '', 'a'),
      // The headers end after about 1 s and the body after about 3 s: slow, but within both limits.
      trickle(app, post(body.length), `X-Slow: ab\r\n\r\n${body}`, null),
    ]);
    expect(slowHeaders).toEqual({ status: 408, afterSeconds: expect.any(Number) });
    expect(slowHeaders.afterSeconds).toBeGreaterThanOrEqual(HEADERS_LIMIT_S - 0.5);
    expect(slowHeaders.afterSeconds).toBeLessThan(HEADERS_LIMIT_S + 5);
    expect(slowBody).toEqual({ status: 408, afterSeconds: expect.any(Number) });
    expect(slowBody.afterSeconds).toBeGreaterThanOrEqual(REQUEST_LIMIT_S - 0.5);
    expect(slowBody.afterSeconds).toBeLessThan(REQUEST_LIMIT_S + 5);
    expect(inTime.status).toBe(200);
    // Cutting them off cost the server nothing.
    expect((await rawRequest(app.url, 'GET', '/health')).status).toBe(200);
  }, 60_000);
});
