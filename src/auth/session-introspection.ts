import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { readIntrospectionAnswer } from './introspection-answer.js';
import { IntrospectionEndpoint, IntrospectionUnavailable } from './introspection-endpoint.js';
import type { Principal } from './principal.js';
import { isSessionTokenShaped } from './token-shape.js';

/** Most sessions remembered at once; beyond it the oldest answer is forgotten (and asked again). */
export const MAX_CACHED_SESSIONS = 10_000;

interface CachedSession {
  readonly principal: Principal;
  /** Epoch ms after which the answer is not reused: the cache window or the token's `exp`, whichever is first. */
  readonly until: number;
}

/**
 * Opaque session tokens, checked by OAuth 2.0 token introspection (RFC 7662) when
 * AUTH_INTROSPECTION_URL is set. Active answers are reused for AUTH_INTROSPECTION_CACHE_S and
 * never past their `exp`; refusals are not cached, so a retry asks again. Identical lookups in
 * flight share one request. Tokens are kept only as SHA-256 digests.
 *
 * Times are wall-clock (Date.now), not the service's test clock: `exp` is the identity
 * provider's real time, as for JWTs.
 */
@Injectable()
export class SessionIntrospection {
  private readonly logger = new Logger('Introspection');
  private readonly endpoint: IntrospectionEndpoint | null;
  private readonly cacheMs: number;
  private readonly cache = new Map<string, CachedSession>();
  private readonly inFlight = new Map<string, Promise<Principal | null>>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.endpoint = config.introspection ? new IntrospectionEndpoint(config.introspection) : null;
    this.cacheMs = (config.introspection?.cacheSeconds ?? 0) * 1000;
  }

  /** The session's principal, or null: not configured, not an opaque token, inactive, or no trustworthy answer. */
  async principalFor(token: string): Promise<Principal | null> {
    if (this.endpoint === null || !isSessionTokenShaped(token)) return null;
    const key = createHash('sha256').update(token).digest('base64url');
    const cached = this.cache.get(key);
    if (cached && cached.until > Date.now()) return cached.principal;
    if (cached) this.cache.delete(key);
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const lookup = this.lookUp(this.endpoint, token, key).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, lookup);
    return lookup;
  }

  private async lookUp(endpoint: IntrospectionEndpoint, token: string, key: string): Promise<Principal | null> {
    // The cache window starts when the question is asked, so an answer is never older than it.
    const askedAt = Date.now();
    let answer: unknown;
    try {
      answer = await endpoint.ask(token);
    } catch (error) {
      this.logger.warn(`Opaque token refused: ${error instanceof IntrospectionUnavailable ? error.message : 'introspection failed'}`);
      return null;
    }
    const verdict = readIntrospectionAnswer(answer, Date.now());
    if (verdict.kind === 'malformed') {
      this.logger.warn(`Opaque token refused: malformed introspection answer (${verdict.reason})`);
      return null;
    }
    if (verdict.kind === 'inactive') return null;
    const until = Math.min(askedAt + this.cacheMs, verdict.expiresAt ?? Infinity);
    if (until > Date.now()) this.remember(key, { principal: verdict.principal, until });
    return verdict.principal;
  }

  private remember(key: string, session: CachedSession): void {
    this.cache.delete(key);
    if (this.cache.size >= MAX_CACHED_SESSIONS) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, session);
  }
}
