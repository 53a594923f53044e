/**
 * A rough upper bound of a secret's entropy in bits: its length times the Shannon entropy of
 * its characters, with a short pattern repeated counted once. It cannot prove a secret random,
 * but it catches the secrets people type: `aaaa…`, `passwordpassword…`, `1234567890…` repeated.
 * 32 random hex characters score about 120, 43 of base64 about 250.
 */
export function estimatedEntropyBits(secret: string): number {
  const chars = [...secret];
  const unit = chars.slice(0, shortestPeriod(chars));
  const counts = new Map<string, number>();
  for (const c of unit) counts.set(c, (counts.get(c) ?? 0) + 1);
  let perChar = 0;
  for (const n of counts.values()) perChar -= (n / unit.length) * Math.log2(n / unit.length);
  return perChar * unit.length;
}

/** The length of the shortest prefix that, repeated, makes the whole text (its own length when none). */
function shortestPeriod(chars: readonly string[]): number {
  for (let period = 1; period <= chars.length / 2; period++) {
    if (chars.every((c, i) => c === chars[i % period])) return period;
  }
  return chars.length;
}
