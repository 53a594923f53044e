import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Db } from '../../database/db.service.js';
import { LedgerStore } from '../store/ledger.store.js';

/** Ids given per statement; a backlog takes several, each in a short transaction. */
const BLOCK = 5000;
/** How often an instance looks for events nobody sequenced (their writer died right after COMMIT). */
const SWEEP_MS = 1000;

/**
 * Gives committed events their public ids, in the order they are seen committed (PostgreSQL;
 * on SQLite the row's own key already is in commit order, see the events migration).
 *
 * Why not a sequence at insert: two transactions take ids 7 and 8, 8 commits first, a reader
 * pages past 8, then 7 commits and is never read. Why not a lock held from id to COMMIT: every
 * commit of every instance would wait for the one before it, WAL flush included. Instead writers
 * insert rows without an id (nothing shared, nothing locked), and a sequencer, one at a time
 * across all instances (it locks events_state's row first), gives every committed row it sees
 * the next ids, then commits. Its next run starts after that COMMIT, so its snapshot sees every
 * id given so far and each id it gives is above them: ids appear to readers only in increasing
 * order, and a reader asking again from `next` misses nothing. A row still uncommitted is not
 * seen; it gets a later id once it commits.
 *
 * Each instance runs it after its own commits that wrote events (coalesced), before a feed read,
 * and every second for rows an instance left behind.
 */
@Injectable()
export class EventSequencer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EventSequencer');
  private current: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly store: LedgerStore,
  ) {}

  onApplicationBootstrap(): void {
    if (this.db.dialect !== 'postgres') return;
    this.timer = setInterval(this.nudge, SWEEP_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** After a commit that wrote events (an after-commit hook): sequence them soon. */
  readonly nudge = (): void => {
    this.catchUp().catch((error: unknown) => this.logger.warn(`sequencing events failed (retried within ${SWEEP_MS} ms): ${(error as Error).message}`));
  };

  /** Resolves once every event committed before this call has its id. */
  catchUp(): Promise<void> {
    if (this.db.dialect !== 'postgres') return Promise.resolve();
    // A run already under way may have taken its snapshot before the caller's commit: one more
    // run after it covers every caller that came meanwhile.
    if (this.queued) return this.queued;
    if (!this.current) return this.start();
    const queued = this.current.catch(() => undefined).then(() => {
      this.queued = null;
      return this.start();
    });
    this.queued = queued;
    return queued;
  }

  private start(): Promise<void> {
    const run = this.sequence().finally(() => {
      if (this.current === run) this.current = null;
    });
    this.current = run;
    return run;
  }

  private async sequence(): Promise<void> {
    // One round trip per block; an idle sweep takes no lock and writes nothing (see sequenceEvents).
    while ((await this.store.events.assignIds(BLOCK)) === BLOCK);
  }
}
