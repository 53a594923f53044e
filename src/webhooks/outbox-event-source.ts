import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../common/errors.js';
import { EventsFeed } from '../ledger/events/events-feed.js';
import type { LedgerEvent } from '../ledger/events/event-types.js';
import { WebhookEventSource, type OutboxEvent } from './webhook-event-source.js';

const outboxEventOf = (event: LedgerEvent): OutboxEvent => ({ id: event.id, type: event.type, createdAt: Date.parse(event.createdAt), payload: JSON.stringify(event) });

/** The outbox's committed events, through the same feed as GET /events: in commit order, none missed. */
@Injectable()
export class OutboxEventSource extends WebhookEventSource {
  private readonly logger = new Logger('Webhooks');

  constructor(private readonly feed: EventsFeed) {
    super();
  }

  async read(after: string | null, limit: number): Promise<readonly OutboxEvent[]> {
    let page;
    try {
      page = await this.feed.read(after ?? undefined, limit);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'gone')) throw error;
      // Events were purged before they were fanned out (webhooks stopped for longer than the retention): carry on from the oldest kept.
      this.logger.warn(`events after ${after} were purged before webhooks sent them; resuming from the oldest kept`);
      page = await this.feed.read(undefined, limit);
    }
    return page.events.map(outboxEventOf);
  }

  async byIds(ids: readonly string[]): Promise<readonly OutboxEvent[]> {
    return (await this.feed.byIds(ids)).map(outboxEventOf);
  }
}
