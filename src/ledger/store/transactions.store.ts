import type { Db } from '../../database/db.service.js';
import { forUpdate } from '../../database/sql-dialect.js';
import type { EntryFilter, EntryType } from '../ledger.types.js';
import type { StoredEntry } from '../reversal-plan.js';
import { SYSTEM_PREFIX } from '../system-accounts.js';
import { ENTRY_COLUMNS, TRANSACTION_COLUMNS, type EntryRow, type TransactionRow } from '../transaction-view.js';
import { onLedgerTables } from './ledger-tables.js';

interface StoredEntryRow {
  owner_id: string;
  asset: string;
  amount: string;
  type: EntryType;
  action: string;
}

const toStoredEntry = (row: StoredEntryRow): StoredEntry => ({ ownerId: row.owner_id, asset: row.asset, amount: BigInt(row.amount), type: row.type, action: row.action });

/** One user entry of a history page, with its transaction's kind, metadata and reversed transaction. */
export interface HistoryRow {
  id: string | number;
  owner_id: string;
  transaction_id: string | number;
  asset: string;
  amount: string;
  balance_after: string;
  type: string;
  action: string;
  kind: string;
  metadata: string;
  created_at: string | number;
  reverses: string | number | null;
}

/** Ledger transactions and their entries, as read back. */
export class TransactionsStore {
  constructor(private readonly db: Db) {}

  /** A transaction with every entry (in entry order) and the ids of its reversals; null: no such transaction. */
  find(transactionId: string): Promise<{ transaction: TransactionRow; entries: EntryRow[]; reversedBy: string[] } | null> {
    return this.db.read(async (reader) => {
      const [transaction] = await onLedgerTables<TransactionRow>(reader, `SELECT ${TRANSACTION_COLUMNS} FROM ledger_transactions t WHERE t.id = ?`, [transactionId]);
      if (!transaction) return null;
      const entries = await onLedgerTables<EntryRow>(
        reader,
        `SELECT ${ENTRY_COLUMNS}
         FROM ledger_entries e JOIN accounts a ON a.id = e.account_id
         WHERE e.transaction_id = ? ORDER BY e.id`,
        [transactionId],
      );
      const reversals = await onLedgerTables<{ id: string | number }>(reader, 'SELECT id FROM ledger_transactions WHERE reverses = ? ORDER BY id', [transactionId]);
      return { transaction, entries, reversedBy: reversals.map((r) => String(r.id)) };
    });
  }

  /**
   * A transaction to reverse, its row locked for the rest of the transaction (a read: a refusal
   * may follow), with its entries and those of its reversals, read under that lock; null: none.
   */
  lockForReversal(transactionId: string): Promise<{ id: string; kind: string; entries: StoredEntry[]; reversed: StoredEntry[] } | null> {
    return this.db.read(async (reader) => {
      const [row] = await onLedgerTables<{ id: string | number; kind: string }>(reader, `SELECT id, kind FROM ledger_transactions WHERE id = ? ${forUpdate(reader.dialect)}`, [transactionId]);
      if (!row) return null;
      const entries = await onLedgerTables<StoredEntryRow>(
        reader,
        `SELECT a.owner_id, e.asset, e.amount, e.type, e.action FROM ledger_entries e JOIN accounts a ON a.id = e.account_id
       WHERE e.transaction_id = ? ORDER BY e.id`,
        [transactionId],
      );
      const reversed = await onLedgerTables<StoredEntryRow>(
        reader,
        `SELECT a.owner_id, e.asset, e.amount, e.type, e.action FROM ledger_transactions t
       JOIN ledger_entries e ON e.transaction_id = t.id JOIN accounts a ON a.id = e.account_id
       WHERE t.reverses = ?`,
        [transactionId],
      );
      return { id: String(row.id), kind: row.kind, entries: entries.map(toStoredEntry), reversed: reversed.map(toStoredEntry) };
    });
  }

  /** Users' entries, newest first: one user's, or with `userId` null every user's (system accounts left out), and how many match. */
  history(userId: string | null, filter: EntryFilter, page: { readonly offset: number; readonly limit: number }): Promise<{ total: number; rows: HistoryRow[] }> {
    const conditions = userId === null ? ['a.owner_id NOT LIKE ?'] : ['a.owner_id = ?'];
    const params: unknown[] = userId === null ? [`${SYSTEM_PREFIX}%`] : [userId];
    const add = (sql: string, value: unknown) => {
      conditions.push(sql);
      params.push(value);
    };
    if (filter.asset !== undefined) add('e.asset = ?', filter.asset);
    if (filter.type !== undefined) add('e.type = ?', filter.type);
    if (filter.action !== undefined) add('e.action = ?', filter.action);
    if (filter.from !== undefined) add('e.created_at >= ?', filter.from);
    if (filter.to !== undefined) add('e.created_at < ?', filter.to);
    const where = conditions.join(' AND ');

    // One connection for both queries (and, on SQLite, one turn of its lock).
    return this.db.read(async (reader) => {
      const [{ n }] = await onLedgerTables<{ n: string | number }>(reader, `SELECT COUNT(*) AS n FROM ledger_entries e JOIN accounts a ON a.id = e.account_id WHERE ${where}`, params);
      const rows = await onLedgerTables<HistoryRow>(
        reader,
        `SELECT e.id, a.owner_id, e.transaction_id, e.asset, e.amount, e.balance_after, e.type, e.action, t.kind, t.metadata, e.created_at, t.reverses
         FROM ledger_entries e JOIN accounts a ON a.id = e.account_id JOIN ledger_transactions t ON t.id = e.transaction_id
         WHERE ${where}
         ORDER BY e.id DESC LIMIT ? OFFSET ?`,
        [...params, page.limit, page.offset],
      );
      return { total: Number(n), rows };
    });
  }
}
