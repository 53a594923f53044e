import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { principalFromClaims } from './claims.js';
import { jwtVerification } from './jwt-options.js';
import type { Principal } from './principal.js';
import { UsersService } from './users.service.js';

/**
 * Bearer JWT for REST. Verification needs no database; the user record is upserted from the
 * claims (cached, so an unchanged user costs no write).
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly users: UsersService,
  ) {
    const policy = jwtVerification(config.jwt);
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: policy.key,
      algorithms: policy.algorithms,
      issuer: policy.issuer,
      audience: policy.audience,
      ignoreExpiration: false,
    });
  }

  async validate(claims: unknown): Promise<Principal> {
    const principal = principalFromClaims(claims);
    if (!principal) throw new UnauthorizedException('Invalid token claims');
    await this.users.upsert(principal);
    return principal;
  }
}
