import { Injectable } from '@nestjs/common';
import { AssetRegistry } from './asset-registry.js';
import { LedgerStore } from './store/ledger.store.js';
import { entryView, transactionHeader } from './transaction-view.js';

/** A transaction id as stored (a positive bigint); anything else names no transaction. */
const TRANSACTION_ID = /^[1-9][0-9]{0,17}$/;
export const isTransactionId = (id: string) => TRANSACTION_ID.test(id);

/** One ledger transaction with every entry, system accounts included: what an operator proves a movement with. */
@Injectable()
export class LedgerTransaction {
  constructor(
    private readonly store: LedgerStore,
    private readonly assets: AssetRegistry,
  ) {}

  /** The transaction, or null when no transaction has this id (a non-numeric id included). */
  async find(transactionId: string) {
    if (!isTransactionId(transactionId)) return null;
    const found = await this.store.transactions.find(transactionId);
    if (!found) return null;
    return {
      ...transactionHeader(found.transaction),
      reversedBy: found.reversedBy,
      entries: found.entries.map((entry) => entryView(this.assets, entry)),
    };
  }
}
