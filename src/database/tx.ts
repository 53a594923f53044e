import type { Dialect } from './dialect.js';

/*
 * The database layer's contract: what a query runs on (Reader), a transaction (Tx), and what a
 * group commit's shared transaction offers a participant. Everything in database/ and above
 * imports these from here.
 */

export type Row = Record<string, unknown>;

/** A connection inside one database transaction, plus work to run once it has committed. */
export interface Tx {
  readonly dialect: Dialect;
  query<T extends object = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs after COMMIT succeeds; never after a rollback. */
  afterCommit(fn: () => void): void;
  /**
   * This transaction's participant of one kind, created on first use. Only transactions shared
   * by a group commit have them (see PgGroupCommit); elsewhere writes go straight to the database.
   */
  participant?<P extends TxParticipant>(create: ParticipantFactory<P>): P;
  /**
   * In a shared transaction, waits for this unit's turn (statements wait for it by themselves).
   * `intent` runs at once, so a participant can note what this unit will ask for.
   */
  turn?(intent?: () => void): Promise<void>;
}

/** A read-only view: the same query method, outside any write transaction. */
export type Reader = Pick<Tx, 'dialect' | 'query'>;

/**
 * Something that holds writes of a shared transaction back in memory and writes them in bulk
 * (the ledger's PostingBuffer). The group commit that owns the transaction keeps it honest:
 * - before any other statement that names one of its tables, it runs the participant's writes
 *   (so that statement sees them, and a cache of rows it may change is dropped);
 * - right before COMMIT, it runs them;
 * - when a unit of work fails without having touched the database, what that unit staged since
 *   its `mark()` is dropped with `rollbackTo`.
 */
export interface TxParticipant {
  /** True when `sql` names a table whose writes this participant holds back or caches. */
  touches(sql: string): boolean;
  /** A position in what is staged, to roll back to. */
  mark(): number;
  stagedSince(mark: number): boolean;
  rollbackTo(mark: number): void;
  /**
   * Hands over what it has staged as one statement (null when nothing is), and forgets what it
   * staged and cached. Whoever takes it must run it before any other statement.
   */
  takeWrites(): { sql: string; params: unknown[] } | null;
  /**
   * Called once the batch's units have all said what they will need (see Tx.turn), before the
   * first unit's turn: one statement can then fetch it for all of them.
   */
  beforeTurns?(): Promise<void>;
}

/** Creates a transaction's participant of one kind; the function itself identifies the kind. */
export type ParticipantFactory<P extends TxParticipant> = (reader: Reader) => P;
