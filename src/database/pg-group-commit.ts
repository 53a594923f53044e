import type { CommitDeadline } from './commit-deadline.js';
import type { AsyncLocalStorage } from 'node:async_hooks';
import type { Reader, Tx } from './tx.js';
import { settle, type Job, type Outcome } from './batched-units.js';
import { hasCode, pgConnection, type PgConnection, type PgPool } from './pg-connections.js';
import { batchMayRunAgain, rerunsAfterRollback } from './retry-policy.js';
import { takeTurns, Unit, UnitSpoiledBatch, watchedConnection } from './shared-unit.js';
import { TxParticipants } from './tx-participant.js';

/** Units of work committed together at most; bounds how long one batch holds its row locks. */
const MAX_BATCH = 256;

/** Thrown through a batch that was rolled back: its units must run again. */
class RunAlone extends Error {
  constructor(
    /** ROLLBACK succeeded, so the connection can be reused. */
    readonly rolledBack: boolean,
    readonly reason: unknown,
    /** The unit that failed after writing, when one did (else the batch failed as a whole). */
    readonly culprit: Job | null,
  ) {
    super('batch rolled back: its units run again');
  }
}

export interface PgGroupCommitOptions {
  /** The pool batches take their connection from. */
  pool: () => PgPool;
  /** Where a unit's Tx is kept while it runs, so nested transaction() and read() calls join it. */
  context: AsyncLocalStorage<Tx>;
  /** Runs one unit in a transaction of its own (a unit that cannot share, after a rollback). */
  runAlone: (work: (tx: Tx) => Promise<unknown>) => Promise<unknown>;
  /** A batch's commit deadline on its connection (commit-deadline.ts), taken as it begins. */
  deadline: (connection: Pick<Reader, 'query'>) => CommitDeadline;
  /** An after-commit hook threw (it does not stop the others). */
  onHookError: (error: unknown) => void;
  /** A batch was rolled back and `units` of its units run again alone. */
  onRunAlone: (units: number, reason: unknown) => void;
}

/**
 * Group commit for PostgreSQL (the contract its units and participants rely on, with a sequence
 * diagram, is in group-commit.md). With one transaction per request, each transfer costs about eight
 * statements (eight round trips, each with its own share of Node's CPU) and a WAL flush. Here the
 * units of work that arrive while a batch is being written wait, then share one transaction on
 * one connection: each runs up to its first statement, the participants fetch what they all
 * asked for at once (the ledger locks their accounts in one statement), then the units take
 * their turns one after another. The ledger holds its writes back (a TxParticipant) and hands
 * over the whole batch's transactions, entries, balances and totals as one set-based statement,
 * with COMMIT in the same message: N transfers cost four round trips (BEGIN, sent while the units
 * start; the lock; the reads after it; the write with COMMIT), one more where the server has a
 * commit deadline to set (sent during the first turn), and one commit.
 *
 * PostgreSQL has no cheap undo for one unit: a failed statement aborts the whole transaction, and
 * a savepoint per unit would cost the round trips saved. So:
 * - a unit refused before it touched the database (the ledger checks funds before it writes, and
 *   its held-back writes are dropped) is refused alone, and the others go on;
 * - if a unit fails after writing (or a statement of its own fails), the batch is rolled back;
 *   that unit runs again in a transaction of its own, exactly as without batching, and the
 *   others go back to the head of the queue to share the next batch;
 * - if the batch fails as a whole (BEGIN, the shared lock, its writes or its COMMIT refused by the
 *   server: nothing of it committed), each of its units runs again alone.
 * Nobody hears of an outcome, and no after-commit hook runs, until the COMMIT holding it has
 * succeeded, so an acknowledgement still means durable. If the COMMIT (or the writes sent with or
 * just before it) fails without an answer from the server, as when the connection drops, whether it
 * took effect is unknown: every unit in the batch fails with that error, none is run again.
 */
