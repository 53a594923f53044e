import type { Reader } from '../database/tx.js';
import { nextTransactionIds } from './ledger-sql.js';

const ID_BLOCK = 128;

/**
 * Ids for new ledger transactions, known before anything is written (a staged posting's entries
 * and its answer need it). PostgreSQL's come from the sequence a block at a time; SQLite's are
 * read in the unit's own transaction each time (its postings are written before the next is
 * planned, and another process may write the same file between transactions).
 */
export class TransactionIds {
  private free: bigint[] = [];

  async next(reader: Reader): Promise<string> {
    if (reader.dialect === 'sqlite') {
      const [row] = await reader.query<{ id: number | string }>(nextTransactionIds('sqlite', 1).sql);
      return String(row.id);
    }
    if (this.free.length === 0) {
      const rows = await reader.query<{ id: string }>(nextTransactionIds('postgres', ID_BLOCK).sql);
      this.free = rows.map((r) => BigInt(r.id)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    }
    return String(this.free.shift());
  }
}
