import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { CheckedTarget } from './webhook-url.js';

/** What one attempt came to: the HTTP status and the start of the body, or why there was none. */
export type AttemptResult =
  | { readonly ok: boolean; readonly status: number; readonly body: string; readonly error: null }
  | { readonly ok: false; readonly status: null; readonly body: null; readonly error: string };

/** The delivery log keeps at most this much of a receiver's answer. */
export const LOGGED_BODY_BYTES = 1024;

/**
 * A `lookup` that answers the checked address whatever it is asked: the socket connects there,
 * while the request keeps the URL's host for `Host` and TLS (SNI and the certificate check), so
 * a name that resolves elsewhere a moment later (DNS rebinding) changes nothing.
 */
function pinnedLookup(target: CheckedTarget): LookupFunction {
  return ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  }) as LookupFunction;
}

/**
 * POSTs one body to the URL, connecting to the checked address only. A 2xx within `timeoutMs`
 * (connecting, answering and the body included) delivers; a redirect is an answer like any other
 * non-2xx (never followed); no answer in time is a timeout. With an `agent` (keep-alive, for this
 * URL and this checked address: EndpointAgents), a connection whose answer was read whole goes
 * back to it for the next attempt; any other ends with the attempt.
 */
export function postOnce(url: URL, target: CheckedTarget, headers: Record<string, string>, body: string, timeoutMs: number, agent: http.Agent | false = false): Promise<AttemptResult> {
  const client = url.protocol === 'https:' ? https : http;
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: AttemptResult, answeredWhole = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // A connection with an unread answer, or none, cannot carry another request.
      if (!answeredWhole || !agent) request.destroy();
      resolve(result);
    };
    const request = client.request({
      method: 'POST',
      protocol: url.protocol,
      hostname,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      lookup: pinnedLookup(target),
      agent,
      headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'balance-ledger-webhooks' },
    });
    const timer = setTimeout(() => settle({ ok: false, status: null, body: null, error: `timed out after ${timeoutMs / 1000} s` }), timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) => settle({ ok: false, status: null, body: null, error: error.code ? `${error.code}: ${error.message}` : error.message }));
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      const done = (answeredWhole: boolean) => {
        const text = Buffer.concat(chunks).subarray(0, LOGGED_BODY_BYTES).toString('utf8');
        settle({ ok: status >= 200 && status < 300, status, body: text, error: null }, answeredWhole);
      };
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        // The rest of a large answer is not needed: stop reading it.
        if (size >= LOGGED_BODY_BYTES) done(false);
      });
      response.on('end', () => done(true));
      response.on('error', () => done(false));
    });
    request.end(body);
  });
}
