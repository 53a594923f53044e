import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Delivery } from './deliveries.repository.js';
import type { AttemptResult } from './webhook-client.js';
import { WebhookPoster } from './webhook-poster.js';
import type { Webhook } from './webhooks.repository.js';

/**
 * One attempt of one delivery, made by the posting thread (posting-thread.ts): resolve and check
 * the address then (every attempt, not only at registration), sign with the real time of the
 * attempt, POST to the checked address. Which secrets sign is decided here, by the service clock.
 */
@Injectable()
export class DeliveryAttempt {
  private readonly poster = new WebhookPoster();

  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** What the attempt came to, or null when it was not made before its lease (`leaseUntil`, real time) would lapse. */
  run(webhook: Webhook, delivery: Delivery, leaseUntil: number): Promise<AttemptResult | null> {
    const secrets = webhook.previousSecret && (webhook.previousSecretUntil ?? 0) > this.clock.now() ? [webhook.secret, webhook.previousSecret] : [webhook.secret];
    return this.poster.post({
      url: webhook.url,
      allowPrivate: this.config.webhooks.allowPrivate,
      secrets,
      eventId: delivery.eventId,
      body: delivery.payload,
      timeoutMs: this.config.webhooks.timeoutMs,
      leaseUntil,
    });
  }

  /** Attempts queued and not yet started are not made (the instance is stopping). */
  dropQueued(): void {
    this.poster.dropQueued();
  }

  /** Closes the connections kept open to endpoints (no attempt is running any more). */
  closeConnections(): Promise<void> {
    return this.poster.close();
  }
}
