import type { Reader, Tx } from '../database/db.service.js';
import { forUpdateSkipLocked, insertedRows, inList } from '../database/sql-dialect.js';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One event for one endpoint, with what its attempts came to. */
export interface Delivery {
  readonly webhookId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly payload: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  /** Failed attempts since the schedule (re)started: what the next delay depends on. */
  readonly scheduleAttempts: number;
  readonly scheduleStartedAt: number;
  readonly nextAttemptAt: number | null;
  readonly lastAttemptAt: number | null;
  readonly lastStatus: number | null;
  readonly lastResponse: string | null;
  readonly lastError: string | null;
}

type DeliveryRow = {
  webhook_id: string;
  event_id: string | number;
  event_type: string;
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  schedule_attempts: number;
  schedule_started_at: string | number;
  next_attempt_at: string | number | null;
  last_attempt_at: string | number | null;
  last_status: number | null;
  last_response: string | null;
  last_error: string | null;
};

const num = (value: string | number | null): number | null => (value === null ? null : Number(value));

function deliveryOf(row: DeliveryRow): Delivery {
  return {
    webhookId: row.webhook_id,
    eventId: String(row.event_id),
    eventType: row.event_type,
    payload: row.payload,
    status: row.status,
    attempts: Number(row.attempts),
    scheduleAttempts: Number(row.schedule_attempts),
    scheduleStartedAt: Number(row.schedule_started_at),
    nextAttemptAt: num(row.next_attempt_at),
    lastAttemptAt: num(row.last_attempt_at),
    lastStatus: row.last_status === null ? null : Number(row.last_status),
    lastResponse: row.last_response,
    lastError: row.last_error,
  };
}

/** What one attempt came to, to store on its delivery. */
export interface AttemptOutcome {
  readonly status: DeliveryStatus;
  readonly nextAttemptAt: number | null;
  readonly attemptedAt: number;
  readonly httpStatus: number | null;
  readonly response: string | null;
  readonly error: string | null;
}

/**
 * The stored body of a delivery that is to be read from the events table. Most deliveries are
 * attempted as the fan-out writes them, and succeed: copying each event's body into its delivery
 * row doubled what the database writes per event. The body is written to the row with the first
 * failed attempt (a retry may come after the event's retention), and read from the events table
 * when an instance stopped before its attempt.
 */
export const PAYLOAD_IN_EVENTS = '';

/** Rows one statement writes at most: well under either database's limit on parameters. */
const ROWS_PER_STATEMENT = 200;

function* chunksOf<T>(items: readonly T[], size: number): Generator<readonly T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

/** The columns of webhook_deliveries the fan-out writes, in its INSERT's order, each with its PostgreSQL type (insertedRows). */
const NEW_DELIVERY_COLUMNS = [
  ['webhook_id', 'varchar'],
  ['event_id', 'bigint'],
  ['event_type', 'varchar'],
  ['payload', 'text'],
  ['status', 'varchar'],
  ['attempts', 'integer'],
  ['schedule_attempts', 'integer'],
  ['schedule_started_at', 'bigint'],
  ['next_attempt_at', 'bigint'],
  ['created_at', 'bigint'],
  ['locked_until', 'bigint'],
] as const;
const NEW_DELIVERY_NAMES = NEW_DELIVERY_COLUMNS.map(([name]) => name).join(', ');
const NEW_DELIVERY_TYPES = NEW_DELIVERY_COLUMNS.map(([, type]) => type);

function eventIdsByWebhook(deliveries: readonly Delivery[]): Map<string, string[]> {
  const byWebhook = new Map<string, string[]>();
  for (const { webhookId, eventId } of deliveries) {
    const ids = byWebhook.get(webhookId);
    if (ids) ids.push(eventId);
    else byWebhook.set(webhookId, [eventId]);
  }
  return byWebhook;
}

