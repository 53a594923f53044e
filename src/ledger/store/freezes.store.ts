import type { Tx } from '../../database/db.service.js';
import { forUpdate } from '../../database/sql-dialect.js';
import type { FreezeScope } from '../ledger.types.js';
import { onLedgerTables } from './ledger-tables.js';

/**
 * Freezes, stored on the user's row. Through the store because the PostingBuffer holds the
 * freezes it read for the rest of a batch: a change is written after the postings held
 * back, and the buffer reads the freezes again.
 */
export class FreezesStore {
  /** When the user's current freeze began (null: not frozen), the row locked FOR UPDATE; null: no such user. */
  async lock(tx: Tx, userId: string): Promise<{ since: number | null } | null> {
    const [row] = await onLedgerTables<{ frozen_since: string | number | null }>(tx, `SELECT frozen_since FROM users WHERE id = ? ${forUpdate(tx.dialect)}`, [userId]);
    if (!row) return null;
    return { since: row.frozen_since === null ? null : Number(row.frozen_since) };
  }

  async set(tx: Tx, userId: string, freeze: { scope: FreezeScope; reason: string; since: number; by: string }): Promise<void> {
    await onLedgerTables(tx, 'UPDATE users SET frozen_scope = ?, frozen_reason = ?, frozen_since = ?, frozen_by = ? WHERE id = ?', [freeze.scope, freeze.reason, freeze.since, freeze.by, userId]);
  }

  async clear(tx: Tx, userId: string): Promise<void> {
    await onLedgerTables(tx, 'UPDATE users SET frozen_scope = NULL, frozen_reason = NULL, frozen_since = NULL, frozen_by = NULL WHERE id = ?', [userId]);
  }
}
