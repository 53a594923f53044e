import type { LegacyApiConfig } from '../config/app-config.js';
import type { FailureThrottle } from '../common/failure-throttle.js';
import { LegacyError } from './legacy-error.js';
import { alwaysAnswersGet, type LegacyMethodName } from './legacy-methods.js';
import type { LegacyRequest } from './legacy-params.js';

/**
 * The checks that come before the hash, in the documented order (README, Legacy XML billing API): throttle, API enabled, GET
 * allowed, secret present; then an unknown method, refused just before the hash because there
 * is no way to know which parameters its hash would cover. Throws the first LegacyError that
 * applies; otherwise gives the method and the secret the hash is checked with. Shared by the
 * hash guard and the unreadable-body handler, so both answer alike.
 */
export function checkGates(
  request: LegacyRequest,
  method: LegacyMethodName | undefined,
  legacy: LegacyApiConfig,
  throttle: FailureThrottle,
): { method: LegacyMethodName; secret: string } {
  if (throttle.isBlocked(clientAddress(request))) throw new LegacyError('throttled');
  if (!legacy.enabled) throw new LegacyError('api_disabled');
  // Only POST and GET routes exist (HEAD rides on GET), so anything but POST is a GET here.
  if (request.method !== 'POST' && !legacy.allowGet && !alwaysAnswersGet(method)) throw new LegacyError('get_disabled');
  if (legacy.secret === null) throw new LegacyError('no_secret');
  if (method === undefined) throw new LegacyError('unknown_method');
  return { method, secret: legacy.secret };
}

/** A refused hash: counted against the address, then answered. */
export function refuseHash(request: LegacyRequest, throttle: FailureThrottle): never {
  throttle.recordFailure(clientAddress(request));
  throw new LegacyError('bad_hash');
}

/**
 * The TCP peer (the request's `ip`: no proxy in front is trusted to name another).
 * IPv4-mapped IPv6 is unwrapped so one client is one key on dual-stack listeners.
 */
function clientAddress(request: LegacyRequest): string {
  const address = request.ip ?? request.socket.remoteAddress ?? 'unknown';
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}
