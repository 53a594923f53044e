import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AuditCaller, AuditFields } from '../audit/audit-record.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { Clock } from '../common/clock.js';
import { notFound } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Db } from '../database/db.service.js';
import { deliveriesTable, type Delivery } from './deliveries.repository.js';
import { newWebhookSecret } from './webhook-signature.js';
import { registrableUrl } from './webhook-url.js';
import { webhooksTable, type Webhook } from './webhooks.repository.js';

/** How long a rotated-out secret keeps signing, so receivers can switch without losing a delivery. */
export const ROTATION_OVERLAP_MS = 24 * 3600_000;

export interface NewWebhook {
  readonly url: string;
  readonly events: readonly string[];
  readonly description?: string;
}

/** What an endpoint's audit record shows of it: never a secret. */
const auditView = (webhook: Webhook): AuditFields => ({
  url: webhook.url,
  events: [...webhook.events],
  description: webhook.description,
  enabled: webhook.enabled,
});

/**
 * Registering, removing and rotating webhook endpoints, their delivery logs and manual retries.
 * Every change is an operator action, recorded in the audit trail in its own transaction.
 */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(input: NewWebhook, caller: AuditCaller): Promise<Webhook> {
    const url = registrableUrl(input.url, this.config.webhooks.allowPrivate);
    const webhook: Webhook = {
      id: randomUUID(),
      url: url.href,
      events: [...new Set(input.events)],
      description: input.description ?? null,
      secret: newWebhookSecret(),
      previousSecret: null,
      previousSecretUntil: null,
      enabled: true,
      disabledReason: null,
      lastSuccessAt: null,
      createdAt: this.clock.now(),
    };
    await this.db.transaction(async (tx) => {
      await webhooksTable.insert(tx, webhook);
      await this.audit.record(tx, caller, { action: 'webhook.create', target: `webhook:${webhook.id}`, after: auditView(webhook) });
    });
    return webhook;
  }

  list(): Promise<Webhook[]> {
    return this.db.read((reader) => webhooksTable.all(reader));
  }

  async delete(id: string, caller: AuditCaller): Promise<void> {
    await this.db.transaction(async (tx) => {
      const webhook = this.existing(await webhooksTable.find(tx, id, true), id);
      await webhooksTable.delete(tx, id);
      await this.audit.record(tx, caller, { action: 'webhook.delete', target: `webhook:${id}`, before: auditView(webhook) });
    });
  }

  /** A new secret; the one it replaces keeps signing for 24 hours (both signatures are sent). */
  async rotateSecret(id: string, caller: AuditCaller): Promise<{ webhook: Webhook; secret: { secret: string; previousUntil: number } }> {
    const secret = newWebhookSecret();
    return this.db.transaction(async (tx) => {
      const webhook = this.existing(await webhooksTable.find(tx, id, true), id);
      const previousUntil = this.clock.now() + ROTATION_OVERLAP_MS;
      await webhooksTable.rotate(tx, id, secret, webhook.secret, previousUntil);
      await this.audit.record(tx, caller, { action: 'webhook.rotate_secret', target: `webhook:${id}`, after: { previousSecretSignsUntil: new Date(previousUntil).toISOString() } });
      return { webhook, secret: { secret, previousUntil } };
    });
  }

  async deliveries(id: string, offset: number, limit: number): Promise<{ total: number; deliveries: Delivery[] }> {
    return this.db.read(async (reader) => {
      this.existing(await webhooksTable.find(reader, id), id);
      return deliveriesTable.page(reader, id, offset, limit);
    });
  }

  /**
   * Attempts a delivery again now, on a fresh schedule, whatever its state; a disabled endpoint
   * is enabled again (its operator says the receiver is back).
   */
  async retry(id: string, eventId: string, caller: AuditCaller): Promise<Delivery> {
    return this.db.transaction(async (tx) => {
      const webhook = this.existing(await webhooksTable.find(tx, id, true), id);
      const delivery = /^[0-9]{1,19}$/.test(eventId) ? await deliveriesTable.find(tx, id, eventId) : null;
      if (!delivery) throw notFound(`No delivery of event ${eventId} to webhook ${id}`);
      await deliveriesTable.restart(tx, id, eventId, this.clock.now());
      if (!webhook.enabled) await webhooksTable.enable(tx, id);
      await this.audit.record(tx, caller, {
        action: 'webhook.retry',
        target: `webhook:${id}`,
        before: { eventId, status: delivery.status, enabled: webhook.enabled },
        after: { eventId, status: 'pending', enabled: true },
      });
      return (await deliveriesTable.find(tx, id, eventId))!;
    });
  }

  private existing(webhook: Webhook | null, id: string): Webhook {
    if (!webhook) throw notFound(`Webhook ${id} not found`);
    return webhook;
  }
}
