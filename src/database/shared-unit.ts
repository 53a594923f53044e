import type { AsyncLocalStorage } from 'node:async_hooks';
import type { Job, Outcome } from './batched-units.js';
import type { CommitDeadline } from './commit-deadline.js';
import { registerSharedTx } from './shared-tx.js';
import type { TxParticipants, TxParticipant } from './tx-participant.js';
import type { Reader, SharedTx, Tx } from './tx.js';

/**
 * The batch's connection as its units use it, noting whether any statement failed: a failed
 * statement spoils the transaction (PostgreSQL aborts it; on SQLite the unit's half-done work
 * has no savepoint to be undone to), so the batch must roll back.
 */
export function watchedConnection(connection: Reader): { reader: Reader; failed: () => boolean } {
  let failed = false;
  const reader: Reader = {
    dialect: connection.dialect,
    query: <T extends object>(sql: string, params?: unknown[]) =>
      connection.query<T>(sql, params).catch((error: unknown) => {
        failed = true;
        throw error;
      }),
  };
  return { reader, failed: () => failed };
}

/** Why a batch must roll back: a unit failed after writing (the culprit), or a statement of its turn failed. */
export class UnitSpoiledBatch extends Error {
  constructor(
    readonly reason: unknown,
    readonly culprit: Job,
  ) {
    super('a unit of work spoiled the batch');
  }
}

/**
 * Each unit has the transaction to itself, in arrival order; their outcomes, or UnitSpoiledBatch.
 * A statement failed during a unit's turn is that unit's, even if the unit caught it and went on.
 */
export async function takeTurns(units: readonly Unit[], statementFailed: () => boolean): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const unit of units) {
    const outcome = await unit.takeTurn();
    if (statementFailed() || (!outcome.ok && outcome.wrote)) {
      throw new UnitSpoiledBatch(outcome.ok ? new Error('a statement failed during this unit of work') : outcome.error, unit.job);
    }
    outcomes.push(outcome);
  }
  return outcomes;
}

/**
 * One unit of work in a shared transaction: it may use the transaction only on its turn. It has
 * written (and a failure then rolls the batch back) once it sent a statement through its Tx, or
 * once its staged writes were flushed; statements through its reader only read.
 */
export class Unit {
  readonly arrived: Promise<void>;
  private readonly result: Promise<Outcome>;
  private readonly hooks: Array<() => void> = [];
  private wrote = false;
  private mark = new Map<TxParticipant, number>();
  private hasTurn = false;
  private ended = false;
  private arrive!: () => void;
  private grant!: () => void;
  private refuse!: (error: Error) => void;
  private readonly gate = new Promise<void>((resolve, reject) => {
    this.grant = resolve;
    this.refuse = reject;
  });

  constructor(
    readonly job: Job,
    private readonly connection: Reader,
    private readonly participants: TxParticipants,
    context: AsyncLocalStorage<Tx>,
    deadline: CommitDeadline,
    /** A read (Db.read): the work is handed the unit's reader, not its Tx. */
    readOnly = false,
  ) {
    this.gate.catch(() => undefined);
    this.arrived = new Promise((resolve) => (this.arrive = resolve));
    const tx: Tx = {
      dialect: connection.dialect,
      query: (sql, params) => this.send(sql, params, true),
      afterCommit: (fn) => this.hooks.push(fn),
      armCommitDeadline: () => deadline.arm(),
    };
    const shared: SharedTx = {
      reader: { dialect: connection.dialect, query: (sql, params) => this.send(sql, params, false) },
      participant: (create) => participants.get(create),
      turn: (intent) => {
        if (!this.hasTurn) intent?.();
        return this.turn();
      },
      flush: () => this.flush(),
    };
    // A read's statements do not count as writes, even sent through the Tx it is handed.
    const given: Tx = readOnly ? { ...tx, query: shared.reader.query } : tx;
    registerSharedTx(shared, tx, shared.reader, given);
    let started: Promise<unknown>;
    try {
      started = context.run(given, () => job.work(given));
    } catch (error) {
      // A work that throws before its first await (a value refused at once) fails alone.
      started = Promise.reject(error);
    }
    this.result = started.then(
      (value): Outcome => ({ job, ok: true, value, hooks: this.hooks }),
      (error: unknown): Outcome => ({ job, ok: false, error }),
    );
    void this.result.then(() => this.arrive());
  }

  async takeTurn(): Promise<Outcome & { wrote: boolean }> {
    this.mark = this.participants.mark();
    this.hasTurn = true;
    this.grant();
    const outcome = await this.result;
    this.ended = true;
    if (!outcome.ok && !this.wrote) this.participants.rollbackTo(this.mark);
    return { ...outcome, wrote: this.wrote };
  }

  /** The batch is being rolled back: a unit still waiting for its turn unwinds (its job runs again). */
  abandon(): void {
    if (!this.hasTurn) this.refuse(new Error('batch abandoned'));
  }

  private async send<T extends object>(sql: string, params: unknown[] | undefined, writes: boolean): Promise<T[]> {
    await this.usable();
    // A value refused before anything is sent throws here: the transaction is as it was, and the
    // unit has not written (it is refused alone, not the batch rolled back).
    const sent = this.connection.query<T>(sql, params);
    if (writes) this.wrote = true;
    return sent;
  }

  private async flush(): Promise<void> {
    await this.usable();
    // This unit's staged writes reach the database now: they can no longer be dropped alone.
    if (this.participants.stagedSince(this.mark)) this.wrote = true;
    try {
      await this.participants.flush();
    } catch (error) {
      // Staged writes (maybe other units') were handed over and not written: never commit.
      this.wrote = true;
      throw error;
    }
    this.mark = this.participants.mark();
  }

  private async usable(): Promise<void> {
    await this.turn();
    // A statement left running after the unit finished would land in someone else's turn.
    if (this.ended) throw new Error('this unit of work has ended');
  }

  private turn(): Promise<void> {
    if (this.hasTurn) return Promise.resolve();
    this.arrive();
    return this.gate;
  }
}
