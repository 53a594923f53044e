import type { Db, Tx } from '../../database/db.service.js';
import { forUpdate, forUpdateSkipLocked } from '../../database/sql-dialect.js';
import type { Hold, HoldStatus } from '../ledger.types.js';
import { onLedgerTables } from './ledger-tables.js';

interface HoldRow {
  id: string;
  owner_id: string;
  asset: string;
  amount: string;
  captured: string | null;
  status: HoldStatus;
  reason: string;
  expires_at: string | number | null;
  created_at: string | number;
  ended_at: string | number | null;
}

const HOLD_COLUMNS = `h.id, a.owner_id, h.asset, h.amount, h.captured, h.status, h.reason, h.expires_at, h.created_at, h.ended_at`;

/** Hold rows. Each end is a conditional update from `pending`, so a hold ends exactly once. */
export class HoldsStore {
  constructor(private readonly db: Db) {}

  async insert(tx: Tx, hold: { id: string; accountId: number; asset: string; amount: bigint; reason: string; expiresAt: number | null; createdAt: number }): Promise<void> {
    await onLedgerTables(
      tx,
      `INSERT INTO holds (id, account_id, asset, amount, status, reason, expires_at, created_at) VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)`,
      [hold.id, hold.accountId, hold.asset, hold.amount, hold.reason, hold.expiresAt, hold.createdAt],
    );
  }

  /**
   * Pending holds whose expiry has passed by `now`, oldest first, locked for `tx`. On PostgreSQL
   * several instances can ask at once: SKIP LOCKED hands each hold to exactly one of them.
   */
  async lockDue(tx: Tx, now: number, limit: number): Promise<Hold[]> {
    const rows = await onLedgerTables<HoldRow>(
      tx,
      `SELECT ${HOLD_COLUMNS} FROM holds h JOIN accounts a ON a.id = h.account_id
         WHERE h.status = 'pending' AND h.expires_at IS NOT NULL AND h.expires_at <= ?
         ORDER BY h.expires_at LIMIT ${Math.trunc(limit)} ${forUpdateSkipLocked(tx.dialect, 'h')}`,
      [now],
    );
    return rows.map(toHold);
  }

  /** The hold, its row locked for the rest of the transaction (a read: a refusal may follow); null: none. */
  async lock(holdId: string): Promise<Hold | null> {
    const rows = await this.db.read((reader) =>
      onLedgerTables<HoldRow>(reader, `SELECT ${HOLD_COLUMNS} FROM holds h JOIN accounts a ON a.id = h.account_id WHERE h.id = ? ${forUpdate(reader.dialect, 'h')}`, [holdId]),
    );
    return rows.length === 0 ? null : toHold(rows[0]);
  }

  async get(holdId: string): Promise<Hold | null> {
    const rows = await this.db.read((reader) => onLedgerTables<HoldRow>(reader, `SELECT ${HOLD_COLUMNS} FROM holds h JOIN accounts a ON a.id = h.account_id WHERE h.id = ?`, [holdId]));
    return rows.length === 0 ? null : toHold(rows[0]);
  }

  /** A user's holds, newest first, optionally of one status. */
  async ofUser(userId: string, status?: HoldStatus): Promise<Hold[]> {
    const rows = await this.db.read((reader) =>
      onLedgerTables<HoldRow>(
        reader,
        `SELECT ${HOLD_COLUMNS} FROM holds h JOIN accounts a ON a.id = h.account_id
       WHERE a.owner_id = ? ${status ? 'AND h.status = ?' : ''} ORDER BY h.created_at DESC, h.id`,
        status ? [userId, status] : [userId],
      ),
    );
    return rows.map(toHold);
  }

  /** Ends a pending hold; false when it was no longer pending. */
  async end(tx: Tx, holdId: string, end: { status: Exclude<HoldStatus, 'pending'>; captured: bigint | null; endedAt: number; transactionId: string | null }): Promise<boolean> {
    const ended = await onLedgerTables(
      tx,
      `UPDATE holds SET status = ?, captured = ?, ended_at = ?, capture_transaction_id = ? WHERE id = ? AND status = 'pending' RETURNING id`,
      [end.status, end.captured, end.endedAt, end.transactionId, holdId],
    );
    return ended.length === 1;
  }
}

function toHold(row: HoldRow): Hold {
  return {
    id: row.id,
    userId: row.owner_id,
    asset: row.asset,
    amount: BigInt(row.amount),
    captured: row.captured === null ? null : BigInt(row.captured),
    status: row.status,
    reason: row.reason,
    expiresAt: row.expires_at === null ? null : Number(row.expires_at),
    createdAt: Number(row.created_at),
    endedAt: row.ended_at === null ? null : Number(row.ended_at),
  };
}
