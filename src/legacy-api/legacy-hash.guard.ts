import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { legacyHashMatches } from './legacy-hash.js';
import { LegacyGates } from './legacy-gates.js';
import { LEGACY_METHODS, resolveLegacyMethod } from './legacy-methods.js';
import { LegacyParams, type LegacyRequest } from './legacy-params.js';

/**
 * The legacy API's credential: a SHA1 over the request's values and the shared secret, in place
 * of the JWT every other surface uses (the controller is @Public to the global JWT guard).
 *
 * It runs the gate checks first (LegacyGates: throttle, API enabled and address allowed, GET
 * allowed, secret present, known method), then the hash. What needs the database comes after,
 * in the service: an update hash's binding to its parameters (BoundHashes), the request_id
 * rule, then the feature toggle, the operator and the user.
 */
@Injectable()
export class LegacyHashGuard implements CanActivate {
  constructor(private readonly gates: LegacyGates) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<LegacyRequest>();
    const { method, secret } = this.gates.check(request, resolveLegacyMethod(request.params.method));
    const hashed = LEGACY_METHODS[method].hashed;
    const params = LegacyParams.from(request);
    // A malformed hashed parameter (array, object, repeat) has no one text the hash could cover.
    const malformed = hashed.some((name) => params.isMalformed(name));
    const values = hashed.map((name) => params.get(name));
    // A missing hash counts too: it is a failed attempt to authenticate like any other.
    if (malformed || !legacyHashMatches(params.get('hash'), values, secret)) this.gates.refuseHash(request);
    return true;
  }
}
