import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { UsersService } from '../../src/auth/users.service.js';
import { LedgerService } from '../../src/ledger/ledger.service.js';
import { SYSTEM_ACCOUNTS } from '../../src/ledger/system-accounts.js';
import type { RunningApp } from './app-harness.js';

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
  /** Sent as an application/json body (any JSON value, so malformed parameters can be sent too). */
  readonly json?: unknown;
  /** Sent as is, with this content type (for bodies no parser accepts). */
  readonly raw?: { readonly contentType: string; readonly text: string };
  /** Another loopback source address (127.0.0.2, …) makes the call a different client. */
  readonly localAddress?: string;
  /** Further request headers (`x-forwarded-for`, `x-request-id`). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A raw HTTP call (node:http rather than fetch, so the source address can be chosen). */
export function legacyCall(baseUrl: string, path: string, call: LegacyCall = {}): Promise<LegacyAnswer> {
  const url = new URL(path, baseUrl);
  for (const [name, value] of Object.entries(call.query ?? {})) url.searchParams.append(name, value);
  const { body, contentType } = bodyOf(call);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: call.method ?? 'POST',
        localAddress: call.localAddress,
        headers: { ...call.headers, ...(body === undefined ? {} : { 'content-type': contentType, 'content-length': Buffer.byteLength(body) }) },
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

function bodyOf(call: LegacyCall): { body?: string; contentType?: string } {
  if (call.form) return { body: new URLSearchParams(call.form).toString(), contentType: 'application/x-www-form-urlencoded' };
  if (call.json !== undefined) return { body: JSON.stringify(call.json), contentType: 'application/json' };
  if (call.raw) return { body: call.raw.text, contentType: call.raw.contentType };
  return {};
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
  /** Nested page in page, as the real server answers an update. */
  updated: (username: string, id: string, balance: string) =>
    `${HEAD}<page>\n  <page>\n    <status>User balance updated</status>\n    <user>\n      <username>${username}</username>\n      <id>${id}</id>\n      <balance>${balance}</balance>\n    </user>\n  </page>\n</page>`,
};

/** A user as the legacy API sees one: the record a JWT would have created. */
export async function addLegacyUser(
  app: RunningApp,
  user: { id: string; username: string; currency?: string | null; roles?: string[] },
): Promise<void> {
  await app.app.get(UsersService).upsert({ id: user.id, username: user.username, email: null, roles: user.roles ?? [], currency: user.currency ?? null });
}

/** Funds a user the way money enters the system: a posting from the issuer. */
export async function fundLegacyUser(app: RunningApp, userId: string, minor: bigint, asset = 'usd'): Promise<void> {
  await app.app.get(LedgerService).post({
    kind: 'adjustment',
    action: 'testFunding',
    legs: [
      { ownerId: SYSTEM_ACCOUNTS.issuer, asset, amount: -minor, type: 'system' },
      { ownerId: userId, asset, amount: minor, type: 'mining' },
    ],
  });
}

/** A user's whole usd balance, in minor units. */
export const usdBalance = async (app: RunningApp, userId: string): Promise<bigint> => (await app.app.get(LedgerService).balanceOf(userId, 'usd')).balance;
