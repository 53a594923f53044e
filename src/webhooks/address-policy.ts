import { BlockList, isIPv4, isIPv6 } from 'node:net';

/*
 * Which addresses a webhook may connect to (CONTRACT §9). Everything that is not a public
 * unicast address is refused, with the reason the delivery log shows: a receiver on the
 * service's own host or network, or the cloud metadata service, must never be reachable by
 * whoever registers a webhook.
 */

type Range = readonly [reason: string, subnet: string, prefix: number];

const IPV4_RANGES: readonly Range[] = [
  ['unspecified', '0.0.0.0', 8],
  ['private', '10.0.0.0', 8],
  ['carrier-grade NAT', '100.64.0.0', 10],
  ['loopback', '127.0.0.0', 8],
  ['metadata', '169.254.169.254', 32],
  ['link-local', '169.254.0.0', 16],
  ['private', '172.16.0.0', 12],
  ['reserved', '192.0.0.0', 24],
  ['documentation', '192.0.2.0', 24],
  ['private', '192.168.0.0', 16],
  ['benchmarking', '198.18.0.0', 15],
  ['documentation', '198.51.100.0', 24],
  ['documentation', '203.0.113.0', 24],
  ['multicast', '224.0.0.0', 4],
  ['reserved', '240.0.0.0', 4],
];

const IPV6_RANGES: readonly Range[] = [
  ['unspecified', '::', 128],
  ['loopback', '::1', 128],
  ['discard', '100::', 64],
  ['documentation', '2001:db8::', 32],
  ['unique local', 'fc00::', 7],
  ['link-local', 'fe80::', 10],
  ['site-local', 'fec0::', 10],
  ['multicast', 'ff00::', 8],
];

/**
 * IPv6 forms that carry an IPv4 address, whatever it is: each is judged by the address inside.
 * Teredo hides its address (obfuscated), so it is refused outright.
 */
const EMBEDDING_IPV4: ReadonlyArray<readonly [name: string, prefix: bigint, bits: number, extract: (value: bigint) => number]> = [
  ['IPv4-mapped', 0xffffn << 32n, 96, (v) => Number(v & 0xffffffffn)],
  ['IPv4-translated', 0xffffn << 48n, 96, (v) => Number(v & 0xffffffffn)],
  ['IPv4-compatible', 0n, 96, (v) => Number(v & 0xffffffffn)],
  ['NAT64', 0x64ff9bn << 96n, 96, (v) => Number(v & 0xffffffffn)],
  ['NAT64 local', 0x64ff9b0001n << 80n, 48, (v) => Number(v & 0xffffffffn)],
  ['6to4', 0x2002n << 112n, 16, (v) => Number((v >> 80n) & 0xffffffffn)],
];

function listOf(ranges: readonly Range[], family: 'ipv4' | 'ipv6'): Array<readonly [string, BlockList]> {
  return ranges.map(([reason, subnet, prefix]) => {
    const list = new BlockList();
    list.addSubnet(subnet, prefix, family);
    return [reason, list] as const;
  });
}

const V4 = listOf(IPV4_RANGES, 'ipv4');
const V6 = listOf(IPV6_RANGES, 'ipv6');

/** Why `address` (an IP in canonical or any other form) must not be connected to, or null if it may. */
export function refusalOf(address: string): string | null {
  const v4 = parseIpv4(address);
  if (v4 !== null) return refusalOfIpv4(v4);
  const v6 = parseIpv6(address);
  if (v6 === null) return 'not an IP address';
  for (const [name, prefix, bits, extract] of EMBEDDING_IPV4) {
    if (v6 >> BigInt(128 - bits) === prefix >> BigInt(128 - bits)) {
      // :: and ::1 are IPv4-compatible by shape, but are themselves.
      if (name === 'IPv4-compatible' && v6 <= 1n) break;
      const inner = refusalOfIpv4(extract(v6));
      return inner ?? (name === '6to4' ? null : `${name} address`);
    }
  }
  if (v6 >> 96n === 0x20010000n) return 'Teredo';
  const text = ipv6Text(v6);
  for (const [reason, list] of V6) if (list.check(text, 'ipv6')) return reason;
  return null;
}

function refusalOfIpv4(value: number): string | null {
  const text = [24, 16, 8, 0].map((s) => (value >>> s) & 255).join('.');
  if (text === '255.255.255.255') return 'broadcast';
  for (const [reason, list] of V4) if (list.check(text, 'ipv4')) return reason;
  return null;
}

/**
 * An IPv4 address in any form `inet_aton` accepts (and so some resolvers and URL parsers):
 * dotted with 1 to 4 parts, each decimal, octal (leading 0) or hex (0x), so `2130706433`,
 * `0177.1`, `0x7f.0.0.1` are 127.0.0.1. Null when it is not one.
 */
export function parseIpv4(text: string): number | null {
  if (isIPv4(text)) return text.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
  const parts = text.split('.');
  if (parts.length > 4 || parts.some((p) => p === '')) return null;
  const values: number[] = [];
  for (const part of parts) {
    const match = /^(0x[0-9a-f]*|0[0-7]*|[1-9][0-9]*)$/i.exec(part);
    if (!match) return null;
    const value = /^0x/i.test(part) ? (part.length === 2 ? 0 : parseInt(part.slice(2), 16)) : part.startsWith('0') ? parseInt(part, 8) || 0 : Number(part);
    values.push(value);
  }
  const last = values.pop()!;
  if (values.some((v) => v > 255) || last >= 256 ** (4 - values.length)) return null;
  return values.reduce((acc, v, i) => acc + v * 256 ** (3 - i), 0) + last;
}

/** An IPv6 address (brackets, a zone and an embedded dotted IPv4 allowed) as a 128-bit number. */
export function parseIpv6(text: string): bigint | null {
  const bare = text.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (!isIPv6(bare)) return null;
  let body = bare;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(body);
  if (dotted) {
    const v4 = parseIpv4(dotted[1])!;
    body = `${body.slice(0, dotted.index)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [head, tail] = body.includes('::') ? body.split('::') : [body, undefined];
  const headParts = head ? head.split(':') : [];
  const tailParts = tail === undefined ? [] : tail ? tail.split(':') : [];
  const missing = 8 - headParts.length - tailParts.length;
  const groups = [...headParts, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...tailParts];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

function ipv6Text(value: bigint): string {
  const groups: string[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(((value >> shift) & 0xffffn).toString(16));
  return groups.join(':');
}
