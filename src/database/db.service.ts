import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Dialect } from './dialect.js';
import { SqliteGroupCommit } from './sqlite-group-commit.js';
import { sqliteReader } from './sqlite-statements.js';
import { withPgClient, type PgPool } from './pg-connections.js';
import { PgGroupCommit } from './pg-group-commit.js';
import { pgSnapshot, sqliteSnapshot, type Snapshot } from './snapshot-reads.js';
import { runHooks } from './batched-units.js';
import { sharedTxOf } from './shared-tx.js';
import type { Reader, Row, Tx } from './tx.js';
import { isDatabaseUnavailable } from './db-errors.js';
import { CommitDeadline, serverDeadlineStatement } from './commit-deadline.js';
import { inOwnTransaction } from './own-transaction.js';
import { retryConflicts } from './retry-policy.js';
import { DomainError } from '../common/errors.js';

export type { Reader, Row, Tx } from './tx.js';
export type { Snapshot } from './snapshot-reads.js';

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A database outage surfaces as the coded `unavailable` error (503 on every surface), never as an
 * internal error: the caller may retry, and a retry with the same idempotency key runs once.
 */
function asOutage(error: unknown): unknown {
  if (error instanceof DomainError || !isDatabaseUnavailable(error)) return error;
  return new DomainError('unavailable', 'Database unavailable; retry later');
}
const rethrowAsOutage = (error: unknown): never => {
  throw asOutage(error);
};

/**
 * The unit of work. Every read and write of the service goes through here, so the rules live in
 * one place:
 * - PostgreSQL: units of work are grouped into shared transactions (see PgGroupCommit); a unit
 *   that cannot share runs alone on a pooled connection. Writers lock rows (in a fixed order,
 *   see the ledger); a deadlock or serialization failure is retried from the start
 *   (retry-policy.ts says what is run again, how often and after what wait).
 * - SQLite: one connection and one writer, so units of work take their turns one at a time,
 *   grouped into shared transactions as on PostgreSQL (see SqliteGroupCommit), with BEGIN
 *   IMMEDIATE so another process waits on the busy timeout instead of failing mid-way. Reads
 *   queue the same way, so they never see another request's uncommitted writes.
 * Code running inside a transaction that reads or opens a transaction again simply joins the
 * one in progress (tracked per async context), so services need not know whether they are
 * inside one, and SQLite's queue is never awaited by its own holder (`separately` and `outside`
 * do not join: never call them from inside a unit of work).
 */
export class Db {
  private readonly logger = new Logger('Db');
  private readonly reportHookError = (error: unknown) => this.logger.error(`after-commit hook failed: ${describe(error)}`);
  private readonly current = new AsyncLocalStorage<Tx>();
  /** The connection of the read in progress (PostgreSQL), which nested reads share. */
  private readonly currentRead = new AsyncLocalStorage<Reader>();
  private readonly sqlite: SqliteGroupCommit;
  private readonly pg: PgGroupCommit;
  private sqliteConnection: Reader | null = null;
  readonly dialect: Dialect;

  /** commitDeadlineMs: how long after BEGIN a transaction that stamps entries may commit (commit-deadline.ts). */
  constructor(
    readonly dataSource: DataSource,
    private readonly commitDeadlineMs: number,
  ) {
    this.dialect = dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
    this.sqlite = new SqliteGroupCommit({
      connection: () => (this.sqliteConnection ??= sqliteReader((this.dataSource.driver as unknown as { databaseConnection: Parameters<typeof sqliteReader>[0] }).databaseConnection)),
      context: this.current,
      deadline: () => new CommitDeadline(this.commitDeadlineMs),
      onHookError: this.reportHookError,
    });
    this.pg = new PgGroupCommit({
      pool: () => this.pgPool,
      context: this.current,
      runAlone: (work) => this.alone(work),
      deadline: (connection) => CommitDeadline.onServer(this.commitDeadlineMs, this.serverDeadline(), connection),
      onHookError: this.reportHookError,
      onRunAlone: (units, reason) => this.logger.debug(`a batch was rolled back; ${units} of its units of work run again alone: ${describe(reason)}`),
    });
  }

