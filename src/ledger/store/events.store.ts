import type { Db, Tx } from '../../database/db.service.js';
import { onLedgerTables } from './ledger-tables.js';
import { deleteEventsThrough, INSERT_EVENT, RECORD_PURGED_THROUGH, SELECT_PURGED_THROUGH, selectEventsAfter, selectEventsByIds, selectPurgeLimit, sequenceEvents, type EventRow } from './events-sql.js';

/** An event row as read back: `created_at` in epoch ms, `payload` its JSON without the id. */
export interface StoredEvent {
  readonly id: string | number;
  readonly type: string;
  readonly created_at: string | number;
  readonly payload: string;
}

/**
 * The outbox's rows (events) and its state (events_state). Appending is part of a unit of work;
 * on PostgreSQL, sequencing (one statement, Db.outside) and purging (Db.separately) run outside
 * the group commit, so their locks are never held by, or waited for inside, a batch of other
 * units (SQLite has one writer: there they are units of it, and ids are given at insert).
 */
export class EventsStore {
  constructor(private readonly db: Db) {}

  /** An event row of `tx`, written after the postings it holds back, so a transaction's events keep the order of its changes. */
  async append(tx: Tx, row: EventRow): Promise<void> {
    await onLedgerTables(tx, INSERT_EVENT, [row.type, row.createdAt, row.payload]);
  }

  /**
   * Events after `after` (ids in commit order), oldest first, at most `limit`, and the highest id
   * purged, read after the rows in the same read: a purge that took any of them is seen.
   */
  page(after: bigint, limit: number): Promise<{ rows: StoredEvent[]; purgedThrough: bigint }> {
    return this.db.read(async (reader) => {
      const statement = selectEventsAfter(after, limit);
      const rows = await onLedgerTables<StoredEvent>(reader, statement.sql, statement.params);
      const [state] = await onLedgerTables<{ purged_through: string | number }>(reader, SELECT_PURGED_THROUGH);
      return { rows, purgedThrough: BigInt(state.purged_through) };
    });
  }

  /** The events with these ids that are still kept (a purged one is simply absent). */
  async byIds(ids: readonly bigint[]): Promise<StoredEvent[]> {
    if (ids.length === 0) return [];
    const statement = selectEventsByIds(ids);
    return this.db.read((reader) => onLedgerTables<StoredEvent>(reader, statement.sql, statement.params));
  }

  /**
   * PostgreSQL: as the only sequencer until it commits, gives up to `block` committed events their
   * ids; returns how many. A statement of its own, outside any unit of work: its lock must not be
   * held by, or wait inside, a batch of other units.
   */
  async assignIds(block: number): Promise<number> {
    const statement = sequenceEvents(block);
    const [row] = await this.db.outside((reader) => onLedgerTables<{ assigned: string | number }>(reader, statement.sql, statement.params));
    return Number(row?.assigned ?? 0);
  }

  /** The highest id that may be purged for events before `cutoff` (see selectPurgeLimit); null: none. */
  async purgeLimit(cutoff: number): Promise<bigint | null> {
    const statement = selectPurgeLimit(cutoff);
    const [limit] = await this.db.read((reader) => onLedgerTables<{ through: string | number | null }>(reader, statement.sql, statement.params));
    return limit.through === null ? null : BigInt(limit.through);
  }

  async purgedThrough(): Promise<bigint> {
    const [state] = await this.db.read((reader) => onLedgerTables<{ purged_through: string | number }>(reader, SELECT_PURGED_THROUGH));
    return BigInt(state.purged_through);
  }

  /** Deletes the oldest events up to `through`, at most `chunk`, and records the highest id deleted, in one transaction; returns how many. */
  purgeChunk(through: bigint, chunk: number): Promise<number> {
    return this.db.separately(async (tx) => {
      const statement = deleteEventsThrough(tx.dialect, through, chunk);
      const rows = await onLedgerTables<{ id: string | number }>(tx, statement.sql, statement.params);
      if (rows.length === 0) return 0;
      const highest = rows.reduce((max, row) => (BigInt(row.id) > max ? BigInt(row.id) : max), 0n).toString();
      await onLedgerTables(tx, RECORD_PURGED_THROUGH, [highest, highest]);
      return rows.length;
    });
  }
}
