import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../common/errors.js';
import { EventsFeed } from '../ledger/events/events-feed.js';
import { WebhookEventSource, type OutboxEvent } from './webhook-event-source.js';

/** The outbox's committed events, through the same feed as GET /events: in commit order, none missed. */
@Injectable()
export class OutboxEventSource extends WebhookEventSource {
  private readonly logger = new Logger('Webhooks');

  constructor(private readonly feed: EventsFeed) {
    super();
  }

  async read(after: string | null, limit: number): Promise<readonly OutboxEvent[]> {
    try {
      return await this.feed.readText(after ?? undefined, limit);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'gone')) throw error;
      // Events were purged before they were fanned out (webhooks stopped for longer than the retention): carry on from the oldest kept.
      this.logger.warn(`events after ${after} were purged before webhooks sent them; resuming from the oldest kept`);
      return this.feed.readText(undefined, limit);
    }
  }

  async byIds(ids: readonly string[]): Promise<readonly OutboxEvent[]> {
    return this.feed.byIdsText(ids);
  }
}
