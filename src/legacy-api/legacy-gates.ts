import { Inject, Injectable } from '@nestjs/common';
import { addressKey } from '../common/client-address.js';
import { FailureThrottle } from '../common/failure-throttle.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { InjectPinoLogger, PinoLogger } from '../observability/logging.js';
import { LegacyError } from './legacy-error.js';
import { alwaysAnswersGet, type LegacyMethodName } from './legacy-methods.js';
import type { LegacyRequest } from './legacy-params.js';

/**
 * The checks that come before the hash, in the documented order (docs/legacy-api.md,
 * Errors): throttle, API enabled (and the caller's address allowed), GET allowed, secret present;
 * then an unknown method, refused just before the hash because there is no way to know which
 * parameters its hash would cover. Shared by the hash guard and the unreadable-body handler, so
 * both answer alike; they refuse a hash through here too, so that every refusal is counted and
 * logged in one way.
 *
 * The caller is the client address of §10 (TRUST_PROXY decides whose X-Forwarded-For is
 * believed), counted by addressKey: behind the proxy every caller would otherwise be the proxy,
 * and ten wrong hashes from anyone would lock the billing system out; IPv6 counts per /64.
 */
@Injectable()
export class LegacyGates {
  private readonly throttle: FailureThrottle;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectPinoLogger('LegacyApi') private readonly log: PinoLogger,
  ) {
    this.throttle = new FailureThrottle(config.legacy.hashFailLimit, config.legacy.hashFailWindowSeconds * 1000);
  }

  /** The client's address (the TCP peer, or what a trusted proxy says it forwarded for). */
  clientOf(request: LegacyRequest): string {
    return this.config.trustProxy.clientOfRequest(request);
  }

  /** Throws the first LegacyError that applies; otherwise gives the method and the secret the hash is checked with. */
  check(request: LegacyRequest, method: LegacyMethodName | undefined): { method: LegacyMethodName; secret: string } {
    const legacy = this.config.legacy;
    const client = this.clientOf(request);
    if (this.throttle.isBlocked(addressKey(client))) throw new LegacyError('throttled');
    if (!legacy.enabled) throw new LegacyError('api_disabled');
    if (legacy.allowedIps !== null && !legacy.allowedIps.isTrusted(client)) {
      this.warn(client, 'legacy API refused to an address outside LEGACY_ALLOWED_IPS');
      throw new LegacyError('api_disabled');
    }
    // Only POST and GET routes exist (HEAD rides on GET), so anything but POST is a GET here.
    if (request.method !== 'POST' && !legacy.allowGet && !alwaysAnswersGet(method)) throw new LegacyError('get_disabled');
    if (legacy.secret === null) throw new LegacyError('no_secret');
    if (method === undefined) throw new LegacyError('unknown_method');
    return { method, secret: legacy.secret };
  }

  /** A wrong, missing or unreadable hash: counted against the caller, logged, then answered. */
  refuseHash(request: LegacyRequest): never {
    const client = this.clientOf(request);
    this.throttle.recordFailure(addressKey(client));
    this.warn(client, 'legacy hash refused');
    throw new LegacyError('bad_hash');
  }

  /**
   * A right hash sent with other parameters than it was first accepted with (a re-split of the
   * same characters, see BoundHashes). Answered as a wrong hash but not counted: the caller has
   * shown it holds a genuine hash, and counting it would let a replayed capture lock the
   * billing system's own address out.
   */
  refuseBoundHash(client: string): never {
    this.warn(client, 'legacy hash refused: already accepted with other parameters');
    throw new LegacyError('bad_hash');
  }

  /** Never the hash, the secret or the query string: the address and (from the request's logger) its id. */
  private warn(address: string, message: string): void {
    this.log.warn({ address }, message);
  }
}
