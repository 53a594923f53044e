import { Injectable } from '@nestjs/common';
import { notFound } from '../common/errors.js';
import { Db, type Snapshot } from '../database/db.service.js';
import { AssetRegistry } from './asset-registry.js';
import { ENTRY_COLUMNS, entryView, TRANSACTION_COLUMNS, transactionHeader, type EntryRow, type EntryView, type TransactionHeader, type TransactionRow } from './transaction-view.js';

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

/** A transaction with every one of its entries, system accounts included. */
export interface ExportedTransaction {
  readonly header: TransactionHeader;
  readonly entries: EntryView[];
}

/** An export under way: its transactions, read as asked for, and the snapshot they come from. */
export interface ExportReader {
  /** The transactions, in id order, a batch at a time; a transaction is never split across batches. */
  transactions(): AsyncGenerator<ExportedTransaction[]>;
  /** Ends the snapshot; call it once the export has ended, whichever way it ended. */
  close(): Promise<void>;
}

/** Rows fetched per round trip: large enough to stream fast, small enough to keep memory flat. */
const ROWS_PER_BATCH = 500;

/**
 * The ledger exported whole transaction by whole transaction, from one snapshot: writes that
 * commit while an export runs are not in it, and a long export holds up no writer.
 */
@Injectable()
export class LedgerExport {
  constructor(
    private readonly db: Db,
    private readonly assets: AssetRegistry,
  ) {}

  /** Takes the snapshot; a 404 when `after` names no transaction in it. */
  async open(filter: ExportFilter): Promise<ExportReader> {
    const snapshot = await this.db.snapshot();
    try {
      if (filter.after !== undefined && (await snapshot.query('SELECT id FROM ledger_transactions WHERE id = ?', [filter.after])).length === 0) {
        throw notFound(`Transaction ${filter.after} not found`);
      }
    } catch (error) {
      await snapshot.close();
      throw error;
    }
    return { transactions: () => this.read(snapshot, filter), close: () => snapshot.close() };
  }

  private async *read(snapshot: Snapshot, filter: ExportFilter): AsyncGenerator<ExportedTransaction[]> {
    const span = await transactionSpan(snapshot, filter);
    if (span === null) return;
    const { where, params } = conditions(filter, span);
    // Ordered as the entries' index by transaction (whose last column is the entry id) is, so
    // the rows stream straight off it: no sort of the whole result before the first row.
    const sql = `SELECT ${TRANSACTION_COLUMNS}, ${ENTRY_COLUMNS}
      FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id JOIN accounts a ON a.id = e.account_id
      ${where} ORDER BY e.transaction_id, e.id`;
    // The last transaction of a batch may go on in the next one: it is held back until it ends.
    let open: ExportedTransaction | null = null;
    for await (const rows of snapshot.batches<TransactionRow & EntryRow>(sql, params, ROWS_PER_BATCH)) {
      const done: ExportedTransaction[] = [];
      for (const row of rows) {
        if (open?.header.transactionId !== String(row.id)) {
          if (open) done.push(open);
          open = { header: transactionHeader(row), entries: [] };
        }
        open.entries.push(entryView(this.assets, row));
      }
      if (done.length > 0) yield done;
    }
    if (open) yield [open];
  }
}

/** The first and last transaction ids the export can hold, or null when it holds none. */
interface Span {
  readonly first?: string;
  readonly last?: string;
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