/** The `webhook_deliveries` table. */
export const deliveriesTable = {
  /**
   * New pending deliveries, due at once; one that exists already is left as it is. With
   * `leaseUntil`, the new rows are this instance's until then (as if claimed), and the deliveries
   * this call wrote (not those that existed) are returned as written, with their bodies, to be
   * attempted from memory.
   */
  async add(
    tx: Tx,
    deliveries: ReadonlyArray<{ webhookId: string; event: { id: string; type: string; payload: string } }>,
    now: number,
    leaseUntil: number | null = null,
  ): Promise<Delivery[]> {
    const written: Delivery[] = [];
    for (const chunk of chunksOf(deliveries, ROWS_PER_STATEMENT)) {
      const values = insertedRows(
        tx.dialect,
        NEW_DELIVERY_TYPES,
        // A delivery claimed as it is written is attempted from memory: its body stays in the events table until an attempt fails (see PAYLOAD_IN_EVENTS).
        chunk.map(({ webhookId, event }) => [webhookId, event.id, event.type, leaseUntil === null ? event.payload : PAYLOAD_IN_EVENTS, 'pending', 0, 0, now, now, now, leaseUntil]),
      );
      const rows = await tx.query<{ webhook_id: string; event_id: string | number }>(
        `INSERT INTO webhook_deliveries (${NEW_DELIVERY_NAMES})
         ${values.sql} ON CONFLICT (webhook_id, event_id) DO NOTHING
         ${leaseUntil === null ? '' : 'RETURNING webhook_id, event_id'}`,
        values.params,
      );
      if (rows.length === 0) continue;
      const byKey = new Map(chunk.map((d) => [`${d.webhookId} ${d.event.id}`, d]));
      for (const row of rows) {
        const { webhookId, event } = byKey.get(`${row.webhook_id} ${row.event_id}`)!;
        written.push({
          webhookId,
          eventId: event.id,
          eventType: event.type,
          payload: event.payload,
          status: 'pending',
          attempts: 0,
          scheduleAttempts: 0,
          scheduleStartedAt: now,
          nextAttemptAt: now,
          lastAttemptAt: null,
          lastStatus: null,
          lastResponse: null,
          lastError: null,
        });
      }
    }
    return written;
  },

  /**
   * Takes up to `limit` due deliveries of enabled endpoints for this instance: each gets a lease
   * until `leaseUntil` (real time), and no other instance takes it before the lease ends. On
   * PostgreSQL rows another instance is taking right now are skipped, not waited for; SQLite has
   * one writer.
   */
  async claimDue(tx: Tx, now: number, realNow: number, leaseUntil: number, limit: number): Promise<Delivery[]> {
    const rows = await tx.query<DeliveryRow>(
      `SELECT d.* FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
       WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND (d.locked_until IS NULL OR d.locked_until < ?) AND w.enabled = 1
       ORDER BY d.next_attempt_at, d.event_id LIMIT ? ${forUpdateSkipLocked(tx.dialect, 'd')}`,
      [now, realNow, limit],
    );
    const claimed = rows.map(deliveryOf);
    for (const [webhookId, eventIds] of eventIdsByWebhook(claimed)) {
      for (const chunk of chunksOf(eventIds, ROWS_PER_STATEMENT)) {
        const ids = inList(tx.dialect, 'event_id', chunk, 'bigint');
        await tx.query(`UPDATE webhook_deliveries SET locked_until = ? WHERE webhook_id = ? AND ${ids.sql}`, [leaseUntil, webhookId, ...ids.params]);
      }
    }
    return claimed;
  },

  /**
   * The same outcome for deliveries of one endpoint (a busy endpoint's successes are recorded
   * together). With `payload`, the one delivery's body is stored too (its first failure).
   */
  async record(tx: Tx, webhookId: string, eventIds: readonly string[], outcome: AttemptOutcome, payload?: string): Promise<void> {
    for (const chunk of chunksOf(eventIds, ROWS_PER_STATEMENT)) {
      const ids = inList(tx.dialect, 'event_id', chunk, 'bigint');
      await tx.query(
        `UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, schedule_attempts = schedule_attempts + 1, next_attempt_at = ?,
         locked_until = NULL, last_attempt_at = ?, last_status = ?, last_response = ?, last_error = ?${payload === undefined ? '' : ', payload = ?'}
         WHERE webhook_id = ? AND ${ids.sql}`,
        [outcome.status, outcome.nextAttemptAt, outcome.attemptedAt, outcome.httpStatus, outcome.response, outcome.error, ...(payload === undefined ? [] : [payload]), webhookId, ...ids.params],
      );
    }
  },

  async find(reader: Reader, webhookId: string, eventId: string): Promise<Delivery | null> {
    const [row] = await reader.query<DeliveryRow>('SELECT * FROM webhook_deliveries WHERE webhook_id = ? AND event_id = ?', [webhookId, eventId]);
    return row ? deliveryOf(row) : null;
  },

  /** Newest event first. */
  async page(reader: Reader, webhookId: string, offset: number, limit: number): Promise<{ total: number; deliveries: Delivery[] }> {
    const [count] = await reader.query<{ n: string | number }>('SELECT COUNT(*) AS n FROM webhook_deliveries WHERE webhook_id = ?', [webhookId]);
    const rows = await reader.query<DeliveryRow>('SELECT * FROM webhook_deliveries WHERE webhook_id = ? ORDER BY event_id DESC LIMIT ? OFFSET ?', [webhookId, limit, offset]);
    return { total: Number(count.n), deliveries: rows.map(deliveryOf) };
  },

  /** A manual retry: pending again, due now, on a fresh 5-day schedule. */
  async restart(tx: Tx, webhookId: string, eventId: string, now: number): Promise<void> {
    await tx.query(
      `UPDATE webhook_deliveries SET status = 'pending', schedule_attempts = 0, schedule_started_at = ?, next_attempt_at = ? WHERE webhook_id = ? AND event_id = ?`,
      [now, now, webhookId, eventId],
    );
  },
};
