import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { principalFromClaims } from './claims.js';
import { jwtVerification } from './jwt-options.js';
import type { Principal } from './principal.js';
import { SessionIntrospection } from './session-introspection.js';
import { isJwtShaped, MAX_TOKEN_LENGTH } from './token-shape.js';

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
    if (!token || token.length > MAX_TOKEN_LENGTH) return null;
    return isJwtShaped(token) ? this.verifyJwt(token) : this.sessions.principalFor(token);
  }

  private verifyJwt(token: string): Principal | null {
    try {
      const claims = jwt.verify(token, this.policy.key, {
        algorithms: this.policy.algorithms,
        issuer: this.policy.issuer,
        audience: this.policy.audience,
      });
      return principalFromClaims(claims);
    } catch {
      return null;
    }
  }
}
