import type { ParticipantFactory, Reader, TxParticipant } from './tx.js';

export type { ParticipantFactory, TxParticipant } from './tx.js';

/** The participants of one shared transaction. */
export class TxParticipants {
  private readonly byKind = new Map<ParticipantFactory<TxParticipant>, TxParticipant>();

  constructor(private readonly reader: Reader) {}

  get<P extends TxParticipant>(create: ParticipantFactory<P>): P {
    let participant = this.byKind.get(create);
    if (!participant) this.byKind.set(create, (participant = create(this.reader)));
    return participant as P;
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
