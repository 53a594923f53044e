import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { noteRefusal } from './credential-refusal.js';
import { checkClaims, jsonWebTokenOptions, jwtPolicy, type JwtPolicy } from './jwt-options.js';
import { JwtKeys } from './jwt-keys.js';
import type { Principal } from './principal.js';
import { UsersService } from './users.service.js';

/**
 * Bearer JWT for REST, by passport-jwt, with the policy every surface shares (jwt-options.ts):
 * the key chosen by jwt-keys.ts (a fixed key, or the identity provider's by `kid`), then the
 * claims' own rules. Verification needs no database; the user record is upserted from the
 * claims (cached, so an unchanged user costs no write).
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  private readonly policy: JwtPolicy;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    keys: JwtKeys,
    private readonly users: UsersService,
  ) {
    const policy = jwtPolicy(config.jwt);
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: (request: object, token: string, done: (error: Error | null, key?: string | Buffer) => void) => {
        void keys.keyFor(token).then((lookup) => {
          // jsonwebtoken takes a KeyObject as well as a PEM or a secret (the typings say less).
          if (lookup.kind === 'key') return done(null, lookup.key as string);
          if (lookup.kind === 'unavailable') noteRefusal(request, { unavailable: true, reason: lookup.reason });
          done(new Error(lookup.reason));
        });
      },
      ...jsonWebTokenOptions(policy),
      passReqToCallback: true,
    });
    this.policy = policy;
  }

  async validate(request: object, claims: unknown): Promise<Principal> {
    const check = checkClaims(claims, this.policy, Date.now());
    if (check.kind === 'refused') {
      noteRefusal(request, { unavailable: false, reason: check.reason });
      throw new UnauthorizedException('Invalid token claims');
    }
    await this.users.upsert(check.principal);
    return check.principal;
  }
}
