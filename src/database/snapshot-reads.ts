import { createRequire } from 'node:module';
import { placeholders } from './dialect.js';
import { pgConnection, type PgPool } from './pg-connections.js';
import { refuseNul } from './text-values.js';
import type { Row } from './tx.js';

/** The part of better-sqlite3 a snapshot uses (the driver ships no types). */
interface SqliteConnection {
  readonly open: boolean;
  exec(sql: string): void;
  prepare(sql: string): { get(...params: unknown[]): unknown; all(...params: unknown[]): unknown[]; iterate(...params: unknown[]): IterableIterator<unknown> };
  close(): void;
}
const SqliteDatabase = createRequire(import.meta.url)('better-sqlite3') as new (path: string, options: { readonly: boolean; fileMustExist: boolean; timeout: number }) => SqliteConnection;

/**
 * A read-only view of the database as it stood at one instant, held on a connection of its own
 * for as long as a long read (an export) takes, so it neither sees later writes nor holds up a
 * writer. `close` must always be called (it is safe to call twice, and while nothing is read).
 */
export interface Snapshot {
  query<T extends object = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** The rows of one query, `size` at a time, read as they are asked for (never all at once). */
  batches<T extends object = Row>(sql: string, params: unknown[], size: number): AsyncGenerator<T[]>;
  close(): Promise<void>;
}

/**
 * PostgreSQL: a REPEATABLE READ READ ONLY transaction on its own pooled connection, and a
 * server-side cursor FETCHed a batch at a time, so neither side holds the whole result.
 */
export async function pgSnapshot(pool: PgPool): Promise<Snapshot> {
  const connection = await pgConnection(pool);
  let closed = false;
  try {
    await connection.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // The snapshot is taken by the first statement, not by BEGIN: take it now.
    await connection.query('SELECT 1');
  } catch (error) {
    closed = true;
    connection.release(false);
    throw error;
  }
  let cursors = 0;
  return {
    query: (sql, params = []) => connection.query(sql, params),
    async *batches<T extends object>(sql: string, params: unknown[], size: number) {
      const cursor = `snapshot_cursor_${++cursors}`;
      await connection.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${sql}`, params);
      for (;;) {
        const rows = await connection.query<T>(`FETCH ${size} FROM ${cursor}`);
        if (rows.length > 0) yield rows;
        if (rows.length < size) return;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      // Rolling back ends the transaction and drops its cursors; a connection that cannot even
      // do that is in an unknown state and is not given back to the pool.
      const ended = await connection.query('ROLLBACK').then(
        () => true,
        () => false,
      );
      connection.release(ended);
    },
  };
}

/**
 * SQLite: a read-only connection of its own in a read transaction. In WAL mode a reader sees the
 * database as of its first read until it ends, and never blocks the writer (nor waits for it).
 */
export function sqliteSnapshot(path: string): Snapshot {
  const connection = new SqliteDatabase(path, { readonly: true, fileMustExist: true, timeout: 5000 });
  const open = new Set<Iterator<unknown>>();
  try {
    connection.exec('BEGIN');
    // The snapshot is taken by the first read, not by BEGIN: take it now.
    connection.prepare('SELECT COUNT(*) FROM sqlite_master').get();
  } catch (error) {
    connection.close();
    throw error;
  }
  const bound = (params: unknown[]) => params.map((value) => (refuseNul(value), typeof value === 'bigint' ? value.toString() : value));
  return {
    query: <T extends object>(sql: string, params: unknown[] = []) => {
      try {
        return Promise.resolve(connection.prepare(placeholders('sqlite', sql)).all(...bound(params)) as T[]);
      } catch (error) {
        return Promise.reject(error);
      }
    },
    async *batches<T extends object>(sql: string, params: unknown[], size: number) {
      const rows = connection.prepare(placeholders('sqlite', sql)).iterate(...bound(params)) as IterableIterator<T>;
      open.add(rows);
      try {
        for (;;) {
          const batch: T[] = [];
          while (batch.length < size) {
            const next = rows.next();
            if (next.done) break;
            batch.push(next.value);
          }
          if (batch.length > 0) yield batch;
          if (batch.length < size) return;
        }
      } finally {
        open.delete(rows);
        rows.return?.();
      }
    },
    close() {
      if (connection.open) {
        // A statement still being iterated keeps the connection busy: end it first.
        open.forEach((rows) => rows.return?.());
        connection.close();
      }
      return Promise.resolve();
    },
  };
}
