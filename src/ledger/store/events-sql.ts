import type { Dialect } from '../../database/dialect.js';
import type { Statement } from '../../database/tx.js';

/*
 * The outbox's SQL. Both databases insert the same columns; the public `id` is the
 * AUTOINCREMENT key on SQLite and is given by the sequencer on PostgreSQL (see the migration
 * and events/event-sequencer.ts). Reading by `id` is the same on both: an unsequenced row has none.
 */

/** One event row to insert: its type, time (epoch ms) and stored payload (see eventPayload). */
export interface EventRow {
  readonly type: string;
  readonly createdAt: number;
  readonly payload: string;
}

export const INSERT_EVENT = 'INSERT INTO events (type, created_at, payload) VALUES (?, ?, ?)';

/**
 * PostgreSQL: the part of a set-based write (a `WITH` list member) that inserts these rows,
 * passed as one JSON parameter. They commit together, so their order among themselves is no
 * reader's concern: the sequencer gives them ids in one go.
 */
export const PG_INSERT_EVENTS_FROM_JSON = `INSERT INTO events (type, created_at, payload)
         SELECT type, at, payload FROM json_to_recordset(?::json) AS v(type text, at bigint, payload text)`;

export const eventsAsJson = (rows: readonly EventRow[]) => JSON.stringify(rows.map((r) => ({ type: r.type, at: r.createdAt, payload: r.payload })));

/** Events after `after`, oldest first. */
export function selectEventsAfter(after: bigint, limit: number): Statement {
  return { sql: `SELECT id, type, created_at, payload FROM events WHERE id > ? ORDER BY id LIMIT ${Math.trunc(limit)}`, params: [after.toString()] };
}

/** The events with these ids that are still kept (ids are decimal strings of bigints). */
export function selectEventsByIds(ids: readonly bigint[]): Statement {
  return { sql: `SELECT id, type, created_at, payload FROM events WHERE id IN (${ids.map(() => '?').join(', ')})`, params: ids.map(String) };
}

export const SELECT_PURGED_THROUGH = 'SELECT purged_through FROM events_state WHERE one = 1';

/**
 * PostgreSQL: as the only sequencer until it commits, gives up to `block` committed, unsequenced
 * events their ids, after the last one given, in insertion order; returns how many (0 at once
 * when none waits). One round trip: the function (the migration SequenceEventsFunction) takes
 * events_state's row lock, then assigns in a statement of its own, whose snapshot is taken after
 * the previous sequencer committed, so no row gets an id twice and every id it gives is above
 * every id visible so far. Sent on its own (autocommit): its COMMIT ends the function's run.
 */
export function sequenceEvents(block: number): Statement {
  return { sql: 'SELECT sequence_events(?) AS assigned', params: [Math.trunc(block)] };
}

/**
 * The highest id that may be purged: every event up to it is older than `cutoff` (ms). Ids are
 * given in commit order and times are nearly so; stopping at the first recent one keeps every
 * event of the retention period, and `purged_through` means exactly "every id up to here is gone".
 */
export function selectPurgeLimit(cutoff: number): Statement {
  return {
    sql: `SELECT COALESCE(
         (SELECT id FROM events WHERE id IS NOT NULL AND created_at >= ? ORDER BY id LIMIT 1) - 1,
         (SELECT MAX(id) FROM events)
       ) AS through`,
    params: [cutoff],
  };
}

/** The oldest events up to `through`, at most `chunk` of them (small transactions on a busy table); returns their ids. */
export function deleteEventsThrough(dialect: Dialect, through: bigint, chunk: number): Statement {
  return {
    sql: `DELETE FROM events WHERE id IN (SELECT id FROM events WHERE id <= ? ORDER BY id LIMIT ${Math.trunc(chunk)}) RETURNING id`,
    params: [dialect === 'postgres' ? through.toString() : Number(through)],
  };
}

export const RECORD_PURGED_THROUGH = 'UPDATE events_state SET purged_through = ? WHERE one = 1 AND purged_through < ?';
