import { createHash, timingSafeEqual } from 'node:crypto';

const SHA1_HEX = /^[0-9a-f]{40}$/i;

/** SHA1 of the values concatenated with no separator, then the secret; absent values add nothing. */
export function legacyHash(values: ReadonlyArray<string | undefined>, secret: string): Buffer {
  const sha1 = createHash('sha1');
  for (const value of values) if (value) sha1.update(value, 'utf8');
  sha1.update(secret, 'utf8');
  return sha1.digest();
}

/**
 * Whether `given` (hex, either case) is the hash of these values. Compared as 20-byte digests
 * with timingSafeEqual, so the time taken says nothing about how much of a guess was right.
 */
export function legacyHashMatches(given: string | undefined, values: ReadonlyArray<string | undefined>, secret: string): boolean {
  // Only the shape is checked before the comparison; the shape is public knowledge.
  if (given === undefined || !SHA1_HEX.test(given)) return false;
  return timingSafeEqual(legacyHash(values, secret), Buffer.from(given, 'hex'));
}
