import { createHash } from 'node:crypto';
import { request } from 'node:http';

/** What a legacy XML call answered. */
export interface LegacyAnswer {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: string;
}

export interface LegacyCall {
  readonly method?: 'GET' | 'POST';
  readonly query?: Record<string, string>;
  /** Sent as an application/x-www-form-urlencoded body. */
  readonly form?: Record<string, string>;
  /** Another loopback source address (127.0.0.2, …) makes the call a different client. */
  readonly localAddress?: string;
}

/** A raw HTTP call (node:http rather than fetch, so the source address can be chosen). */
export function legacyCall(baseUrl: string, path: string, call: LegacyCall = {}): Promise<LegacyAnswer> {
  const url = new URL(path, baseUrl);
  for (const [name, value] of Object.entries(call.query ?? {})) url.searchParams.append(name, value);
  const body = call.form ? new URLSearchParams(call.form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: call.method ?? 'POST',
        localAddress: call.localAddress,
        headers: body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The documented hash, computed independently of the service: hex SHA1 of the values then the secret. */
export const sha1Hex = (...parts: string[]): string => createHash('sha1').update(parts.join(''), 'utf8').digest('hex');

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** The exact documents the API must answer (pretty-printed as in the Kolmisoft examples). */
export const legacyXml = {
  statusError: (message: string) => `${HEAD}<status>\n  <error>${message}</error>\n</status>`,
  pageError: (message: string) => `${HEAD}<page>\n  <error>${message}</error>\n</page>`,
  balance: (balance: string, currency?: string) =>
    `${HEAD}<page>\n  <balance>${balance}</balance>\n${currency === undefined ? '' : `  <currency>${currency}</currency>\n`}</page>`,
  updated: (username: string, id: string, balance: string) =>
    `${HEAD}<page>\n  <status>User balance updated</status>\n  <user>\n    <username>${username}</username>\n    <id>${id}</id>\n    <balance>${balance}</balance>\n  </user>\n</page>`,
};
