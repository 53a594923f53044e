import { Injectable } from '@nestjs/common';
import { notFound } from '../common/errors.js';
import type { Snapshot } from '../database/db.service.js';
import { AssetRegistry } from './asset-registry.js';
import type { ExportFilter } from './ledger.types.js';
import { LedgerStore } from './store/ledger.store.js';
import { entryView, transactionHeader, type EntryView, type TransactionHeader } from './transaction-view.js';

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
    private readonly store: LedgerStore,
    private readonly assets: AssetRegistry,
  ) {}

  /** Takes the snapshot; a 404 when `after` names no transaction in it. */
  async open(filter: ExportFilter): Promise<ExportReader> {
    const snapshot = await this.store.exports.snapshot();
    try {
      if (filter.after !== undefined && !(await this.store.exports.hasTransaction(snapshot, filter.after))) {
        throw notFound(`Transaction ${filter.after} not found`);
      }
    } catch (error) {
      await snapshot.close();
      throw error;
    }
    return { transactions: () => this.read(snapshot, filter), close: () => snapshot.close() };
  }

  private async *read(snapshot: Snapshot, filter: ExportFilter): AsyncGenerator<ExportedTransaction[]> {
    // The last transaction of a batch may go on in the next one: it is held back until it ends.
    let open: ExportedTransaction | null = null;
    for await (const rows of this.store.exports.rows(snapshot, filter, ROWS_PER_BATCH)) {
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
