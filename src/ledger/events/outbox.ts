import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import type { Tx } from '../../database/tx.js';
import { LedgerStore } from '../store/ledger.store.js';
import { EventSequencer } from './event-sequencer.js';
import { eventPayload, type EventType } from './event-types.js';

/**
 * Writes events in the transaction of the change they tell of (the transactional outbox): they
 * commit with it or not at all. The ledger stages its `transaction.committed` events with its
 * postings instead (PostingBuffer, store/posting-sql.ts), and calls `sequenceAfterCommit` itself.
 */
@Injectable()
export class Outbox {
  constructor(
    private readonly clock: Clock,
    private readonly store: LedgerStore,
    private readonly sequencer: EventSequencer,
  ) {}

  async append(tx: Tx, type: EventType, fields: object): Promise<void> {
    const createdAt = this.clock.now();
    // After the postings a batch holds back (the store writes them first), so that a
    // transaction's events are in the order of its changes (a renewal's charge before
    // subscription.renewed).
    await this.store.events.append(tx, { type, createdAt, payload: eventPayload(type, createdAt, fields) });
    this.sequenceAfterCommit(tx);
  }

  /** Once `tx` commits, its events get their ids (PostgreSQL; SQLite's have them already). */
  sequenceAfterCommit(tx: Tx): void {
    if (tx.dialect === 'postgres') tx.afterCommit(this.sequencer.nudge);
  }
}
