import type { Dialect } from './dialect.js';

/*
 * The database layer's contract: what a query runs on (Reader), a transaction (Tx), and what a
 * group commit's shared transaction offers its units of work and participants (SharedTx,
 * TxParticipant). Everything in database/ and above imports these from here. How a batch runs
 * is told in group-commit.md, beside this file.
 */

export type Row = Record<string, unknown>;

/** One SQL statement with its `?` parameters. */
export interface Statement {
  readonly sql: string;
  readonly params: unknown[];
}

/** A connection inside one database transaction, plus work to run once it has committed. */
export interface Tx {
  readonly dialect: Dialect;
  /**
   * A statement that may write. In a shared transaction, sending one declares that the unit of
   * work wrote: should it then fail, the batch is rolled back (see SharedTx).
   */
  query<T extends object = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs after COMMIT succeeds; never after a rollback. */
  afterCommit(fn: () => void): void;
  /**
   * Binds this transaction to the commit deadline (commit-deadline.ts): it stamps ledger entries,
   * so it commits within 5 s of its start or is rolled back. Called by the ledger's posting path.
   */
  armCommitDeadline(): void;
}

/**
 * Statements that only read (or only take row locks, which COMMIT or ROLLBACK release). Inside a
 * unit of work, Db.read hands out the unit's own reader: its statements share the transaction
 * but do not count as writes.
 */
export type Reader = Pick<Tx, 'dialect' | 'query'>;

/**
 * What a group commit offers one unit of work of its shared transaction, beside the unit's Tx
 * (find it with sharedTxOf). A transaction that is the unit's own (a unit running alone after
 * its batch rolled back) has none: there, everything is written as it goes.
 */
export interface SharedTx {
  /**
   * The unit's statements that only read: they wait for its turn like any other, but do not
   * count as writes (Db.read inside the unit hands this out).
   */
  readonly reader: Reader;
  /** The batch's participant of this kind, created on first use and shared by its units. */
  participant<P extends TxParticipant>(create: ParticipantFactory<P>): P;
  /**
   * Waits for this unit's turn (its statements wait for it by themselves). `intent` runs at
   * once, before the batch's first turn, so a participant can note what this unit will need.
   */
  turn(intent?: () => void): Promise<void>;
  /**
   * Runs every participant's staged writes now. Call it before a statement that must see them,
   * or that changes rows a participant caches (the ledger's store does, before each of its
   * statements). If this unit had staged writes since its turn began, it now counts as having
   * written.
   */
  flush(): Promise<void>;
}

/**
 * Something that holds writes of a shared transaction back in memory and writes them in bulk
 * (the ledger's PostingBuffer). The group commit that owns the transaction keeps it honest:
 * - when a unit calls SharedTx.flush, and right before COMMIT, it takes the participant's writes
 *   and runs them;
 * - when a unit of work fails without having written, what that unit staged since its `mark()`
 *   is dropped with `rollbackTo`.
 */
export interface TxParticipant {
  /** A position in what is staged, to roll back to. */
  mark(): number;
  stagedSince(mark: number): boolean;
  rollbackTo(mark: number): void;
  /**
   * Hands over what it has staged as statements to run in order (PostgreSQL: one; none when
   * nothing is), and forgets what it staged and cached. Whoever takes them must run them before
   * any other statement.
   */
  takeWrites(): Statement[];
  /**
   * Called once the batch's units have all said what they will need (see SharedTx.turn), before
   * the first unit's turn: one statement can then fetch it for all of them.
   */
  beforeTurns?(): Promise<void>;
}

/** Creates a shared transaction's participant of one kind; the function itself identifies the kind. */
export type ParticipantFactory<P extends TxParticipant> = (reader: Reader) => P;
