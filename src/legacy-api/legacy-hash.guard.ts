import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { FailureThrottle } from '../common/failure-throttle.js';
import { legacyHashMatches } from './legacy-hash.js';
import { checkGates, refuseHash } from './legacy-gates.js';
import { LEGACY_METHODS, resolveLegacyMethod } from './legacy-methods.js';
import { LegacyParams, type LegacyRequest } from './legacy-params.js';

/**
 * The legacy API's credential: a SHA1 over the request's values and the shared secret, in place
 * of the JWT every other surface uses (the controller is @Public to the global JWT guard).
 *
 * It runs the gate checks first (checkGates: throttle, API enabled, GET allowed, secret present,
 * known method), then the hash. The feature toggle, the operator and the user come after, in
 * the service.
 */
@Injectable()
export class LegacyHashGuard implements CanActivate {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly throttle: FailureThrottle,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<LegacyRequest>();
    const { method, secret } = checkGates(request, resolveLegacyMethod(request.params.method), this.config.legacy, this.throttle);
    const hashed = LEGACY_METHODS[method].hashed;
    const params = LegacyParams.from(request);
    // A malformed hashed parameter (array, object, repeat) has no one text the hash could cover.
    const malformed = hashed.some((name) => params.isMalformed(name));
    const values = hashed.map((name) => params.get(name));
    // A missing hash counts too: it is a failed attempt to authenticate like any other.
    if (malformed || !legacyHashMatches(params.get('hash'), values, secret)) refuseHash(request, this.throttle);
    return true;
  }
}
