import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { principalFromClaims } from './claims.js';
import { jwtVerification } from './jwt-options.js';
import type { Principal } from './principal.js';
import { SessionIntrospection } from './session-introspection.js';
import { isJwtShaped, MAX_TOKEN_LENGTH } from './token-shape.js';

/**
 * What a presented credential proved. `refused`: the credential is bad (counted as a failed
 * authentication); `unavailable`: nobody could say (the identity provider is unreachable or
 * answered nonsense), which refuses too but is not the caller's fault.
 */
export type CredentialCheck =
  | {
      readonly kind: 'valid';
      readonly principal: Principal;
      /** Epoch ms (real time) at which the credential's authority ends: a JWT's `exp`, a session's `exp` if it gave one. */
      readonly expiresAt: number | null;
      /** Epoch ms at which an opaque session must be introspected again (its cache ran out); null for a JWT. */
      readonly recheckAt: number | null;
    }
  | { readonly kind: 'refused' }
  | { readonly kind: 'unavailable' };

/**
 * Verifies a credential outside passport (the socket.io handshake), with the same policy as the
 * REST strategies: a JWT is verified locally and never introspected; anything else is an opaque
 * session token, checked by introspection when it is configured and refused otherwise.
 */
@Injectable()
export class TokenVerifier {
  private readonly policy: ReturnType<typeof jwtVerification>;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly sessions: SessionIntrospection,
  ) {
    this.policy = jwtVerification(config.jwt);
  }

  /** The principal, or null for any credential that is missing, expired, unsigned, wrongly signed or not admitted. */
  async verify(token: string | undefined | null): Promise<Principal | null> {
    const check = await this.check(token);
    return check.kind === 'valid' ? check.principal : null;
  }

  /** What the credential proves, and until when. */
  async check(token: string | undefined | null): Promise<CredentialCheck> {
    if (!token || token.length > MAX_TOKEN_LENGTH) return { kind: 'refused' };
    if (isJwtShaped(token)) return this.checkJwt(token);
    const principal = await this.sessions.principalFor(token);
    return principal ? { kind: 'valid', principal, expiresAt: null, recheckAt: null } : { kind: 'refused' };
  }

  private checkJwt(token: string): CredentialCheck {
    try {
      const claims = jwt.verify(token, this.policy.key, {
        algorithms: this.policy.algorithms,
        issuer: this.policy.issuer,
        audience: this.policy.audience,
      });
      const principal = principalFromClaims(claims);
      if (!principal) return { kind: 'refused' };
      const exp = (claims as { exp?: unknown }).exp;
      return { kind: 'valid', principal, expiresAt: typeof exp === 'number' ? exp * 1000 : null, recheckAt: null };
    } catch {
      return { kind: 'refused' };
    }
  }
}
