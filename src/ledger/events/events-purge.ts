import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { LedgerStore } from '../store/ledger.store.js';

const CHUNK = 10_000;

/**
 * Drops events older than the retention period, oldest first, remembering the highest id
 * dropped (the feed answers 410 below it). Safe with several instances: each chunk and its
 * record are one transaction, and the record only ever grows.
 */
@Injectable()
export class EventsPurge {
  constructor(
    private readonly store: LedgerStore,
    private readonly clock: Clock,
  ) {}

  /** Purges events older than `retentionMs` by the service clock; returns how many. */
  async purge(retentionMs: number): Promise<number> {
    const through = await this.store.events.purgeLimit(this.clock.now() - retentionMs);
    const purgedThrough = await this.store.events.purgedThrough();
    if (through === null || through <= purgedThrough) return 0;
    let purged = 0;
    for (;;) {
      const deleted = await this.store.events.purgeChunk(through, CHUNK);
      purged += deleted;
      if (deleted < CHUNK) return purged;
    }
  }
}
