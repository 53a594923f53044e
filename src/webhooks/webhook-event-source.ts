import type { EventText } from '../ledger/events/events-feed.js';

/** One committed event, as the feed gives it as text: `payload` is its JSON, sent as the body as it is. */
export type OutboxEvent = EventText;

/**
 * Where the webhooks read committed events from, oldest first, after an id (null: from the
 * start), or by id. The outbox's feed implements it; ids only ever grow, in commit order.
 */
export abstract class WebhookEventSource {
  abstract read(after: string | null, limit: number): Promise<readonly OutboxEvent[]>;
  /** The events with these ids that are still kept (a purged one is absent). */
  abstract byIds(ids: readonly string[]): Promise<readonly OutboxEvent[]>;
}