  async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const joined = this.current.getStore();
    if (joined) return work(joined);
    if (this.dialect === 'sqlite') return this.sqlite.run(work).catch(rethrowAsOutage);
    return this.pg.run(work).catch(rethrowAsOutage);
  }

  /**
   * A transaction outside the group commit: PostgreSQL on a connection of its own (retried on
   * deadlock), SQLite as a unit of the one writer. For work whose locks must not be held by, or
   * wait inside, a batch of other units (the events sequencer's lock).
   */
  separately<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.dialect === 'sqlite') return this.sqlite.run(work).catch(rethrowAsOutage);
    return this.alone(work).catch(rethrowAsOutage);
  }

  /**
   * Statements on a connection of their own, outside any unit of work or read in progress, each
   * committing on its own (PostgreSQL): for one statement that must neither join nor wait inside
   * a batch of other units (the events sequencer's function). SQLite: a unit of the one writer.
   */
  outside<T>(work: (reader: Reader) => Promise<T>): Promise<T> {
    if (this.dialect === 'sqlite') return this.sqlite.run(work).catch(rethrowAsOutage);
    return withPgClient(this.pgPool, work).catch(rethrowAsOutage);
  }

  /** One PostgreSQL transaction of its own, retried from the start after a conflict (retry-policy.ts). */
  private alone<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return retryConflicts(() => this.attempt(work));
  }

  async read<T>(work: (reader: Reader) => Promise<T>): Promise<T> {
    const joined = this.current.getStore();
    // Inside a unit of work of a shared transaction, reads do not count as its writes.
    if (joined) return work(sharedTxOf(joined)?.reader ?? joined);
    if (this.dialect === 'sqlite') return this.sqlite.run(work, true).catch(rethrowAsOutage);
    const reading = this.currentRead.getStore();
    if (reading) return work(reading);
    // Nested reads join this connection: taking a second one per level could exhaust the pool.
    return withPgClient(this.pgPool, (reader) => this.currentRead.run(reader, () => work(reader))).catch(rethrowAsOutage);
  }

  /** The database as it stands now, read-only, on a connection of its own: for reads too long to share one. */
  async snapshot(): Promise<Snapshot> {
    try {
      return this.dialect === 'postgres' ? await pgSnapshot(this.pgPool) : sqliteSnapshot(String(this.dataSource.options.database));
    } catch (error) {
      throw asOutage(error);
    }
  }

  /**
   * Waits for the units of work queued so far, then closes the connection or pool, and lets go
   * of the async contexts: an enabled AsyncLocalStorage stays in node's list for the life of the
   * process, and every promise made afterwards is handed to each one in that list, so each
   * instance opened and closed in one process (the tests start hundreds) would slow all the rest.
   */
  async close(): Promise<void> {
    if (this.dialect === 'sqlite') await this.sqlite.run(async () => undefined).catch(() => undefined);
    else await this.pg.idle();
    await this.dataSource.destroy();
    this.current.disable();
    this.currentRead.disable();
  }

  /** One query outside a transaction. */
  query<T extends object = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.read((reader) => reader.query<T>(sql, params));
  }

  /** One PostgreSQL transaction on a pooled connection. */
  private async attempt<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const { value, hooks } = await withPgClient(this.pgPool, (reader) =>
      inOwnTransaction(reader, 'BEGIN', this.current, CommitDeadline.onServer(this.commitDeadlineMs, this.serverDeadline(), reader), work),
    );
    runHooks(hooks, this.reportHookError);
    return value;
  }

  /** The statement setting the server's own commit deadline, where it has one (read once TypeORM connected). */
  private serverDeadline(): string | null {
    if (this.serverDeadlineSql === undefined) this.serverDeadlineSql = serverDeadlineStatement((this.dataSource.driver as unknown as { version?: string }).version, this.commitDeadlineMs);
    return this.serverDeadlineSql;
  }
  private serverDeadlineSql: string | null | undefined;

  private get pgPool(): PgPool {
    return (this.dataSource.driver as unknown as { master: PgPool }).master;
  }
}
