import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { HashFailureThrottle } from './hash-failure-throttle.js';
import { legacyHashMatches } from './legacy-hash.js';
import { LegacyError } from './legacy-error.js';
import { LEGACY_METHODS, isLegacyMethod } from './legacy-methods.js';
import { LegacyParams, type LegacyRequest } from './legacy-params.js';

/**
 * The legacy API's credential: a SHA1 over the request's values and the shared secret, in place
 * of the JWT every other surface uses (the controller is @Public to the global JWT guard).
 *
 * It also runs the gate checks that must come before the hash, because CONTRACT §6 fixes the
 * order: throttle, API enabled, GET allowed, secret present, hash. (The feature toggle and the
 * user come after, in the service.) An unknown method is refused just before the hash: there
 * is no way to know which parameters its hash would cover.
 */
@Injectable()
export class LegacyHashGuard implements CanActivate {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly throttle: HashFailureThrottle,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<LegacyRequest>();
    const address = clientAddress(request);
    const legacy = this.config.legacy;
    if (this.throttle.isBlocked(address)) throw new LegacyError('throttled');
    if (!legacy.enabled) throw new LegacyError('api_disabled');
    // Only POST and GET routes exist (HEAD rides on GET), so anything but POST is a GET here.
    if (request.method !== 'POST' && !legacy.allowGet) throw new LegacyError('get_disabled');
    if (legacy.secret === null) throw new LegacyError('no_secret');

    const method = request.params.method;
    if (!isLegacyMethod(method)) throw new LegacyError('unknown_method');
    const params = LegacyParams.from(request);
    const values = LEGACY_METHODS[method].hashed.map((name) => params.get(name));
    if (!legacyHashMatches(params.get('hash'), values, legacy.secret)) {
      // A missing hash counts too: it is a failed attempt to authenticate like any other.
      this.throttle.recordFailure(address);
      throw new LegacyError('bad_hash');
    }
    return true;
  }
}

/**
 * The TCP peer (Express's req.ip, which honours `trust proxy` only if the app enables it).
 * IPv4-mapped IPv6 is unwrapped so one client is one key on dual-stack listeners.
 */
function clientAddress(request: LegacyRequest): string {
  const address = request.ip ?? request.socket.remoteAddress ?? 'unknown';
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}
