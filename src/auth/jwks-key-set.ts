import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { readBoundedText } from './bounded-body.js';

/** Which key verifies a token, or why none does. */
export type KeyLookup =
  | { readonly kind: 'key'; readonly key: KeyObject | string }
  /** No key of the identity provider fits: the token is refused. */
  | { readonly kind: 'unknown'; readonly reason: string }
  /** The keys could not be fetched: the token is refused, but not for anything the caller did. */
  | { readonly kind: 'unavailable'; readonly reason: string };

export interface JwksTiming {
  /** An unknown `kid` fetches the keys again at most this often (a flood of made-up kids costs one fetch). */
  readonly minRefreshIntervalMs: number;
  /** A key set older than this is fetched again before use, so a key the provider withdrew stops working. */
  readonly freshForMs: number;
  /** When that fetch fails, the old set still serves until it is this old; then tokens are refused. */
  readonly usableForMs: number;
  /** After a failed fetch, the next one waits this long (every request meanwhile is refused). */
  readonly retryAfterFailureMs: number;
  readonly timeoutMs: number;
}

export const JWKS_TIMING: JwksTiming = {
  minRefreshIntervalMs: 10_000,
  freshForMs: 10 * 60_000,
  usableForMs: 60 * 60_000,
  retryAfterFailureMs: 1_000,
  timeoutMs: 3_000,
};

/** A JWKS document is a few kilobytes; more keys than this, or a larger body, is not a key set. */
const MAX_DOCUMENT_BYTES = 256 * 1024;
const MAX_KEYS = 100;
const MAX_KID_LENGTH = 256;
const MIN_RSA_BITS = 2048;

interface SigningKey {
  readonly kid: string | null;
  readonly key: KeyObject;
}

/**
 * The identity provider's RS256 signing keys (JWT_JWKS_URL), as Keycloak and Auth0 publish
 * them. Fetched on first use, selected by the token's `kid`, fetched again when a token names a
 * `kid` the set does not have (the provider rotated its keys) at most once per
 * `minRefreshIntervalMs`, and when the set is older than `freshForMs`. Concurrent fetches are
 * one. A key set that cannot be fetched never admits anything: such tokens are `unavailable`.
 *
 * Times are wall-clock (a token's `exp` is the provider's real time), injectable for tests.
 */
export class JwksKeySet {
  private readonly logger = new Logger('Jwks');
  private keys: readonly SigningKey[] | null = null;
  private loadedAt = -Infinity;
  private lastRefreshAt = -Infinity;
  private lastFailureAt = -Infinity;
  private lastProblem = 'keys not fetched yet';
  private loading: Promise<boolean> | null = null;

  constructor(
    private readonly url: string,
    private readonly timing: JwksTiming = JWKS_TIMING,
    private readonly now: () => number = Date.now,
  ) {}

  /** The key for a token whose header names `kid` (null: no `kid`, which a set of one key may answer). */
  async keyFor(kid: string | null): Promise<KeyLookup> {
    if (kid !== null && (kid.length === 0 || kid.length > MAX_KID_LENGTH)) return { kind: 'unknown', reason: 'unusable kid' };
    if (this.keys === null || this.now() - this.loadedAt >= this.timing.freshForMs) await this.load();
    if (!this.usable()) return { kind: 'unavailable', reason: this.lastProblem };
    const found = this.select(kid);
    if (found) return { kind: 'key', key: found };
    if (kid === null) return { kind: 'unknown', reason: 'token has no kid and the key set has more than one key' };
    // A fetch under way may bring the kid; otherwise ask again, unless that was done just now.
    if (this.loading === null) {
      if (this.now() - this.lastRefreshAt < this.timing.minRefreshIntervalMs) return { kind: 'unknown', reason: 'unknown kid' };
      this.lastRefreshAt = this.now();
    }
    if (!(await this.load())) return { kind: 'unavailable', reason: this.lastProblem };
    const refreshed = this.select(kid);
    return refreshed ? { kind: 'key', key: refreshed } : { kind: 'unknown', reason: 'unknown kid' };
  }

