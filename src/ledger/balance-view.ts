import { toJsonNumber } from '../common/money.js';
import type { Totals } from './ledger.types.js';
import { totalsAsNumbers } from './totals-as-numbers.js';

/** One account as a user sees it: balance, what holds lock, change sequence and running totals. */
export interface BalanceSnapshot {
  readonly balance: bigint;
  readonly locked: bigint;
  readonly seq: number;
  readonly totals: Totals;
}

/**
 * `user:balance`'s data (and, less `seq`, getTransactions' answer): the spendable balance
 * (balance less what holds lock), the totals as the spec's numbers, and the account's sequence,
 * by which a client tells a newer balance from an older one.
 */
export function balanceView(snapshot: BalanceSnapshot, scale: number) {
  return { token: toJsonNumber(snapshot.balance - snapshot.locked, scale), transactions: totalsAsNumbers(snapshot.totals, scale), seq: snapshot.seq };
}
