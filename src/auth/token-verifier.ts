import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { principalFromClaims } from './claims.js';
import { jwtVerification } from './jwt-options.js';
import type { Principal } from './principal.js';

/** Verifies a bearer token outside passport (the socket.io handshake); same policy as the strategy. */
@Injectable()
export class TokenVerifier {
  private readonly policy: ReturnType<typeof jwtVerification>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.policy = jwtVerification(config.jwt);
  }

  /** The principal, or null for any token that is missing, expired, unsigned or wrongly signed. */
  verify(token: string | undefined | null): Principal | null {
    if (!token || token.length > 8192) return null;
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
