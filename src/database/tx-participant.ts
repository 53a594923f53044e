import type { Reader } from './db.service.js';

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

/** The participants of one shared transaction. */
export class TxParticipants {
  private readonly byKind = new Map<ParticipantFactory<TxParticipant>, TxParticipant>();

  constructor(private readonly reader: Reader) {}

  get<P extends TxParticipant>(create: ParticipantFactory<P>): P {
    let participant = this.byKind.get(create);
    if (!participant) this.byKind.set(create, (participant = create(this.reader)));
    return participant as P;
  }

  touches(sql: string): boolean {
    for (const p of this.byKind.values()) if (p.touches(sql)) return true;
    return false;
  }

  mark(): Map<TxParticipant, number> {
    return new Map([...this.byKind.values()].map((p) => [p, p.mark()]));
  }

  /** A participant created after the mark counts from its start (0). */
  stagedSince(marks: Map<TxParticipant, number>): boolean {
    return [...this.byKind.values()].some((p) => p.stagedSince(marks.get(p) ?? 0));
  }

  rollbackTo(marks: Map<TxParticipant, number>): void {
    for (const p of this.byKind.values()) p.rollbackTo(marks.get(p) ?? 0);
  }

  /** Runs every participant's staged writes. */
  async flush(): Promise<void> {
    for (const p of this.byKind.values()) {
      const writes = p.takeWrites();
      if (writes) await this.reader.query(writes.sql, writes.params);
    }
  }

  /**
   * Queues every participant's staged writes, without waiting for them (COMMIT goes right
   * behind). A write refused before sending throws here, before COMMIT can be queued.
   */
  queueWrites(): Promise<unknown> {
    const sent: Array<Promise<unknown>> = [];
    try {
      for (const p of this.byKind.values()) {
        const writes = p.takeWrites();
        if (writes) sent.push(this.reader.query(writes.sql, writes.params));
      }
    } catch (error) {
      // The batch is abandoned; what was already sent fails with it, heard or not.
      sent.forEach((s) => s.catch(() => undefined));
      throw error;
    }
    return Promise.all(sent);
  }

  async beforeTurns(): Promise<void> {
    for (const p of this.byKind.values()) await p.beforeTurns?.();
  }
}
