import { ForbiddenException, Inject, Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { tooManyRequests } from '../common/errors.js';
import { RateLimiter } from '../common/rate-limiter.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { IS_PUBLIC, ROLES } from './auth.decorators.js';
import type { Principal } from './principal.js';

/**
 * The one global HTTP guard: a valid bearer credential everywhere except @Public() routes, and
 * the roles a route names with @Roles(). The credential is a JWT ('jwt') or, when introspection
 * is configured, an opaque session token ('introspection'); passport tries them in that order.
 * Socket events are authenticated at the handshake instead.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard(['jwt', 'introspection']) {
  private readonly limiter: RateLimiter;

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    this.limiter = new RateLimiter(config.restRate.perSecond, config.restRate.burst);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    await (super.canActivate(context) as Promise<boolean>);
    const required = this.reflector.getAllAndOverride<string[]>(ROLES, targets) ?? [];
    const user = context.switchToHttp().getRequest<{ user: Principal }>().user;
    if (!this.limiter.take(user.id)) throw tooManyRequests();
    if (!required.every((role) => user.roles.includes(role))) {
      throw new ForbiddenException(`Requires role: ${required.join(', ')}`);
    }
    return true;
  }
}
