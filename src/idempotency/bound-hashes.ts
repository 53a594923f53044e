import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { Db, type Tx } from '../database/db.service.js';

/**
 * A request authenticated by a hash over its parameters' texts (the legacy API's SHA1), and the
 * texts it covered, in the hash's order and exactly as sent ('' for an absent one).
 */
export interface HashedRequest {
  /** Hex; compared and stored in lower case, so that either case of one hash is one hash. */
  readonly hash: string;
  readonly parameters: readonly string[];
}

/** What a hash is bound to: nothing yet, the same parameters, or other ones. */
export type HashBinding = 'unbound' | 'same' | 'other';

/**
 * The legacy API's update hash is a SHA1 of its values concatenated with no separators, so one
 * hash fits every re-split of the same characters (`10.50`+`inv-1` and `10.5`+`0inv-1`). Once a
 * request has been accepted, its hash is bound here to its parameters, in the same database
 * transaction as what it did, and the same hash with other parameters can be refused.
 *
 * Bindings are never pruned: a request_id stays spent in the ledger for good, and a binding
 * dropped after some retention would let a capture older than that be re-split and credited
 * again. They grow by one short row per accepted update, beside the ledger's own rows for it.
 * A binding, once written, never changes, so a `same` or `other` read outside the transaction
 * stays true; only `unbound` can go stale, and the primary key catches that.
 */
@Injectable()
export class BoundHashes {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** A read (also inside a unit of work, where a refusal that follows has then written nothing). */
  async find(request: HashedRequest): Promise<HashBinding> {
    const rows = await this.db.read((reader) =>
      reader.query<{ parameters: string }>('SELECT parameters FROM legacy_bound_hashes WHERE hash = ?', [request.hash.toLowerCase()]),
    );
    if (rows.length === 0) return 'unbound';
    return rows[0].parameters === encode(request.parameters) ? 'same' : 'other';
  }

  /**
   * Binds an unbound hash inside the transaction that accepts its request. When another request
   * bound the same hash first, this fails with a unique violation (on PostgreSQL once that one
   * has committed) and the transaction rolls back whole: ask `find` again, then.
   */
  async bind(tx: Tx, request: HashedRequest): Promise<void> {
    await tx.query('INSERT INTO legacy_bound_hashes (hash, parameters, created_at) VALUES (?, ?, ?)', [
      request.hash.toLowerCase(),
      encode(request.parameters),
      this.clock.now(),
    ]);
  }
}

/** A JSON array: unambiguous where the hash's concatenation is not. */
const encode = (parameters: readonly string[]): string => JSON.stringify(parameters);
