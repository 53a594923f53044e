import { Inject, Injectable } from '@nestjs/common';
import { addressKey } from '../common/client-address.js';
import { FailureThrottle } from '../common/failure-throttle.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/** The window AUTH_FAIL_LIMIT counts in. */
export const AUTH_FAIL_WINDOW_MS = 60_000;

/**
 * Failed authentications per client address (IPv6 by /64), shared by REST and the socket
 * handshake. An address past AUTH_FAIL_LIMIT is refused before any token is read, verified or
 * introspected, until 60 s after its first failure: a flood of bad tokens costs no signature
 * check and no call to the identity provider.
 */
@Injectable()
export class AuthFailures {
  private readonly throttle: FailureThrottle;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.throttle = new FailureThrottle(config.limits.authFailLimit, AUTH_FAIL_WINDOW_MS);
  }

  isBlocked(address: string): boolean {
    return this.throttle.isBlocked(addressKey(address));
  }

  record(address: string): void {
    this.throttle.recordFailure(addressKey(address));
  }
}
