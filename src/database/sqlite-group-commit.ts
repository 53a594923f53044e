import type { CommitDeadline } from './commit-deadline.js';
import type { AsyncLocalStorage } from 'node:async_hooks';
import { runHooks, settle, type Job, type Outcome } from './batched-units.js';
import { inOwnTransaction } from './own-transaction.js';
import { rerunsAfterRollback } from './retry-policy.js';
import { takeTurns, Unit, UnitSpoiledBatch, watchedConnection } from './shared-unit.js';
import { TxParticipants } from './tx-participant.js';
import type { Reader, Tx } from './tx.js';

interface SqliteJob extends Job {
  /** A read (Db.read): its statements do not count as writes. */
  readOnly: boolean;
}

/** Units of work committed together at most; bounds how long one batch holds the write lock. */
const MAX_BATCH = 256;

export interface SqliteGroupCommitOptions {
  /** The one connection (opened on first use). */
  connection: () => Reader;
  /** Where a unit's Tx is kept while it runs, so nested transaction() and read() calls join it. */
  context: AsyncLocalStorage<Tx>;
  /** A batch's commit deadline (commit-deadline.ts), taken as it begins. */
  deadline: () => CommitDeadline;
  /** An after-commit hook threw (it does not stop the others). */
  onHookError: (error: unknown) => void;
}

/**
 * Group commit for SQLite (see group-commit.md). A durable commit costs an fsync, and SQLite has
 * one writer, so one transaction per request caps throughput at the disk's fsync rate. Instead,
 * the units of work that arrive while a batch is being written wait, then share one BEGIN
 * IMMEDIATE … COMMIT, as a PostgreSQL batch shares its transaction (shared-unit.ts): each unit
 * runs up to its first statement, the participants fetch what they all want in one statement
 * (the ledger reads every unit's accounts at once), the units take their turns one after another,
 * and the ledger's postings are written set-based right before COMMIT. A statement of SQLite's
 * costs this thread its whole time (the driver is synchronous), so a batch's hundreds of
 * per-unit reads and writes, and a SAVEPOINT and RELEASE around each unit, cost more than these
 * few statements.
 *
 * Failures follow PostgreSQL's rules (retry-policy.ts): a unit refused before it wrote is refused
 * alone (its staged writes are dropped); a unit that fails after writing rolls the batch back, runs
 * again alone, and the others go back to the head of the queue; a batch whose shared statements
 * fail runs every unit again alone. A unit alone has a transaction of its own and writes as it
 * goes (sharedTxOf is undefined there), exactly as without batching. Nobody hears of an outcome,
 * and no after-commit hook runs, until the COMMIT holding it has succeeded, so an acknowledgement
 * still means durable. If BEGIN or COMMIT fails, every unit in the batch fails with that error.
 */
export class SqliteGroupCommit {
  private queue: SqliteJob[] = [];
  private running = false;

  constructor(private readonly options: SqliteGroupCommitOptions) {}

  run<T>(work: (tx: Tx) => Promise<T>, readOnly = false): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, readOnly, resolve: resolve as (value: unknown) => void, reject });
      if (!this.running) {
        this.running = true;
        // Let the requests of this tick of the event loop join the batch.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) await this.commit(this.queue.splice(0, MAX_BATCH));
    this.running = false;
  }

  private async commit(batch: SqliteJob[]): Promise<void> {
    const reader = this.options.connection();
    try {
      await reader.query('BEGIN IMMEDIATE');
    } catch (error) {
      batch.forEach((job) => job.reject(error));
      return;
    }
    let outcomes: Outcome[];
    try {
      outcomes = await this.attempt(batch, reader);
    } catch (reason) {
      await reader.query('ROLLBACK').catch(() => undefined);
      // Who runs again, and how, is the retry policy's (retry-policy.ts).
      const { alone, nextBatch } = rerunsAfterRollback(batch, reason instanceof UnitSpoiledBatch ? (reason.culprit as SqliteJob) : null);
      this.queue.unshift(...nextBatch);
      for (const job of alone) await this.runAlone(job, reader);
      return;
    }
    try {
      await reader.query('COMMIT');
    } catch (error) {
      await reader.query('ROLLBACK').catch(() => undefined);
      batch.forEach((job) => job.reject(error));
      return;
    }
    settle(outcomes, this.options.onHookError);
  }

  /** The batch's units in one shared transaction, up to its COMMIT (a failure here rolls it back to run again). */
  private async attempt(batch: SqliteJob[], reader: Reader): Promise<Outcome[]> {
    const { reader: connection, failed } = watchedConnection(reader);
    const participants = new TxParticipants(connection);
    const deadline = this.options.deadline();
    const units = batch.map((job) => new Unit(job, connection, participants, this.options.context, deadline, job.readOnly));
    let outcomes: Outcome[];
    try {
      await Promise.all(units.map((unit) => unit.arrived));
      await participants.beforeTurns();
      outcomes = await takeTurns(units, failed);
      deadline.check();
      for (const write of participants.takeWrites()) await connection.query(write.sql, write.params);
    } catch (reason) {
      units.forEach((unit) => unit.abandon());
      throw reason;
    }
    return outcomes;
  }

  /** One unit in a transaction of its own: it writes as it goes, and only its own failure is its answer. */
  private async runAlone(job: SqliteJob, reader: Reader): Promise<void> {
    let done: { value: unknown; hooks: Array<() => void> };
    try {
      done = await inOwnTransaction(reader, 'BEGIN IMMEDIATE', this.options.context, this.options.deadline(), job.work);
    } catch (error) {
      job.reject(error);
      return;
    }
    runHooks(done.hooks, this.options.onHookError);
    job.resolve(done.value);
  }
}