export class PgGroupCommit {
  private queue: Job[] = [];
  private running = false;
  /** Set while the drain waits for work with a batch still committing. */
  private wake: (() => void) | null = null;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly options: PgGroupCommitOptions) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.wake) {
        this.wake();
        this.wake = null;
      } else if (!this.running) {
        this.running = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  /**
   * Two batches overlap: the next one starts (connection, BEGIN, its units up to their first
   * statement) as soon as the current one has finished its units and is writing and committing.
   * Its locks then wait for that COMMIT only where the two share accounts.
   */
  private async drain(): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    for (;;) {
      if (this.queue.length > 0) {
        let unitsDone!: () => void;
        const ready = new Promise<void>((resolve) => (unitsDone = resolve));
        const done: Promise<void> = this.commit(this.queue.splice(0, MAX_BATCH), unitsDone).finally(() => {
          unitsDone();
          inFlight.delete(done);
        });
        inFlight.add(done);
        await ready;
        continue;
      }
      if (inFlight.size === 0) break;
      // Idle while a batch commits: the next starts when work arrives (plus the rest of that tick).
      const arrived = new Promise<void>((resolve) => (this.wake = resolve));
      if (await Promise.race([arrived.then(() => true), ...inFlight])) await new Promise((resolve) => setImmediate(resolve));
      this.wake = null;
    }
    this.running = false;
    this.idleWaiters.splice(0).forEach((resolve) => resolve());
  }

  /** Resolves once every unit queued so far has been answered (and nothing else is queued). */
  idle(): Promise<void> {
    return this.running ? new Promise((resolve) => this.idleWaiters.push(resolve)) : Promise.resolve();
  }

  private async commit(batch: Job[], unitsDone: () => void): Promise<void> {
    let outcomes: Outcome[];
    let connection: PgConnection | null = null;
    try {
      connection = await pgConnection(this.options.pool());
      outcomes = await this.attempt(batch, connection, unitsDone);
      connection.release(true);
    } catch (error) {
      // Reused only when its state is known: rolled back, or the server answered the failure.
      connection?.release(error instanceof RunAlone ? error.rolledBack : hasCode(error));
      if (error instanceof RunAlone) {
        // Who runs again, and how, is the retry policy's (retry-policy.ts).
        const { alone, nextBatch } = rerunsAfterRollback(batch, error.culprit);
        this.queue.unshift(...nextBatch);
        unitsDone();
        try {
          this.options.onRunAlone(alone.length, error.reason);
        } catch {
          // Only a log line was lost.
        }
        await Promise.all(alone.map((job) => this.options.runAlone(job.work).then(job.resolve, job.reject)));
      } else {
        batch.forEach((job) => job.reject(error));
      }
      return;
    }
    settle(outcomes, this.options.onHookError);
  }

  private async attempt(batch: Job[], connection: PgConnection, unitsDone: () => void): Promise<Outcome[]> {
    // A value refused before sending throws at once and leaves the transaction as it was (the
    // statement never joins the queue); anything failing later reached the server (or lost it)
    // and spoils the transaction.
    const { reader, failed } = watchedConnection(connection);
    const participants = new TxParticipants(reader);
    const units: Unit[] = [];
    let outcomes: Outcome[];
    // Statements queued back to back go out as soon as the one before is answered, without
    // waiting for a turn of a busy event loop in between: BEGIN travels while the units start.
    const deadline = this.options.deadline(connection);
    const begun = reader.query('BEGIN');
    begun.catch(() => undefined);
    let committed: Promise<unknown> | null = null;
    /** Whether COMMIT reached the wire (the last write's Bind can fail before it is sent). */
    let commitSent = (): boolean => committed !== null;
    try {
      // Every unit runs up to its first use of the transaction (validation, in-memory work) …
      for (const job of batch) units.push(new Unit(job, reader, participants, this.options.context, deadline));
      await Promise.all(units.map((unit) => unit.arrived));
      await begun;
      // … so what they will need can be fetched (and locked) at once, in one order …
      await participants.beforeTurns();
      // … then each has the transaction to itself, in arrival order.
      outcomes = await takeTurns(units, failed);
      unitsDone();
      deadline.check();
      // COMMIT goes in the same message as the last staged write (one round trip for both).
      // Should the server refuse a write, COMMIT is not run, and the batch runs again. Earlier
      // writes (of other participants) are answered first: one the driver refused as it bound a
      // value never reached the server, and COMMIT must not go out behind it.
      const writes = participants.takeWrites();
      const last = writes.pop();
      for (const write of writes) await reader.query(write.sql, write.params);
      if (last) {
        const sent = connection.queryThenCommit(last.sql, last.params);
        committed = sent.done;
        commitSent = sent.commitSent;
      } else {
        committed = connection.query('COMMIT');
      }
      committed.catch(() => undefined);
      // A failure the server answered, of a write or of COMMIT itself, left nothing committed.
      await committed;
    } catch (reason) {
      units.forEach((unit) => unit.abandon());
      // Writes that got no answer (the connection dropped) may have committed with the COMMIT
      // behind them: nothing may run again.
      if (!batchMayRunAgain(reason, commitSent())) throw reason;
      await committed?.catch(() => undefined);
      const spoiled = reason instanceof UnitSpoiledBatch ? reason : null;
      throw new RunAlone(await connection.query('ROLLBACK').then(() => true, () => false), spoiled ? spoiled.reason : reason, spoiled?.culprit ?? null);
    }
    return outcomes;
  }
}
