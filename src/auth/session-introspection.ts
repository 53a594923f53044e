import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { readIntrospectionAnswer } from './introspection-answer.js';
import { IntrospectionEndpoint, IntrospectionUnavailable } from './introspection-endpoint.js';
import type { Principal } from './principal.js';
import { isSessionTokenShaped } from './token-shape.js';

/** Most sessions remembered at once, per cache; beyond it the oldest answer is forgotten (and asked again). */
export const MAX_CACHED_SESSIONS = 10_000;

/** The longest an `active: false` answer is remembered (and never longer than AUTH_INTROSPECTION_CACHE_S). */
export const INACTIVE_CACHE_MAX_MS = 30_000;

/**
 * When an open socket's session is asked about again with AUTH_INTROSPECTION_CACHE_S=0: every
 * request asks anyway, but a socket would otherwise never ask again.
 */
export const RECHECK_WITHOUT_CACHE_MS = 5_000;

/** What the identity provider says of a session token. */
export type SessionCheck =
  | {
      readonly kind: 'active';
      readonly principal: Principal;
      /** Epoch ms of the answer's `exp`, or null without one. */
      readonly expiresAt: number | null;
      /** Epoch ms at which the answer's cache time is over: a check at or after it asks the endpoint again. */
      readonly recheckAt: number;
    }
  /** The credential is bad: not a session token, `active: false`, expired or not yet valid, or introspection is off. */
  | { readonly kind: 'refused'; readonly reason: string }
  /** Nobody could say: the endpoint failed, was slow or unreachable, or answered nonsense. Refuses too. */
  | { readonly kind: 'unavailable'; readonly reason: string };

type ActiveSession = Extract<SessionCheck, { kind: 'active' }>;

interface CachedSession {
  readonly session: ActiveSession;
  /** Epoch ms after which the answer is not reused: the cache window or the token's `exp`, whichever is first. */
  readonly until: number;
}

/**
 * Opaque session tokens, checked by OAuth 2.0 token introspection (RFC 7662) when
 * AUTH_INTROSPECTION_URL is set. Active answers are reused for AUTH_INTROSPECTION_CACHE_S and
 * never past their `exp`; `active: false` answers for the shorter of that and 30 s, so a flood
 * of one junk token costs one call; failures and malformed answers are not cached, so a retry
 * asks again. Identical lookups in flight share one request. Tokens are kept only as SHA-256
 * digests.
 *
 * Times are wall-clock (Date.now), not the service's test clock: `exp` is the identity
 * provider's real time, as for JWTs.
 */
@Injectable()
export class SessionIntrospection {
  private readonly logger = new Logger('Introspection');
  private readonly endpoint: IntrospectionEndpoint | null;
  private readonly cacheMs: number;
  private readonly inactiveCacheMs: number;
  private readonly active = new Map<string, CachedSession>();
  /** Digest → epoch ms until which the token is known inactive. */
  private readonly inactive = new Map<string, number>();
  private readonly inFlight = new Map<string, Promise<SessionCheck>>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.endpoint = config.introspection ? new IntrospectionEndpoint(config.introspection) : null;
    this.cacheMs = (config.introspection?.cacheSeconds ?? 0) * 1000;
    this.inactiveCacheMs = Math.min(this.cacheMs, INACTIVE_CACHE_MAX_MS);
  }

  /** The session's principal, or null: not configured, not an opaque token, inactive, or no trustworthy answer. */
  async principalFor(token: string): Promise<Principal | null> {
    const check = await this.check(token);
    return check.kind === 'active' ? check.principal : null;
  }

  /**
   * What the session token is worth now. `fresh`: do not reuse a cached active answer (an open
   * socket's recheck); a known-inactive answer still refuses, since it is never older news.
   */
  async check(token: string, options: { fresh?: boolean } = {}): Promise<SessionCheck> {
    if (this.endpoint === null) return { kind: 'refused', reason: 'opaque tokens need AUTH_INTROSPECTION_URL' };
    if (!isSessionTokenShaped(token)) return { kind: 'refused', reason: 'not a session token' };
    const key = createHash('sha256').update(token).digest('base64url');
    const now = Date.now();
    const inactiveUntil = this.inactive.get(key);
    if (inactiveUntil !== undefined && inactiveUntil > now) return { kind: 'refused', reason: 'session inactive' };
    if (inactiveUntil !== undefined) this.inactive.delete(key);
    const cached = this.active.get(key);
    if (cached && cached.until > now && !options.fresh) return cached.session;
    if (cached && cached.until <= now) this.active.delete(key);
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const lookup = this.lookUp(this.endpoint, token, key).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, lookup);
    return lookup;
  }

  private async lookUp(endpoint: IntrospectionEndpoint, token: string, key: string): Promise<SessionCheck> {
    // The cache window starts when the question is asked, so an answer is never older than it.
    const askedAt = Date.now();
    let answer: unknown;
    try {
      answer = await endpoint.ask(token);
    } catch (error) {
      const reason = error instanceof IntrospectionUnavailable ? error.message : 'introspection failed';
      this.logger.warn(`Opaque token refused: ${reason}`);
      return { kind: 'unavailable', reason };
    }
    const verdict = readIntrospectionAnswer(answer, Date.now());
    if (verdict.kind === 'malformed') {
      this.logger.warn(`Opaque token refused: malformed introspection answer (${verdict.reason})`);
      return { kind: 'unavailable', reason: `malformed introspection answer (${verdict.reason})` };
    }
    if (verdict.kind === 'inactive') {
      // Only the endpoint's own `active: false` is remembered: a token not yet valid may become so.
      if (verdict.reason === 'inactive' && this.inactiveCacheMs > 0) this.rememberInactive(key, askedAt + this.inactiveCacheMs);
      return { kind: 'refused', reason: `session ${verdict.reason}` };
    }
    const session: ActiveSession = {
      kind: 'active',
      principal: verdict.principal,
      expiresAt: verdict.expiresAt,
      recheckAt: askedAt + (this.cacheMs > 0 ? this.cacheMs : RECHECK_WITHOUT_CACHE_MS),
    };
    const until = Math.min(askedAt + this.cacheMs, verdict.expiresAt ?? Infinity);
    this.inactive.delete(key);
    if (until > Date.now()) remember(this.active, key, { session, until });
    return session;
  }

  private rememberInactive(key: string, until: number): void {
    this.active.delete(key);
    remember(this.inactive, key, until);
  }
}

/** Sets `key` as the newest entry of a bounded map, forgetting the oldest one when it is full. */
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  if (map.size >= MAX_CACHED_SESSIONS) map.delete(map.keys().next().value!);
  map.set(key, value);
}
