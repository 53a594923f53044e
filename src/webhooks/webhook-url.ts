import { lookup as dnsLookup } from 'node:dns/promises';
import { invalid } from '../common/errors.js';
import { parseIpv4, parseIpv6, refusalOf } from './address-policy.js';

/** Resolves a host name to every address it has (dns.lookup with `all`, as the OS would). */
export type ResolveAll = (host: string) => Promise<Array<{ address: string; family: number }>>;

export const systemResolver: ResolveAll = (host) => dnsLookup(host, { all: true, verbatim: true });

export const MAX_URL_LENGTH = 2048;

/** A host that is an address already (any encoding), as the address, else null. */
function literalAddress(hostname: string): { address: string; family: 4 | 6 } | null {
  const v4 = parseIpv4(hostname);
  if (v4 !== null) return { address: [24, 16, 8, 0].map((s) => (v4 >>> s) & 255).join('.'), family: 4 };
  if (parseIpv6(hostname) !== null) return { address: hostname.replace(/^\[(.*)\]$/, '$1'), family: 6 };
  return null;
}

/**
 * The URL of a webhook as registered: absolute, `http` or `https`, no credentials in it, and
 * (unless private addresses are allowed) no literal address or `localhost` name that the first
 * attempt would refuse anyway. Names are only resolved at each attempt (`checkedTarget`):
 * what they resolve to today says nothing about tomorrow.
 */
export function registrableUrl(raw: string, allowPrivate: boolean): URL {
  if (raw.length > MAX_URL_LENGTH) throw invalid(`url must be at most ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('url must be an absolute http or https URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('url must be an absolute http or https URL');
  if (url.username || url.password) throw invalid('url must not contain credentials');
  if (!allowPrivate) {
    const refusal = hostRefusal(url.hostname);
    if (refusal) throw invalid(`url points to a ${refusal} address (WEBHOOKS_ALLOW_PRIVATE is off)`);
  }
  return url;
}

function hostRefusal(hostname: string): string | null {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return 'loopback';
  const literal = literalAddress(name);
  return literal ? refusalOf(literal.address) : null;
}

/** Where one attempt connects: the address that was checked, and its family. */
export interface CheckedTarget {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Why an attempt was not made: it names the address and the rule, for the delivery log. */
export class RefusedAddressError extends Error {}

/**
 * Resolves the URL's host now and checks every address it has; one refused address refuses the
 * attempt (a name that resolves to a public and a private address is a rebinding tool). The
 * attempt then connects to the returned address only, never resolving again.
 */
export async function checkedTarget(url: URL, allowPrivate: boolean, resolve: ResolveAll): Promise<CheckedTarget> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RefusedAddressError(`${url.protocol} is not http or https`);
  const literal = literalAddress(url.hostname);
  const candidates = literal ? [literal] : await resolveOrFail(url.hostname, resolve);
  if (candidates.length === 0) throw new RefusedAddressError(`${url.hostname} has no address`);
  if (!allowPrivate) {
    for (const { address } of candidates) {
      const refusal = refusalOf(address);
      if (refusal) throw new RefusedAddressError(`refused address ${address} of ${url.hostname}: ${refusal}`);
    }
  }
  const [first] = candidates;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

async function resolveOrFail(host: string, resolve: ResolveAll): Promise<Array<{ address: string; family: number }>> {
  try {
    return await resolve(host);
  } catch (error) {
    throw new RefusedAddressError(`${host} could not be resolved (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}
