import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { noteRefusal } from './credential-refusal.js';
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

  async validate(request: object, token: string): Promise<Principal | null> {
    const check = await this.sessions.check(token);
    if (check.kind !== 'active') {
      noteRefusal(request, { unavailable: check.kind === 'unavailable', reason: check.reason });
      return null;
    }
    await this.users.upsert(check.principal);
    return check.principal;
  }
}
