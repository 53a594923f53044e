import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { checkClaims, jsonWebTokenOptions, jwtPolicy, type JwtPolicy } from './jwt-options.js';
import { JwtKeys } from './jwt-keys.js';
import type { Principal } from './principal.js';
import { SessionIntrospection } from './session-introspection.js';
import { isJwtShaped, MAX_TOKEN_LENGTH } from './token-shape.js';

/**
 * What a presented credential proved. `refused`: the credential is bad (counted as a failed
 * authentication); `unavailable`: nobody could say (the identity provider or its keys are
 * unreachable, or it answered nonsense), which refuses too but is not the caller's fault.
 * `reason` is for logs: it never contains the credential.
 */
export type CredentialCheck =
  | {
      readonly kind: 'valid';
      readonly principal: Principal;
      /** Epoch ms (real time) at which the credential's authority ends: a JWT's `exp`, a session's `exp` if it gave one. */
      readonly expiresAt: number | null;
      /**
       * Epoch ms at which an opaque session must be introspected again: when its cached answer
       * runs out (AUTH_INTROSPECTION_CACHE_S after it was asked; 5 s with the cache off). Call
       * `check(token, { fresh: true })` then. Null for a JWT, whose claims cannot change.
       */
      readonly recheckAt: number | null;
    }
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'unavailable'; readonly reason: string };

/**
 * Verifies a credential outside passport (the socket.io handshake), with the same policy as the
 * REST strategies: a JWT is verified locally (jwt-options.ts, jwt-keys.ts) and never
 * introspected; anything else is an opaque session token, checked by introspection when it is
 * configured and refused otherwise.
 */
@Injectable()
export class TokenVerifier {
  private readonly policy: JwtPolicy;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly keys: JwtKeys,
    private readonly sessions: SessionIntrospection,
  ) {
    this.policy = jwtPolicy(config.jwt);
  }

  /** The principal, or null for any credential that is missing, expired, unsigned, wrongly signed or not admitted. */
  async verify(token: string | undefined | null): Promise<Principal | null> {
    const check = await this.check(token);
    return check.kind === 'valid' ? check.principal : null;
  }

  /**
   * What the credential proves, and until when. `fresh`: an opaque session is asked about again
   * rather than answered from the cache (the recheck of an open socket at `recheckAt`).
   */
  async check(token: string | undefined | null, options: { fresh?: boolean } = {}): Promise<CredentialCheck> {
    if (!token) return { kind: 'refused', reason: 'no credential' };
    if (token.length > MAX_TOKEN_LENGTH) return { kind: 'refused', reason: 'credential too long' };
    if (isJwtShaped(token)) return this.checkJwt(token);
    const session = await this.sessions.check(token, options);
    if (session.kind !== 'active') return session;
    return { kind: 'valid', principal: session.principal, expiresAt: session.expiresAt, recheckAt: session.recheckAt };
  }

  private async checkJwt(token: string): Promise<CredentialCheck> {
    const lookup = await this.keys.keyFor(token);
    if (lookup.kind === 'unavailable') return lookup;
    if (lookup.kind === 'unknown') return { kind: 'refused', reason: lookup.reason };
    let claims: unknown;
    try {
      claims = jwt.verify(token, lookup.key, jsonWebTokenOptions(this.policy));
    } catch (error) {
      return { kind: 'refused', reason: error instanceof Error ? error.message : 'invalid token' };
    }
    const check = checkClaims(claims, this.policy, Date.now());
    if (check.kind === 'refused') return check;
    return { kind: 'valid', principal: check.principal, expiresAt: check.expiresAt, recheckAt: null };
  }
}
