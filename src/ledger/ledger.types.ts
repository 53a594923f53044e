import type { UserFreeze, UserRecord } from '../auth/users.service.js';

/** The three categories the Balance API reports, plus `system` for the platform's own side. */
export type EntryType = 'mining' | 'spending' | 'buying' | 'system';
export const USER_ENTRY_TYPES = ['mining', 'spending', 'buying'] as const;
export type UserEntryType = (typeof USER_ENTRY_TYPES)[number];
/** Running totals of one account: per type, per action, positive minor units. */
export type Totals = Record<UserEntryType, Record<string, bigint>>;

/** One side of a movement: a signed amount on the account of (owner, asset). */
export interface Leg {
  /** A user id, or a system account name from SYSTEM_ACCOUNTS. */
  readonly ownerId: string;
  readonly asset: string;
  /** Minor units; positive credits the account, negative debits it. */
  readonly amount: bigint;
  readonly type: EntryType;
  /** The action name recorded on this entry (defaults to the transaction's). */
  readonly action?: string;
  /**
   * The user moves this money themself (donating, being donated to, subscribing, a token action,
   * a billing update), so a freeze refuses it. Operators' corrections and payments for a user's
   * products leave it unset: they go through whatever the user's freeze.
   */
  readonly respectsFreeze?: boolean;
  /**
   * This entry takes back an earlier one of the same type and action (a reversal): the running
   * totals go down by its size instead of up, so they net back to what they were before.
   */
  readonly undoes?: boolean;
}

/**
 * At most one posting per key, enforced by the ledger itself (a unique key on the transaction):
 * for writes that must never happen twice but have no answer to replay (a subscription period's
 * charge, a billing request_id). Callers that must replay an answer use the stored answers of
 * idempotency/ (RequestKey) instead; see ARCHITECTURE.md, "Two kinds of idempotency".
 */
export interface PostingKey {
  readonly scope: string;
  readonly key: string;
  /** Hash of what was asked, so the same key with a different request is refused. */
  readonly requestHash: string;
}

export interface PostingRequest {
  /** What kind of movement this is (donation, adjustment, subscription, capture, …). */
  readonly kind: string;
  readonly action: string;
  readonly legs: readonly Leg[];
  readonly metadata?: Record<string, unknown>;
  readonly postingKey?: PostingKey;
  /** The transaction this one reverses (kind `reversal` only). */
  readonly reverses?: string;
}

/** The key an account is found by in the ledger's maps: its owner and asset. */
export const accountKey = (ownerId: string, asset: string) => `${ownerId}\u0000${asset}`;

export interface AccountState {
  readonly id: number;
  readonly ownerId: string;
  readonly asset: string;
  readonly balance: bigint;
  readonly locked: bigint;
  /** The account's change sequence (accounts.seq): one up with each entry and each hold move. */
  readonly seq: number;
}

export interface PostingResult {
  readonly transactionId: string;
  /** True when the idempotency key had already been posted: nothing was written this time. */
  readonly replayed: boolean;
  /** Account states after the posting (empty for a replay). */
  readonly accounts: readonly AccountState[];
}

/** A committed change to a user's account, published after COMMIT. */
export interface BalanceChange {
  readonly userId: string;
  readonly asset: string;
  readonly balance: bigint;
  readonly locked: bigint;
  /** The account's change sequence after the change (see AccountState.seq). */
  readonly seq: number;
  /** All running totals of the account after the change, when the posting had them at hand. */
  readonly totals?: Totals;
}

/** What an operator's freeze of a user blocks (see freezes.ts). */
export type FreezeScope = UserFreeze['scope'];

export type HoldStatus = 'pending' | 'captured' | 'released' | 'expired';

/** A reservation of part of a user's balance (see HoldsService). */
export interface Hold {
  readonly id: string;
  readonly userId: string;
  readonly asset: string;
  readonly amount: bigint;
  readonly captured: bigint | null;
  readonly status: HoldStatus;
  readonly reason: string;
  readonly expiresAt: number | null;
  readonly createdAt: number;
  readonly endedAt: number | null;
}

/** Which users' entries a history page lists; every field narrows it. */
export interface EntryFilter {
  readonly asset?: string;
  readonly type?: string;
  readonly action?: string;
  /** Created at or after (epoch ms). */
  readonly from?: number;
  /** Created before (epoch ms). */
  readonly to?: number;
}

/** Which transactions an export holds; every field narrows it. */
export interface ExportFilter {
  /** Created at or after (epoch ms). */
  readonly from?: number;
  /** Created before (epoch ms). */
  readonly to?: number;
  /** Only transactions with an entry on this user's accounts (of `asset`, when given too). */
  readonly userId?: string;
  /** Only transactions with an entry in this asset. */
  readonly asset?: string;
  /** Only transactions after this one (a transaction id, known to be one: see LedgerTransaction). */
  readonly after?: string;
}

/** What users hold of one asset: their accounts, balances and locked funds, summed exactly. */
export interface AssetSums {
  readonly accounts: number;
  readonly amount: bigint;
  readonly locked: bigint;
}

/** A user found by username, with their spendable balance (balance less locked) in one asset. */
export interface UserAndBalance {
  readonly user: UserRecord;
  readonly spendable: bigint;
}
