import { request, type IncomingMessage } from 'node:http';
import { adminToken } from './tokens.js';

/** An export under way, read at the test's pace (nothing is read until asked). */
export interface Download {
  readonly status: number;
  readonly headers: IncomingMessage['headers'];
  /** Reads until at least `bytes` have arrived (or the end), then stops reading. */
  readAtLeast(bytes: number): Promise<string>;
  /** Reads everything that is left; resolves with the whole text received. */
  rest(): Promise<string>;
  /** Closes the connection mid-way, as a client giving up does. */
  abort(): void;
}

/**
 * GET `path` on the server at `baseUrl` with an admin token, through node:http rather than fetch,
 * so that the body is read only as the test asks (and the OpenAPI check, which reads it whole
 * first, stays out of the way: the routes it reads are checked in their own tests).
 */
export function startDownload(baseUrl: string, path: string, token = adminToken()): Promise<Download> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    // A connection of its own (agent: false): node's global agent keeps sockets open for 5 s, as
    // long as the server's keep-alive, so one taken from the pool at that moment can be closed
    // by the server as the request goes out (ECONNRESET), which a loaded machine made happen.
    const req = request(url, { headers: { authorization: `Bearer ${token}` }, agent: false }, (res) => {
      res.pause();
      let text = '';
      let ended = false;
      res.setEncoding('utf8');
      const ending = new Promise<void>((done, fail) => {
        res.on('end', () => {
          ended = true;
          done();
        });
        res.on('error', fail);
      });
      ending.catch(() => undefined);
      const readUntil = (enough: () => boolean) =>
        new Promise<string>((done, fail) => {
          if (ended || enough()) return done(text);
          const onData = (chunk: string) => {
            text += chunk;
            if (enough()) finish();
          };
          const finish = () => {
            res.pause();
            res.off('data', onData);
            done(text);
          };
          res.on('data', onData);
          ending.then(finish, fail);
          res.resume();
        });
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        readAtLeast: (bytes) => readUntil(() => text.length >= bytes),
        rest: () => readUntil(() => false),
        abort: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}
