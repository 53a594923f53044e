import type { Reader } from '../../database/tx.js';
import { nextTransactionIds } from './ledger-sql.js';

/**
 * Ids for new ledger transactions, known before anything is written (a staged posting's entries
 * and its answer need it), read as many at a time as the database allows (see nextTransactionIds:
 * a block from PostgreSQL's sequence, SQLite's next one each time) and handed out in order.
 */
export class TransactionIds {
  private free: bigint[] = [];

  async next(reader: Reader): Promise<string> {
    if (this.free.length === 0) {
      const rows = await reader.query<{ id: string | number }>(nextTransactionIds(reader.dialect).sql);
      this.free = rows.map((r) => BigInt(r.id)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    }
    return String(this.free.shift());
  }
}
