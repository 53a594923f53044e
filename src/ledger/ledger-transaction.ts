import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.service.js';
import { AssetRegistry } from './asset-registry.js';
import { ENTRY_COLUMNS, entryView, TRANSACTION_COLUMNS, transactionHeader, type EntryRow, type TransactionRow } from './transaction-view.js';

/** A transaction id as stored (a positive bigint); anything else names no transaction. */
const TRANSACTION_ID = /^[1-9][0-9]{0,17}$/;
export const isTransactionId = (id: string) => TRANSACTION_ID.test(id);

/** One ledger transaction with every entry, system accounts included: what an operator proves a movement with. */
@Injectable()
export class LedgerTransaction {
  constructor(
    private readonly db: Db,
    private readonly assets: AssetRegistry,
  ) {}

  /** The transaction, or null when no transaction has this id (a non-numeric id included). */
  async find(transactionId: string) {
    if (!isTransactionId(transactionId)) return null;
    return this.db.read(async (reader) => {
      const [transaction] = await reader.query<TransactionRow>(`SELECT ${TRANSACTION_COLUMNS} FROM ledger_transactions t WHERE t.id = ?`, [transactionId]);
      if (!transaction) return null;
      const entries = await reader.query<EntryRow>(
        `SELECT ${ENTRY_COLUMNS}
         FROM ledger_entries e JOIN accounts a ON a.id = e.account_id
         WHERE e.transaction_id = ? ORDER BY e.id`,
        [transactionId],
      );
      const reversals = await reader.query<{ id: string | number }>('SELECT id FROM ledger_transactions WHERE reverses = ? ORDER BY id', [transactionId]);
      return {
        ...transactionHeader(transaction),
        reversedBy: reversals.map((r) => String(r.id)),
        entries: entries.map((entry) => entryView(this.assets, entry)),
      };
    });
  }
}
