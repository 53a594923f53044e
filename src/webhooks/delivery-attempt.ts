import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Delivery } from './deliveries.repository.js';
import type { AttemptResult } from './webhook-client.js';
import { WebhookPoster } from './webhook-poster.js';
import { signatureHeader } from './webhook-signature.js';
import { checkedTarget, RefusedAddressError, systemResolver, type ResolveAll } from './webhook-url.js';
import type { Webhook } from './webhooks.repository.js';

/** The resolver attempts use: the system's, unless a test puts its own in (DNS rebinding). */
export const WEBHOOK_RESOLVER = Symbol('WEBHOOK_RESOLVER');

/**
 * One attempt of one delivery: resolve and check the address now (every attempt, not only at
 * registration), sign with the real time of this attempt, POST to the checked address.
 */
@Injectable()
export class DeliveryAttempt {
  private readonly poster = new WebhookPoster();

  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WEBHOOK_RESOLVER) private readonly resolve: ResolveAll = systemResolver,
  ) {}

  async run(webhook: Webhook, delivery: Delivery): Promise<AttemptResult> {
    const url = new URL(webhook.url);
    let target;
    try {
      target = await checkedTarget(url, this.config.webhooks.allowPrivate, this.resolve);
    } catch (error) {
      if (error instanceof RefusedAddressError) return { ok: false, status: null, body: null, error: error.message };
      throw error;
    }
    // The receiver checks this against its own clock: it must be the real time, never the test clock's.
    const timestamp = Math.floor(Date.now() / 1000);
    const secrets = webhook.previousSecret && (webhook.previousSecretUntil ?? 0) > this.clock.now() ? [webhook.secret, webhook.previousSecret] : [webhook.secret];
    const headers = {
      'webhook-id': delivery.eventId,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signatureHeader(secrets, delivery.eventId, timestamp, delivery.payload),
    };
    return this.poster.post(url, target, headers, delivery.payload, this.config.webhooks.timeoutMs);
  }

  /** Closes the connections kept open to endpoints (no attempt is running any more). */
  closeConnections(): Promise<void> {
    return this.poster.close();
  }
}
