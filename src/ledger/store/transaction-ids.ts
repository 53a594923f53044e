import type { Reader } from '../../database/tx.js';
import { nextTransactionIds } from './ledger-sql.js';

/**
 * Ids for new ledger transactions, known before anything is written (a staged posting's entries
 * and its answer need it), read as many at a time as the database allows (see nextTransactionIds:
 * a block from PostgreSQL's sequence, SQLite's next one each time) and handed out in order.
 *
 * Drawing from a sequence does not make its advance durable: PostgreSQL writes it to disk with the
 * next commit (or its WAL writer's next round). Should the server crash before then, it recovers
 * the sequence as it was before the block was drawn and hands those ids out again. So a block
 * serves only its drawer (`owner`, inside one transaction) until that transaction has committed
 * (`committed`), and then any. What is left of a block whose transaction failed is dropped with
 * it: a gap in the ids, as a sequence leaves anyway. This rests on a COMMIT that succeeded being
 * on disk (`synchronous_commit` on, the default, and no failover to a standby that lags).
 */
export class TransactionIds {
  /** Ids of blocks whose transaction committed: any transaction may use them. */
  private free: bigint[] = [];
  /** Ids of blocks drawn by transactions still open, each for its own transaction only. */
  private readonly drawn = new WeakMap<object, bigint[]>();

  /**
   * `owner`: who draws, inside one transaction (the PostingBuffer: a group commit batch's, or one
   * posting's in a transaction of its own). `lastStaged`: the id of the last posting staged in
   * this transaction and not yet written.
   */
  async next(owner: object, reader: Reader, lastStaged?: string): Promise<string> {
    const own = this.drawn.get(owner);
    if (own?.length) return String(own.shift());
    if (this.free.length > 0) return String(this.free.shift());
    const statement = nextTransactionIds(reader.dialect, lastStaged);
    if ('next' in statement) return statement.next;
    const rows = await reader.query<{ id: string | number }>(statement.sql, statement.params);
    const [first, ...rest] = rows.map((r) => BigInt(r.id)).sort(ascending);
    if (rest.length > 0) this.drawn.set(owner, rest);
    return String(first);
  }

  /** The transaction `owner` drew in committed: what is left of its block is anyone's now. */
  committed(owner: object): void {
    const left = this.drawn.get(owner);
    if (!left) return;
    this.drawn.delete(owner);
    this.free = this.free.length === 0 ? left : [...this.free, ...left].sort(ascending);
  }
}

const ascending = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
