import { Injectable } from '@nestjs/common';
import { WebhookEventSource, type OutboxEvent } from './event-types.js';

/** The outbox's committed events, read in id order. */
@Injectable()
export class OutboxEventSource extends WebhookEventSource {
  read(_after: string | null, _limit: number): Promise<readonly OutboxEvent[]> {
    return Promise.resolve([]);
  }
}
