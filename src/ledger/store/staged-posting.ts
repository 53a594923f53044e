import type { AccountState, PostingKey, Totals, UserEntryType } from '../ledger.types.js';

/** An account row locked by the transaction, with its running totals, as it stands now. */
export interface HeldAccount {
  readonly state: AccountState;
  readonly totals: Totals;
  /** created_at of the account's last entry (0: none), so a new one is never earlier. */
  readonly lastEntryAt: number;
}

/** A planned posting, ready to be written: every row it adds or changes. */
export interface StagedPosting {
  readonly transaction: {
    readonly id: string;
    readonly kind: string;
    readonly action: string;
    readonly metadata: string;
    readonly postingKey?: PostingKey;
    readonly createdAt: number;
    readonly reverses?: string;
  };
  /** Its `transaction.committed` event, as stored (see ledger/events/event-types.ts), written with it. */
  readonly event: string;
  readonly entries: readonly EntryRow[];
  /** Accounts after this posting (balance and totals). */
  readonly accounts: readonly HeldAccount[];
  /** The running totals this posting changed, with their new values. */
  readonly totals: ReadonlyArray<{ accountId: number; type: UserEntryType; action: string; total: bigint }>;
}

/** One entry of a posting: a leg, with the balance it leaves. */
export interface EntryRow {
  readonly accountId: number;
  readonly asset: string;
  readonly amount: bigint;
  readonly balanceAfter: bigint;
  readonly type: string;
  readonly action: string;
}