  private usable(): boolean {
    return this.keys !== null && this.now() - this.loadedAt < this.timing.usableForMs;
  }

  private select(kid: string | null): KeyObject | undefined {
    const keys = this.keys ?? [];
    if (kid === null) return keys.length === 1 ? keys[0].key : undefined;
    return keys.find((k) => k.kid === kid)?.key;
  }

  /** Fetches the set (or joins the fetch under way); true when a new set arrived. */
  private load(): Promise<boolean> {
    if (this.loading) return this.loading;
    if (this.now() - this.lastFailureAt < this.timing.retryAfterFailureMs) return Promise.resolve(false);
    this.loading = this.fetchKeys()
      .then(
        (keys) => {
          this.keys = keys;
          this.loadedAt = this.now();
          return true;
        },
        (error: unknown) => {
          this.lastFailureAt = this.now();
          this.lastProblem = error instanceof Error ? error.message : 'JWKS fetch failed';
          this.logger.warn(`JWT keys not refreshed: ${this.lastProblem}`);
          return false;
        },
      )
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  private async fetchKeys(): Promise<SigningKey[]> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        headers: { accept: 'application/json' },
        // Bounds the whole exchange, body included: a slow endpoint refuses rather than stalls.
        signal: AbortSignal.timeout(this.timing.timeoutMs),
        // A redirect is a misconfiguration; the keys come from the configured place or not at all.
        redirect: 'error',
      });
    } catch (error) {
      throw this.transportFailure(error);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`JWKS endpoint answered HTTP ${response.status}`);
    }
    let text: string | null;
    try {
      text = await readBoundedText(response, MAX_DOCUMENT_BYTES);
    } catch (error) {
      throw this.transportFailure(error);
    }
    if (text === null) throw new Error('JWKS document too large');
    return parseKeySet(text);
  }

  private transportFailure(error: unknown): Error {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return new Error(timedOut ? `JWKS endpoint gave no answer within ${this.timing.timeoutMs} ms` : 'JWKS endpoint unreachable', { cause: error });
  }
}

/**
 * The RS256 signature keys of a JWKS document. Keys for other algorithms, for encryption,
 * shorter than 2048 bits, or that do not import are skipped; a document with none left is refused as a whole.
 */
export function parseKeySet(text: string): SigningKey[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new Error('JWKS document is not JSON');
  }
  const listed = typeof document === 'object' && document !== null ? (document as { keys?: unknown }).keys : undefined;
  if (!Array.isArray(listed)) throw new Error('JWKS document has no "keys" array');
  const keys: SigningKey[] = [];
  for (const jwk of listed.slice(0, MAX_KEYS)) {
    const key = rs256Key(jwk);
    if (key) keys.push(key);
  }
  if (keys.length === 0) throw new Error('JWKS document has no RS256 signature key');
  return keys;
}

function rs256Key(jwk: unknown): SigningKey | null {
  if (typeof jwk !== 'object' || jwk === null) return null;
  const { kty, use, alg, kid, n, e } = jwk as Record<string, unknown>;
  if (kty !== 'RSA' || typeof n !== 'string' || typeof e !== 'string') return null;
  if ((use !== undefined && use !== 'sig') || (alg !== undefined && alg !== 'RS256')) return null;
  if (kid !== undefined && (typeof kid !== 'string' || kid.length === 0 || kid.length > MAX_KID_LENGTH)) return null;
  try {
    // Only the public members: a set that leaked a private key still yields just the public one.
    const key = createPublicKey({ key: { kty: 'RSA', n, e } as JsonWebKey, format: 'jwk' });
    // jsonwebtoken refuses shorter RSA keys anyway; skipping them here keeps them out of `kid` selection.
    if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < MIN_RSA_BITS) return null;
    return { kid: kid ?? null, key };
  } catch {
    return null;
  }
}
