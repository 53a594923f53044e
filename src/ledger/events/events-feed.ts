import { Injectable } from '@nestjs/common';
import { DomainError, invalid } from '../../common/errors.js';
import type { StoredEvent } from '../store/events.store.js';
import { LedgerStore } from '../store/ledger.store.js';
import { EventSequencer } from './event-sequencer.js';
import { eventJsonOf, eventOf, type LedgerEvent } from './event-types.js';

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

/** An event as its JSON text (`payload`: exactly what the feed shows), with its id, type and time (epoch ms). */
export interface EventText {
  readonly id: string;
  readonly type: string;
  readonly createdAt: number;
  readonly payload: string;
}

const textOf = (row: StoredEvent): EventText => ({ id: String(row.id), type: row.type, createdAt: Number(row.created_at), payload: eventJsonOf(row.id, row.payload) });

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
    const { rows, purgedThrough } = await this.page(after, limit);
    const events = rows.map((row) => eventOf(row.id, row.payload));
    return { events, next: events.length > 0 ? events[events.length - 1].id : (after ?? purgedThrough.toString()) };
  }

  /**
   * The same events as `read`, as text, never parsed: for consumers that pass them on as they are
   * (webhooks send each as its body, on the thread that commits the ledger), to whom parsing each
   * event and printing it again would be work thrown away.
   */
  async readText(after: string | undefined, limit: number = FEED_DEFAULT_LIMIT): Promise<EventText[]> {
    return (await this.page(after, limit)).rows.map(textOf);
  }

  private async page(after: string | undefined, limit: number): Promise<{ rows: StoredEvent[]; purgedThrough: bigint }> {
    if (after !== undefined && !EVENT_ID.test(after)) throw invalid('after must be an event id (a decimal string)');
    if (!Number.isInteger(limit) || limit < 1 || limit > FEED_MAX_LIMIT) throw invalid(`limit must be a whole number from 1 to ${FEED_MAX_LIMIT}`);
    // Events committed before this read get their ids first, so a writer's own read sees them.
    await this.sequencer.catchUp();
    // purgedThrough is read after the rows: a purge that took any of them is seen, and refuses the page.
    const { rows, purgedThrough } = await this.store.events.page(BigInt(after ?? '0'), limit);
    if (after !== undefined && BigInt(after) < purgedThrough) {
      throw new DomainError('gone', `Events up to ${purgedThrough} have been purged; read again without after, from the oldest kept`);
    }
    return { rows, purgedThrough };
  }

  /** The events with these ids (decimal strings), as text (see readText); a purged one is absent. */
  async byIdsText(ids: readonly string[]): Promise<EventText[]> {
    const rows = await this.store.events.byIds(ids.filter((id) => EVENT_ID.test(id)).map((id) => BigInt(id)));
    return rows.map(textOf);
  }
}
