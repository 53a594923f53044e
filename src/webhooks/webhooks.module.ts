import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module.js';
import { DeliveryAttempt, WEBHOOK_RESOLVER } from './delivery-attempt.js';
import { DeliveryWorker } from './delivery-worker.js';
import { OutboxEventSource } from './outbox-event-source.js';
import { WebhookEventSource } from './webhook-event-source.js';
import { WebhookFanout } from './webhook-fanout.js';
import { systemResolver } from './webhook-url.js';
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
    { provide: WEBHOOK_RESOLVER, useValue: systemResolver },
  ],
  exports: [WebhooksService, DeliveryWorker],
})
export class WebhooksModule {}
