import { formatAmount } from '../common/money.js';
import type { AssetRegistry } from './asset-registry.js';

/**
 * How a ledger transaction and its entries are shown to operators, wherever they are read
 * (GET /transactions/{id}, the export, the `transaction.committed` event): one mapping, so they
 * can never disagree.
 */

/** The columns of `ledger_transactions t` that `transactionHeader` reads. */
export const TRANSACTION_COLUMNS = 't.id, t.kind, t.action, t.metadata, t.created_at, t.reverses';
/** The columns of `ledger_entries e JOIN accounts a` that `entryView` reads. */
export const ENTRY_COLUMNS = 'a.owner_id, a.owner_kind, e.asset, e.amount, e.balance_after, e.type, e.action AS entry_action';

export interface TransactionRow {
  id: string | number;
  kind: string;
  action: string;
  metadata: string;
  created_at: string | number;
  /** The transaction a reversal reverses (null on every other kind). */
  reverses: string | number | null;
}

export interface EntryRow {
  owner_id: string;
  owner_kind: 'user' | 'system';
  asset: string;
  /** Minor units: as read from the database, or as the ledger just computed them (its events). */
  amount: string | bigint;
  balance_after: string | bigint;
  type: string;
  entry_action: string;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** A transaction without its entries: id, time, kind and action, and the operator's comment, actor and reversed transaction when there are. */
export function transactionHeader(row: TransactionRow) {
  const metadata = JSON.parse(row.metadata) as Record<string, unknown>;
  const comment = text(metadata.comment);
  const actor = text(metadata.admin);
  return {
    transactionId: String(row.id),
    createdAt: new Date(Number(row.created_at)).toISOString(),
    kind: row.kind,
    action: row.action,
    ...(comment === undefined ? {} : { comment }),
    ...(actor === undefined ? {} : { actor: { id: actor } }),
    ...(row.reverses === null ? {} : { reverses: String(row.reverses) }),
  };
}

export type TransactionHeader = ReturnType<typeof transactionHeader>;

/** One side of a transaction: its account (and user, on a user account), exact signed amount and the balance it left. */
export function entryView(assets: AssetRegistry, row: EntryRow) {
  const scale = assets.get(row.asset).scale;
  const fields = {
    account: row.owner_id,
    asset: row.asset,
    amount: formatAmount(BigInt(row.amount), scale),
    type: row.type,
    action: row.entry_action,
    balanceAfter: formatAmount(BigInt(row.balance_after), scale),
  };
  // Not `{ ...(cond ? { userId } : {}), … }`: V8 keeps objects made that way in its old
  // generation, so an export of a million entries grew the heap by over 100 MB between collections.
  return row.owner_kind === 'user' ? { userId: row.owner_id, ...fields } : fields;
}

export type EntryView = ReturnType<typeof entryView>;
