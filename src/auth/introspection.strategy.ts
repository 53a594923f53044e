import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { OpaqueBearerStrategy } from './opaque-bearer-strategy.js';
import type { Principal } from './principal.js';
import { SessionIntrospection } from './session-introspection.js';
import { UsersService } from './users.service.js';

/**
 * Bearer opaque session token for REST, checked by introspection (refused when
 * AUTH_INTROSPECTION_URL is unset). The user record is upserted from the answer's claims, as
 * for a JWT.
 */
@Injectable()
export class IntrospectionStrategy extends PassportStrategy(OpaqueBearerStrategy, 'introspection') {
  constructor(
    private readonly sessions: SessionIntrospection,
    private readonly users: UsersService,
  ) {
    super();
  }

  async validate(token: string): Promise<Principal | null> {
    const principal = await this.sessions.principalFor(token);
    if (principal) await this.users.upsert(principal);
    return principal;
  }
}
