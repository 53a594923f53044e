import { Injectable } from '@nestjs/common';
import { DomainError, invalid } from '../../common/errors.js';
import { LedgerStore } from '../store/ledger.store.js';
import { EventSequencer } from './event-sequencer.js';
import { eventOf, type LedgerEvent } from './event-types.js';

export const FEED_DEFAULT_LIMIT = 100;
export const FEED_MAX_LIMIT = 1000;

/** An event id as the feed takes it: a decimal string of a non-negative bigint. */
const EVENT_ID = /^(0|[1-9][0-9]{0,18})$/;

export interface FeedPage {
  /** Oldest first, in commit order. */
  readonly events: LedgerEvent[];
  /** Ask again with this as `after`: the last event's id, or `after` itself when there was nothing new. */
  readonly next: string;
}

/**
 * The events feed (CONTRACT §9), for the REST route and for in-process consumers (webhooks): a
 * reader that always asks again with `next` sees every event exactly once, in commit order.
 */
@Injectable()
export class EventsFeed {
  constructor(
    private readonly store: LedgerStore,
    private readonly sequencer: EventSequencer,
  ) {}

  /**
   * Events after `after` (absent: from the oldest kept), at most `limit`. `after` below the
   * highest purged id is refused (`gone`, 410): events the reader never saw are gone.
   */
  async read(after: string | undefined, limit: number = FEED_DEFAULT_LIMIT): Promise<FeedPage> {
    if (after !== undefined && !EVENT_ID.test(after)) throw invalid('after must be an event id (a decimal string)');
    if (!Number.isInteger(limit) || limit < 1 || limit > FEED_MAX_LIMIT) throw invalid(`limit must be a whole number from 1 to ${FEED_MAX_LIMIT}`);
    // Events committed before this read get their ids first, so a writer's own read sees them.
    await this.sequencer.catchUp();
    // purgedThrough is read after the rows: a purge that took any of them is seen, and refuses the page.
    const { rows, purgedThrough } = await this.store.events.page(BigInt(after ?? '0'), limit);
    if (after !== undefined && BigInt(after) < purgedThrough) {
      throw new DomainError('gone', `Events up to ${purgedThrough} have been purged; read again without after, from the oldest kept`);
    }
    const events = rows.map((row) => eventOf(row.id, row.payload));
    return { events, next: events.length > 0 ? events[events.length - 1].id : (after ?? purgedThrough.toString()) };
  }

  /** The events with these ids (decimal strings) as the feed shows them; a purged one is absent. */
  async byIds(ids: readonly string[]): Promise<LedgerEvent[]> {
    const rows = await this.store.events.byIds(ids.filter((id) => EVENT_ID.test(id)).map((id) => BigInt(id)));
    return rows.map((row) => eventOf(row.id, row.payload));
  }
}
