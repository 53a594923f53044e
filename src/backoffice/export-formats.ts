import type { ExportedTransaction } from '../ledger/ledger-export.js';

export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One exported entry: the transaction's fields beside the entry's own (its action is the entry's). */
export interface ExportEntry {
  transactionId: string;
  createdAt: string;
  kind: string;
  action: string;
  userId?: string;
  account: string;
  asset: string;
  amount: string;
  type: string;
  balanceAfter: string;
  comment?: string;
  reverses?: string;
}

/**
 * The entries of a transaction as exported. Optional fields are added one by one, not spread in
 * (see entryView): this runs for every entry of a ledger.
 */
export function exportEntries(transaction: ExportedTransaction): ExportEntry[] {
  const { transactionId, createdAt, kind, comment, reverses } = transaction.header;
  return transaction.entries.map((entry) => {
    const line: ExportEntry = { transactionId, createdAt, kind, action: entry.action } as ExportEntry;
    if ('userId' in entry) line.userId = entry.userId;
    line.account = entry.account;
    line.asset = entry.asset;
    line.amount = entry.amount;
    line.type = entry.type;
    line.balanceAfter = entry.balanceAfter;
    if (comment !== undefined) line.comment = comment;
    if (reverses !== undefined) line.reverses = reverses;
    return line;
  });
}

export const CSV_HEADER = 'transaction_id,created_at,kind,action,user_id,account,asset,amount,type,balance_after,comment,reverses';

/**
 * A spreadsheet runs a cell that starts like a formula (CSV injection): the free-text cells that
 * do get a `'` in front. Identifiers and amounts are never altered (an amount's `-` is its sign).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const inert = (cell: string) => (FORMULA_START.test(cell) ? `'${cell}` : cell);
/** RFC 4180: a field holding a quote, comma or line break is quoted, its quotes doubled. */
const field = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

function csvRow(entry: ExportEntry): string {
  const cells = [
    entry.transactionId,
    entry.createdAt,
    inert(entry.kind),
    inert(entry.action),
    entry.userId ?? '',
    entry.account,
    entry.asset,
    entry.amount,
    entry.type,
    entry.balanceAfter,
    inert(entry.comment ?? ''),
    entry.reverses ?? '',
  ];
  return `${cells.map(field).join(',')}\r\n`;
}

/** The text of an export in a format: what comes first, each batch of transactions, and what ends it. */
export interface ExportWriter {
  readonly contentType: string;
  readonly extension: string;
  start(): string;
  /** The lines of whole transactions. */
  transactions(batch: ExportedTransaction[]): string;
  /** Written only when every entry was: a file without it was cut short. */
  end(): string;
}

export function exportWriter(format: ExportFormat): ExportWriter {
  let count = 0;
  const lines = (batch: ExportedTransaction[], line: (entry: ExportEntry) => string) =>
    batch
      .flatMap(exportEntries)
      .map((entry) => (count++, line(entry)))
      .join('');
  return format === 'csv'
    ? {
        contentType: 'text/csv; charset=utf-8',
        extension: 'csv',
        start: () => `${CSV_HEADER}\r\n`,
        transactions: (batch) => lines(batch, csvRow),
        end: () => '',
      }
    : {
        contentType: 'application/x-ndjson; charset=utf-8',
        extension: 'ndjson',
        start: () => '',
        transactions: (batch) => lines(batch, (entry) => `${JSON.stringify(entry)}\n`),
        end: () => `${JSON.stringify({ end: true, count })}\n`,
      };
}
