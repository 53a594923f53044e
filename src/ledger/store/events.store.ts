import type { Db, Tx } from '../../database/db.service.js';
import { onLedgerTables } from './ledger-tables.js';
import { assignIds, deleteEventsThrough, INSERT_EVENT, LOCK_SEQUENCER, RECORD_PURGED_THROUGH, SELECT_ANY_UNSEQUENCED, SELECT_PURGED_THROUGH, selectEventsAfter, selectEventsByIds, selectPurgeLimit, type EventRow } from './events-sql.js';

/**
 * The outbox's rows (events) and its state (events_state). Appending is part of a unit of work;
 * sequencing and purging run in transactions of their own, outside the group commit
 * (Db.separately), so their locks are never held by, or waited for inside, a batch of other units.
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
  page(after: bigint, limit: number): Promise<{ rows: Array<{ id: string | number; payload: string }>; purgedThrough: bigint }> {
    return this.db.read(async (reader) => {
      const statement = selectEventsAfter(after, limit);
      const rows = await onLedgerTables<{ id: string | number; payload: string }>(reader, statement.sql, statement.params);
      const [state] = await onLedgerTables<{ purged_through: string | number }>(reader, SELECT_PURGED_THROUGH);
      return { rows, purgedThrough: BigInt(state.purged_through) };
    });
  }

  /** The events with these ids that are still kept (a purged one is simply absent). */
  async byIds(ids: readonly bigint[]): Promise<Array<{ id: string | number; payload: string }>> {
    if (ids.length === 0) return [];
    const statement = selectEventsByIds(ids);
    return this.db.read((reader) => onLedgerTables<{ id: string | number; payload: string }>(reader, statement.sql, statement.params));
  }

  /** PostgreSQL: is any committed event still waiting for its id? (a read on the partial index: no lock, no write) */
  async anyUnsequenced(): Promise<boolean> {
    return (await this.db.read((reader) => onLedgerTables(reader, SELECT_ANY_UNSEQUENCED))).length > 0;
  }

  /** PostgreSQL: as the only sequencer until it commits, gives up to `block` committed events their ids; returns how many. */
  assignIds(block: number): Promise<number> {
    return this.db.separately(async (tx) => {
      await onLedgerTables(tx, LOCK_SEQUENCER);
      const statement = assignIds(block);
      const [row] = await onLedgerTables<{ assigned: string | number }>(tx, statement.sql, statement.params);
      return Number(row?.assigned ?? 0);
    });
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
