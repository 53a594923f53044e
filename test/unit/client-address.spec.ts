import { describe, expect, it } from '@jest/globals';
import { addressKey, TrustedProxies } from '../../src/common/client-address.js';

const trusting = (list: string) => TrustedProxies.parse(list).proxies;

describe('the client address', () => {
  it('is the TCP peer when the peer is not a trusted proxy, whatever X-Forwarded-For says', () => {
    expect(TrustedProxies.none().clientOf('203.0.113.9', '1.1.1.1')).toBe('203.0.113.9');
    expect(trusting('10.0.0.0/8').clientOf('198.51.100.4', '10.0.0.1, 1.1.1.1')).toBe('198.51.100.4');
    expect(TrustedProxies.none().clientOf(undefined, undefined)).toBe('unknown');
    expect(TrustedProxies.none().clientOf('::ffff:203.0.113.9', undefined)).toBe('203.0.113.9');
  });

  it('behind trusted proxies is the right-most X-Forwarded-For entry that is not itself trusted', () => {
    const proxies = trusting('10.0.0.0/8, fd00::/8');
    // The client wrote "6.6.6.6" itself: everything left of the first untrusted hop proves nothing.
    expect(proxies.clientOf('10.0.0.1', '6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
    expect(proxies.clientOf('10.0.0.1', '6.6.6.6, 203.0.113.9, 10.0.0.7')).toBe('203.0.113.9');
    expect(proxies.clientOf('10.0.0.1', ['6.6.6.6', '203.0.113.9, 10.0.0.7'])).toBe('203.0.113.9');
    expect(proxies.clientOf('fd00::1', '2001:db8::5')).toBe('2001:db8::5');
    expect(proxies.clientOf('::ffff:10.0.0.1', '::ffff:203.0.113.9')).toBe('203.0.113.9');
  });

  it('stops at the last trusted hop when the next entry is not an address, and when every entry is trusted', () => {
    const proxies = trusting('10.0.0.0/8');
    expect(proxies.clientOf('10.0.0.1', '203.0.113.9, not-an-ip')).toBe('10.0.0.1');
    expect(proxies.clientOf('10.0.0.1', '10.0.0.5, 10.0.0.6')).toBe('10.0.0.5');
    expect(proxies.clientOf('10.0.0.1', undefined)).toBe('10.0.0.1');
  });

  it('counts IPv6 per /64 and IPv4 per address', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe(addressKey('2001:db8:1:2::9'));
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
    expect(addressKey('2001:DB8:0001:0002::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('unknown')).toBe('unknown');
  });
});
