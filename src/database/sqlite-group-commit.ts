import type { CommitDeadline } from './commit-deadline.js';
import type { AsyncLocalStorage } from 'node:async_hooks';
import { settle, type Job, type Outcome } from './batched-units.js';
import type { Reader, Tx } from './tx.js';

interface SqliteJob extends Job {
  /** Reads need no savepoint: they have nothing to undo. */
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
 * Group commit for SQLite (see group-commit.md). A durable commit costs an fsync, and SQLite has one writer, so one
 * transaction per request caps throughput at the disk's fsync rate. Instead, the units of work
 * that arrive while a batch is being written wait, then run one after another inside a single
 * BEGIN IMMEDIATE … COMMIT, each in its own SAVEPOINT: a unit that fails is rolled back to its
 * savepoint alone and refused alone; the others commit. Nobody hears of the outcome, and no
 * after-commit hook runs, until the COMMIT holding it has succeeded, so an acknowledgement still
 * means durable. If the COMMIT fails, every unit in the batch fails.
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
    const outcomes: Outcome[] = [];
    const deadline = this.options.deadline();
    try {
      await reader.query('BEGIN IMMEDIATE');
      for (const job of batch) outcomes.push(await this.runInSavepoint(job, reader, deadline));
      deadline.check();
      await reader.query('COMMIT');
    } catch (error) {
      await reader.query('ROLLBACK').catch(() => undefined);
      batch.forEach((job) => job.reject(error));
      return;
    }
    settle(outcomes, this.options.onHookError);
  }

  private async runInSavepoint(job: SqliteJob, reader: Reader, deadline: CommitDeadline): Promise<Outcome> {
    const hooks: Array<() => void> = [];
    const tx: Tx = { ...reader, afterCommit: (fn) => hooks.push(fn), armCommitDeadline: () => deadline.arm() };
    if (job.readOnly) {
      try {
        return { job, ok: true, value: await this.options.context.run(tx, () => job.work(tx)), hooks };
      } catch (error) {
        return { job, ok: false, error };
      }
    }
    await reader.query('SAVEPOINT unit');
    try {
      const value = await this.options.context.run(tx, () => job.work(tx));
      await reader.query('RELEASE unit');
      return { job, ok: true, value, hooks };
    } catch (error) {
      await reader.query('ROLLBACK TO unit');
      await reader.query('RELEASE unit');
      return { job, ok: false, error };
    }
  }
}
