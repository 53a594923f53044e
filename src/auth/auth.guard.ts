import type { IncomingMessage } from 'node:http';
import { ForbiddenException, Inject, Injectable, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { tooManyRequests } from '../common/errors.js';
import { RateLimiter } from '../common/rate-limiter.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { InjectPinoLogger, PinoLogger } from '../observability/logging.js';
import { AuthFailures } from './auth-failures.js';
import { IS_PUBLIC, ROLES } from './auth.decorators.js';
import { refusalOf } from './credential-refusal.js';
import type { Principal } from './principal.js';

/** A Fastify request as guards see it; `raw` is the Node request. */
interface HttpRequest {
  readonly raw?: IncomingMessage;
  readonly headers: IncomingMessage['headers'];
  authInfo?: unknown;
  user?: Principal;
}

export const TOO_MANY_FAILURES = 'Too many failed authentications';

/**
 * The one global HTTP guard: a valid bearer credential everywhere except @Public() routes, and
 * the roles a route names with @Roles(). The credential is a JWT ('jwt') or, when introspection
 * is configured, an opaque session token ('introspection'); passport tries them in that order.
 * Socket events are authenticated at the handshake instead.
 *
 * An address with more than AUTH_FAIL_LIMIT refused credentials in 60 s is answered 429 before
 * its token is read, so a flood costs no signature check and no call to the identity provider.
 * A refusal because the identity provider could not answer is not the caller's doing and is
 * not counted. Refusals are logged at warn with the address (the request id comes with the
 * request's logger); the credential never is.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard(['jwt', 'introspection']) {
  private readonly limiter: RateLimiter;

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly failures: AuthFailures,
    @InjectPinoLogger('Auth') private readonly log: PinoLogger,
  ) {
    super();
    this.limiter = new RateLimiter(config.restRate.perSecond, config.restRate.burst);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const address = this.config.trustProxy.clientOfRequest(request.raw ?? (request as unknown as IncomingMessage));
    if (this.failures.isBlocked(address)) throw tooManyRequests(TOO_MANY_FAILURES);
    try {
      await (super.canActivate(context) as Promise<boolean>);
    } catch (error) {
      // Anything but a refusal (the user record could not be written) is no failed authentication.
      if (error instanceof UnauthorizedException) this.refused(request, address, error);
      throw error;
    }
    const required = this.reflector.getAllAndOverride<string[]>(ROLES, targets) ?? [];
    const user = request.user!;
    if (!this.limiter.take(user.id)) throw tooManyRequests();
    if (!required.every((role) => user.roles.includes(role))) {
      this.log.warn({ address, userId: user.id, required }, 'Role refused');
      throw new ForbiddenException(`Requires role: ${required.join(', ')}`);
    }
    return true;
  }

  private refused(request: HttpRequest, address: string, error: UnauthorizedException): void {
    if (!/^Bearer\s+\S/i.test(request.headers.authorization ?? '')) {
      this.log.warn({ address, reason: 'no bearer credential' }, 'Authentication failed');
      return;
    }
    const refusal = refusalOf(request) ?? { unavailable: false, reason: passportReason(error, request.authInfo) };
    if (refusal.unavailable) {
      this.log.warn({ address, reason: refusal.reason }, 'Authentication failed: identity provider unavailable (not counted)');
      return;
    }
    this.failures.record(address);
    const blocked = this.failures.isBlocked(address);
    this.log.warn({ address, reason: refusal.reason, ...(blocked ? { blocked: true } : {}) }, 'Authentication failed');
  }
}

/**
 * passport-jwt's reason (jsonwebtoken's message: "jwt expired", "invalid signature", …): the
 * error a strategy raised, else the first challenge of the strategies that failed.
 */
function passportReason(error: unknown, authInfo: unknown): string {
  const challenges = Array.isArray(authInfo) ? authInfo : [authInfo];
  const first = challenges.find((c): c is Error => c instanceof Error);
  return first?.message ?? (error instanceof Error ? error.message : 'refused');
}
