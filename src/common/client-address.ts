import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/**
 * Who is calling, by network address, on every surface (REST, the socket handshake, the legacy
 * API, the logs): the TCP peer, or, when the peer is a trusted proxy (TRUST_PROXY), the
 * right-most `X-Forwarded-For` entry that is not itself a trusted proxy. Anything left of that
 * entry was written by the client and proves nothing, so it is never read.
 */
export class TrustedProxies {
  private constructor(private readonly list: BlockList | null) {}

  static none(): TrustedProxies {
    return new TrustedProxies(null);
  }

  /**
   * Comma-separated addresses or CIDRs (`10.0.0.1, 192.168.0.0/16, fd00::/8`). Gives the
   * entries that are neither, so configuration can name them.
   */
  static parse(value: string | null): { proxies: TrustedProxies; invalid: string[] } {
    if (value === null) return { proxies: TrustedProxies.none(), invalid: [] };
    const list = new BlockList();
    const invalid: string[] = [];
    for (const entry of value.split(',').map((e) => e.trim()).filter((e) => e !== '')) {
      if (!addTo(list, entry)) invalid.push(entry);
    }
    return { proxies: new TrustedProxies(list), invalid };
  }

  isTrusted(address: string): boolean {
    if (this.list === null) return false;
    const plain = unmapped(address);
    const family = isIP(plain);
    return family !== 0 && this.list.check(plain, family === 4 ? 'ipv4' : 'ipv6');
  }

  /** The client's address of an HTTP request (REST, legacy, or a socket.io handshake's `socket.request`). */
  clientOfRequest(request: IncomingMessage): string {
    return this.clientOf(request.socket?.remoteAddress, request.headers['x-forwarded-for']);
  }

  /** The client's address for a connection from `peer` that carried these `X-Forwarded-For` headers. */
  clientOf(peer: string | undefined, forwardedFor: string | readonly string[] | undefined): string {
    let address = unmapped(peer ?? '') || 'unknown';
    if (!this.isTrusted(address) || forwardedFor === undefined) return address;
    const hops = (typeof forwardedFor === 'string' ? [forwardedFor] : forwardedFor)
      .join(',')
      .split(',')
      .map((hop) => unmapped(hop.trim()));
    // Walk from the nearest hop outwards while the hop that told us is a proxy we trust.
    while (hops.length > 0 && this.isTrusted(address)) {
      const next = hops.pop()!;
      if (isIP(next) === 0) return address;
      address = next;
    }
    return address;
  }
}

/**
 * The key a per-address limit counts under: an IPv4 address as it is, an IPv6 address by its
 * /64 (one subscriber's whole allocation, which they can rotate through at will).
 */
export function addressKey(address: string): string {
  const plain = unmapped(address);
  if (isIP(plain) !== 6) return plain;
  return `${expandIpv6(plain).slice(0, 4).join(':')}::/64`;
}

/** `::ffff:1.2.3.4` → `1.2.3.4`: one client is one address on a dual-stack listener. */
export function unmapped(address: string): string {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return match ? match[1] : address;
}

function addTo(list: BlockList, entry: string): boolean {
  const [address, prefix, extra] = entry.split('/');
  const plain = unmapped(address);
  const family = isIP(plain);
  if (family === 0 || extra !== undefined) return false;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (prefix === undefined) {
    list.addAddress(plain, type);
    return true;
  }
  const bits = Number(prefix);
  if (!/^\d+$/.test(prefix) || bits > (family === 4 ? 32 : 128)) return false;
  list.addSubnet(plain, bits, type);
  return true;
}

/** The eight groups of an IPv6 address, `::` written out (an embedded IPv4 tail becomes two groups). */
function expandIpv6(address: string): string[] {
  const withoutZone = address.split('%')[0].toLowerCase();
  const ipv4Tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(withoutZone);
  let text = withoutZone;
  if (ipv4Tail) {
    const [a, b, c, d] = ipv4Tail.slice(1).map(Number);
    text = withoutZone.slice(0, ipv4Tail.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((group) => parseInt(group, 16).toString(16));
}
