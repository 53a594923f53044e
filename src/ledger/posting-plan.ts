import { InsufficientFundsError, invalid } from '../common/errors.js';
import { AMOUNT_DIGITS } from '../database/dialect.js';
import { accountKey, USER_ENTRY_TYPES, type AccountState, type PostingRequest, type Totals, type UserEntryType } from './ledger.types.js';
import { isSystemOwner, mayGoNegative } from './system-accounts.js';
import type { EntryRow } from './store/staged-posting.js';

export type { EntryRow } from './store/staged-posting.js';

const TOTALS_TYPES = new Set<string>(USER_ENTRY_TYPES);

/** What a posting does to its accounts, computed before anything is written. */
export interface PostingPlan {
  /** Every account of the posting, after it. */
  readonly after: Map<string, AccountState>;
  /** The balance after each leg, in leg order. */
  readonly balancesAfter: bigint[];
  /** Accounts whose balance moved. */
  readonly changed: AccountState[];
}

/**
 * Applies the legs in order to `before` (every account of the posting) and refuses the posting
 * if it takes an account's spendable balance (balance less what holds have locked) below zero.
 * Only the issuer may go negative, and an account may always move up.
 */
export function planPosting(request: PostingRequest, before: ReadonlyMap<string, AccountState>): PostingPlan {
  const after = new Map(before);
  const balancesAfter: bigint[] = [];
  for (const leg of request.legs) {
    const key = accountKey(leg.ownerId, leg.asset);
    const account = after.get(key)!;
    const balance = account.balance + leg.amount;
    after.set(key, { ...account, balance, seq: account.seq + 1 });
    balancesAfter.push(balance);
  }
  for (const account of after.values()) requireStorable(account.balance, account.asset);
  for (const [key, account] of after) {
    if (account.balance >= before.get(key)!.balance || mayGoNegative(account.ownerId)) continue;
    if (account.balance - account.locked < 0n) throw new InsufficientFundsError(account.ownerId, account.asset);
  }
  const changed = [...after.values()].filter((a) => a.balance !== before.get(accountKey(a.ownerId, a.asset))!.balance);
  return { after, balancesAfter, changed };
}

const STORABLE_LIMIT = 10n ** BigInt(AMOUNT_DIGITS);

/**
 * A balance or running total the amount columns cannot hold is refused before anything is
 * written. MAX_AMOUNT keeps every real ledger about 10^18 maximal requests away from this; it
 * is here so that reaching it is a coded refusal, never an overflow inside the database.
 */
export function requireStorable(minor: bigint, asset: string): void {
  if (minor >= STORABLE_LIMIT || minor <= -STORABLE_LIMIT) {
    throw invalid(`The ledger cannot hold a ${asset} balance or total of ${AMOUNT_DIGITS} digits or more in minor units`);
  }
}

/** The entries of a planned posting, one per leg, in leg order. */
export function entryRows(request: PostingRequest, plan: Pick<PostingPlan, 'after' | 'balancesAfter'>): EntryRow[] {
  return request.legs.map((leg, i) => ({
    accountId: plan.after.get(accountKey(leg.ownerId, leg.asset))!.id,
    asset: leg.asset,
    amount: leg.amount,
    balanceAfter: plan.balancesAfter[i],
    type: leg.type,
    action: leg.action ?? request.action,
  }));
}

/**
 * What a posting adds to running totals per user account, type and action: each entry's size,
 * taken off instead for an entry that undoes an earlier one.
 */
export function totalsDeltas(request: PostingRequest, accounts: ReadonlyMap<string, AccountState>): Array<{ accountId: number; type: UserEntryType; action: string; amount: bigint }> {
  const sums = new Map<string, { accountId: number; type: UserEntryType; action: string; amount: bigint }>();
  for (const leg of request.legs) {
    if (isSystemOwner(leg.ownerId) || !TOTALS_TYPES.has(leg.type)) continue;
    const accountId = accounts.get(accountKey(leg.ownerId, leg.asset))!.id;
    const action = leg.action ?? request.action;
    const key = `${accountId}\u0000${leg.type}\u0000${action}`;
    const magnitude = leg.amount < 0n ? -leg.amount : leg.amount;
    const entry = sums.get(key) ?? { accountId, type: leg.type as UserEntryType, action, amount: 0n };
    sums.set(key, { ...entry, amount: leg.undoes ? entry.amount - magnitude : entry.amount + magnitude });
  }
  return [...sums.values()];
}

/** Totals with one amount added (a new object: held totals are shared with undo records). */
export function addToTotals(totals: Totals, type: UserEntryType, action: string, amount: bigint): Totals {
  return { ...totals, [type]: { ...totals[type], [action]: (totals[type][action] ?? 0n) + amount } };
}

export const emptyTotals = (): Totals => ({ spending: {}, mining: {}, buying: {} });
