import type { ParticipantFactory, Reader, Statement, TxParticipant } from './tx.js';

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
    for (const write of this.takeWrites()) await this.reader.query(write.sql, write.params);
  }

  /** Every participant's staged writes, as statements (each participant forgets them). */
  takeWrites(): Statement[] {
    const writes: Statement[] = [];
    for (const p of this.byKind.values()) writes.push(...p.takeWrites());
    return writes;
  }

  async beforeTurns(): Promise<void> {
    for (const p of this.byKind.values()) await p.beforeTurns?.();
  }
}
