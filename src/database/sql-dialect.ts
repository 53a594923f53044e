import type { Dialect } from './dialect.js';
import type { Reader, Tx } from './tx.js';

/*
 * The lock clauses and read snapshots, the one place where a service's SQL differs between the
 * two databases (the ledger's own differences are in ledger/store/*-sql.ts). PostgreSQL locks the
 * rows a writer read; on SQLite a writer already holds the whole database (BEGIN IMMEDIATE), so
 * the clauses are empty there.
 */

/** `FOR UPDATE [OF table]`: the rows read stay this transaction's until it ends. */
export function forUpdate(dialect: Dialect, of?: string): string {
  return dialect === 'postgres' ? `FOR UPDATE${of ? ` OF ${of}` : ''}` : '';
}

/** `FOR UPDATE [OF table] SKIP LOCKED`: rows another instance is working on are passed over, not waited for. */
export function forUpdateSkipLocked(dialect: Dialect, of?: string): string {
  return dialect === 'postgres' ? `${forUpdate(dialect, of)} SKIP LOCKED` : '';
}

/*
 * Lists and rows of any length in one statement text. The service names every statement, and
 * PostgreSQL keeps a named statement's plans on each pooled connection: a list written with one
 * placeholder per value is a statement per length, each with its plans. Measured on PostgreSQL 15,
 * one connection that had run the delivery log's insert and update at every length from 1 to 200
 * held 127.5 MiB of plans; written with arrays, 0.08 MiB, and no slower. SQLite prepares per text
 * too, at little cost, and keeps one placeholder per value (a flat IN list stays within its
 * expression-depth limit however long).
 */

/** `column IN (values)`: on PostgreSQL `column = ANY(array)`, the array's elements of `pgType`. */
export function inList(dialect: Dialect, column: string, values: readonly string[], pgType: string): { sql: string; params: unknown[] } {
  if (dialect === 'postgres') return { sql: `${column} = ANY(?::${pgType}[])`, params: [values] };
  return { sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: [...values] };
}

/**
 * The rows of a multi-row INSERT, after its column list: on PostgreSQL `SELECT * FROM unnest(…)`
 * of one array per column (typed by `pgTypes`, in the columns' order), on SQLite `VALUES (…), …`.
 */
export function insertedRows(dialect: Dialect, pgTypes: readonly string[], rows: ReadonlyArray<readonly unknown[]>): { sql: string; params: unknown[] } {
  if (dialect === 'postgres') return { sql: `SELECT * FROM unnest(${pgTypes.map((type) => `?::${type}[]`).join(', ')})`, params: pgTypes.map((_, column) => rows.map((row) => row[column])) };
  return { sql: `VALUES ${rows.map((row) => `(${row.map(() => '?').join(', ')})`).join(', ')}`, params: rows.flat() };
}

/**
 * Makes the rest of this transaction exclusive across every instance (a PostgreSQL advisory
 * lock held until it ends), for one-off work two instances starting together could both try,
 * such as seeding an empty database. SQLite's writer already is exclusive.
 */
export async function exclusiveUntilCommit(tx: Tx, name: string): Promise<void> {
  if (tx.dialect === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(hashtext(?))', [name]);
}

/**
 * Runs `work`'s reads on this connection as one read-only snapshot: on PostgreSQL a REPEATABLE
 * READ transaction around them (the connection must not be in one); SQLite's read already holds
 * the database for its whole turn.
 */
export async function inOneSnapshot<T>(reader: Reader, work: () => Promise<T>): Promise<T> {
  if (reader.dialect !== 'postgres') return work();
  await reader.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    return await work();
  } finally {
    await reader.query('COMMIT');
  }
}
