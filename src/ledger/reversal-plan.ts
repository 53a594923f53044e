import { conflict, DomainError, invalid } from '../common/errors.js';
import type { EntryType, Leg } from './ledger.types.js';

/** One stored entry of a transaction, as a reversal mirrors it. */
export interface StoredEntry {
  readonly ownerId: string;
  readonly asset: string;
  /** Minor units, signed as stored. */
  readonly amount: bigint;
  readonly type: EntryType;
  readonly action: string;
}

/**
 * How much of a transaction its entries move: the sum of what they credit. Balanced per asset,
 * so it is also what they debit; it measures a reversal against its original, since a reversal
 * is the original whole or, for a transaction of two entries, scaled down.
 */
const creditedBy = (entries: readonly StoredEntry[]) => entries.reduce((sum, entry) => (entry.amount > 0n ? sum + entry.amount : sum), 0n);

/** One debited and one credited entry (the same asset, since they balance): the only shape a partial reversal keeps whole. */
export const isOneToOne = (entries: readonly StoredEntry[]) => entries.length === 2 && entries.some((e) => e.amount < 0n) && entries.some((e) => e.amount > 0n);

/**
 * The legs of a reversal of `original`, after the reversals already posted (`reversed`: all
 * their entries): each entry mirrored with the opposite sign, keeping its type and action, and
 * marked as undoing it so the running totals go back down. Without `amount`, all that remains;
 * with it (one-to-one originals only, validated by the caller), that much.
 */
export function reversalLegs(original: readonly StoredEntry[], reversed: readonly StoredEntry[], amount?: bigint): Leg[] {
  if (amount !== undefined && amount <= 0n) throw invalid('amount must be greater than zero');
  const remaining = creditedBy(original) - creditedBy(reversed);
  if (remaining <= 0n) throw conflict('Transaction already reversed');
  if (amount !== undefined && amount > remaining) throw new DomainError('insufficient_funds', 'Amount exceeds what remains to reverse');
  const mirror = (entry: StoredEntry, size: bigint): Leg => ({ ownerId: entry.ownerId, asset: entry.asset, amount: entry.amount < 0n ? size : -size, type: entry.type, action: entry.action, undoes: true });
  if (isOneToOne(original)) return original.map((entry) => mirror(entry, amount ?? remaining));
  // Only a whole reversal is possible here, so nothing of it has been reversed yet.
  return original.map((entry) => mirror(entry, entry.amount < 0n ? -entry.amount : entry.amount));
}
