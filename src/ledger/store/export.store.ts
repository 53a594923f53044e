import type { Db, Snapshot } from '../../database/db.service.js';
import type { ExportFilter } from '../ledger.types.js';
import { ENTRY_COLUMNS, TRANSACTION_COLUMNS, type EntryRow, type TransactionRow } from '../transaction-view.js';

/** The first and last transaction ids the export can hold, or null when it holds none. */
interface Span {
  readonly first?: string;
  readonly last?: string;
}

/**
 * The ledger read for an export, from one snapshot: a connection of its own, read-only, so
 * nothing is held back there (no flush) and a long export holds up no writer.
 */
export class ExportStore {
  constructor(private readonly db: Db) {}

  snapshot(): Promise<Snapshot> {
    return this.db.snapshot();
  }

  async hasTransaction(snapshot: Snapshot, transactionId: string): Promise<boolean> {
    return (await snapshot.query('SELECT id FROM ledger_transactions WHERE id = ?', [transactionId])).length > 0;
  }

  /** Every entry of every matching transaction with its transaction's columns, in (transaction, entry) order, `size` rows at a time. */
  async *rows(snapshot: Snapshot, filter: ExportFilter, size: number): AsyncGenerator<Array<TransactionRow & EntryRow>> {
    const span = await transactionSpan(snapshot, filter);
    if (span === null) return;
    const { where, params } = conditions(filter, span);
    // Ordered as the entries' index by transaction (whose last column is the entry id) is, so
    // the rows stream straight off it: no sort of the whole result before the first row.
    const sql = `SELECT ${TRANSACTION_COLUMNS}, ${ENTRY_COLUMNS}
      FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id JOIN accounts a ON a.id = e.account_id
      ${where} ORDER BY e.transaction_id, e.id`;
    yield* snapshot.batches<TransactionRow & EntryRow>(sql, params, size);
  }
}

/**
 * A time window as a range of transaction ids (found on the index by time), which the query
 * then walks in id order. Ids do not follow time exactly, so the window's own bounds still apply
 * to each transaction inside the range.
 */
async function transactionSpan(snapshot: Snapshot, filter: ExportFilter): Promise<Span | null> {
  if (filter.from === undefined && filter.to === undefined) return {};
  const bounds = [filter.from === undefined ? '' : 'created_at >= ?', filter.to === undefined ? '' : 'created_at < ?'].filter(Boolean);
  const [row] = await snapshot.query<{ first: string | number | null; last: string | number | null }>(
    `SELECT MIN(id) AS first, MAX(id) AS last FROM ledger_transactions WHERE ${bounds.join(' AND ')}`,
    [filter.from, filter.to].filter((v) => v !== undefined),
  );
  return row.first === null || row.last === null ? null : { first: String(row.first), last: String(row.last) };
}

/** The WHERE clause of a filter, with its parameters. */
function conditions(filter: ExportFilter, span: Span): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    clauses.push(sql);
    params.push(...values);
  };
  if (filter.after !== undefined) add('e.transaction_id > ?', filter.after);
  if (span.first !== undefined) add('e.transaction_id BETWEEN ? AND ?', span.first, span.last);
  if (filter.from !== undefined) add('t.created_at >= ?', filter.from);
  if (filter.to !== undefined) add('t.created_at < ?', filter.to);
  if (filter.userId !== undefined) {
    // An account holds one asset, so the user's accounts of that asset find both at once.
    const ofAsset = filter.asset === undefined ? '' : ' AND asset = ?';
    add(
      `t.id IN (SELECT m.transaction_id FROM ledger_entries m WHERE m.account_id IN (SELECT id FROM accounts WHERE owner_id = ?${ofAsset}))`,
      filter.userId,
      ...(filter.asset === undefined ? [] : [filter.asset]),
    );
  } else if (filter.asset !== undefined) {
    add('EXISTS (SELECT 1 FROM ledger_entries m WHERE m.transaction_id = t.id AND m.asset = ?)', filter.asset);
  }
  return { where: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params };
}
