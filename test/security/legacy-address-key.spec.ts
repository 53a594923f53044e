import { describe, expect, it } from '@jest/globals';
import { addressKey } from '../../src/common/client-address.js';
import { FailureThrottle } from '../../src/common/failure-throttle.js';

/** The legacy hash-failure throttle counts under addressKey: an IPv6 client by its /64. */
describe('the legacy throttle key', () => {
  it('groups IPv6 addresses by /64 and keeps IPv4 addresses apart', () => {
    const throttle = new FailureThrottle(2, 60_000, () => 0);
    throttle.recordFailure(addressKey('2001:db8:1:2::1'));
    throttle.recordFailure(addressKey('2001:DB8:1:2:abcd::7'));
    expect(throttle.isBlocked(addressKey('2001:db8:1:2:ffff:ffff:ffff:ffff'))).toBe(true);
    expect(throttle.isBlocked(addressKey('2001:db8:1:3::1'))).toBe(false);
    throttle.recordFailure(addressKey('203.0.113.5'));
    throttle.recordFailure(addressKey('::ffff:203.0.113.5'));
    expect(throttle.isBlocked(addressKey('203.0.113.5'))).toBe(true);
    expect(throttle.isBlocked(addressKey('203.0.113.6'))).toBe(false);
  });
});
