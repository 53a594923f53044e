import type { Reader } from '../../database/tx.js';
import { nextTransactionIds } from './ledger-sql.js';

/**
 * Ids for new ledger transactions, known before anything is written (a staged posting's entries
 * and its answer need it), read as many at a time as the database allows (see nextTransactionIds:
 * a block from PostgreSQL's sequence, SQLite's next one each time) and handed out in order.
 */
export class TransactionIds {
  private free: bigint[] = [];

  /** `lastStaged`: the id of the last posting staged in this transaction and not yet written. */
  async next(reader: Reader, lastStaged?: string): Promise<string> {
    if (this.free.length === 0) {
      const statement = nextTransactionIds(reader.dialect, lastStaged);
      if ('next' in statement) return statement.next;
      const rows = await reader.query<{ id: string | number }>(statement.sql, statement.params);
      this.free = rows.map((r) => BigInt(r.id)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    }
    return String(this.free.shift());
  }
}
