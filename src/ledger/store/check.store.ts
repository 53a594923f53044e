import type { Reader } from '../../database/db.service.js';
import { onLedgerTables } from './ledger-tables.js';

/** The rows the invariant check reads, each statement on the connection (and snapshot) of the whole check. */
export class CheckStore {
  /** Entries after (transaction id, entry id) `after`, in that order: keyset pages of the whole ledger. */
  entriesAfter(reader: Reader, after: readonly [number, number], limit: number) {
    return onLedgerTables<{ id: string | number; transaction_id: string | number; account_id: string | number; asset: string; amount: string; balance_after: string }>(
      reader,
      `SELECT id, transaction_id, account_id, asset, amount, balance_after FROM ledger_entries
         WHERE (transaction_id, id) > (?, ?) ORDER BY transaction_id, id LIMIT ${Math.trunc(limit)}`,
      [...after],
    );
  }

  pendingHolds(reader: Reader) {
    return onLedgerTables<{ account_id: string | number; amount: string }>(reader, `SELECT account_id, amount FROM holds WHERE status = 'pending'`);
  }

  accounts(reader: Reader) {
    return onLedgerTables<{ id: string | number; owner_id: string; asset: string; balance: string; locked: string }>(reader, 'SELECT id, owner_id, asset, balance, locked FROM accounts ORDER BY id');
  }
}
