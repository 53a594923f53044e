import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module.js';
import { DeliveryAttempt } from './delivery-attempt.js';
import { DeliveryWorker } from './delivery-worker.js';
import { OutboxEventSource } from './outbox-event-source.js';
import { WebhookEventSource } from './webhook-event-source.js';
import { WebhookFanout } from './webhook-fanout.js';
import { WebhooksService } from './webhooks.service.js';

/** Webhook endpoints and the worker that delivers committed events to them (CONTRACT §9). */
@Module({
  imports: [LedgerModule],
  providers: [
    WebhooksService,
    WebhookFanout,
    DeliveryAttempt,
    DeliveryWorker,
    { provide: WebhookEventSource, useClass: OutboxEventSource },
  ],
  exports: [WebhooksService, DeliveryWorker],
})
export class WebhooksModule {}
