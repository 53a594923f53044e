import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { sharedTxOf } from '../database/shared-tx.js';
import type { Tx } from '../database/tx.js';
import { EventSequencer } from './event-sequencer.js';
import { eventPayload, type EventType } from './event-types.js';
import { INSERT_EVENT } from './events-sql.js';

/**
 * Writes events in the transaction of the change they tell of (the transactional outbox): they
 * commit with it or not at all. The ledger stages its `transaction.committed` events with its
 * postings instead (PostingBuffer, ledger-sql.ts), and calls `sequenceAfterCommit` itself.
 */
@Injectable()
export class Outbox {
  constructor(
    private readonly clock: Clock,
    private readonly sequencer: EventSequencer,
  ) {}

  async append(tx: Tx, type: EventType, fields: object): Promise<void> {
    const createdAt = this.clock.now();
    // Postings held back in a PostgreSQL batch are written first, so that a transaction's events
    // are in the order of its changes (a renewal's charge before subscription.renewed), as on SQLite.
    await sharedTxOf(tx)?.flush();
    await tx.query(INSERT_EVENT, [type, createdAt, eventPayload(type, createdAt, fields)]);
    this.sequenceAfterCommit(tx);
  }

  /** Once `tx` commits, its events get their ids (PostgreSQL; SQLite's have them already). */
  sequenceAfterCommit(tx: Tx): void {
    if (tx.dialect === 'postgres') tx.afterCommit(this.sequencer.nudge);
  }
}
