import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { Db } from '../database/db.service.js';
import { forUpdate } from '../database/sql-dialect.js';
import { deliveriesTable, type Delivery } from './deliveries.repository.js';
import { WebhookEventSource } from './webhook-event-source.js';
import { webhooksTable, type Webhook } from './webhooks.repository.js';

const BATCH = 500;

/** A delivery written by the fan-out, claimed by this instance. */
export interface FannedOut {
  readonly webhook: Webhook;
  readonly delivery: Delivery;
}

/**
 * Turns committed events into delivery rows, in event id order, resuming from the stored cursor.
 * The cursor row is locked while the batch is written (FOR UPDATE on PostgreSQL; SQLite has one writer), so
 * two instances never fan out the same events at once, and the deliveries and the cursor commit
 * together: after a crash the batch is redone whole, or not at all.
 */
@Injectable()
export class WebhookFanout {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly events: WebhookEventSource,
  ) {}

  /**
   * One batch. Up to `lease.count` of its deliveries to enabled endpoints are written already
   * claimed by this instance until `lease.until` and returned, to attempt at once: a fresh event
   * then costs no separate claim (a select and an update of its row). `more`: there may be more
   * events; `leftDue`: deliveries to enabled endpoints were written unclaimed (over the count).
   */
  async next(lease: { count: number; until: number }): Promise<{ more: boolean; leased: FannedOut[]; leftDue: boolean }> {
    const after = await this.cursor();
    // Read before the transaction: the feed first gives ids to what has committed, on its own.
    const events = await this.events.read(after === '0' ? null : after, BATCH);
    if (events.length === 0) return { more: false, leased: [], leftDue: false };
    return this.db.separately(async (tx) => {
      const [row] = await tx.query<{ last_event_id: string | number }>(`SELECT last_event_id FROM webhook_fanout WHERE one = 1 ${forUpdate(tx.dialect)}`);
      // Another instance fanned these out meanwhile: start again from where it stopped.
      if (String(row.last_event_id) !== after) return { more: true, leased: [], leftDue: false };
      const webhooks = await webhooksTable.all(tx);
      // An endpoint hears of what committed after it was registered, not of the past (the feed has that).
      const deliveries = events.flatMap((event) =>
        webhooks.filter((webhook) => webhook.events.includes(event.type) && event.createdAt >= webhook.createdAt).map((webhook) => ({ webhook, webhookId: webhook.id, event })),
      );
      // A disabled endpoint's deliveries wait, unattempted, for a retry to enable it.
      const enabled = deliveries.filter((d) => d.webhook.enabled);
      const count = Math.max(0, lease.count);
      const now = this.clock.now();
      const written = await deliveriesTable.add(tx, enabled.slice(0, count), now, lease.until);
      await deliveriesTable.add(tx, [...enabled.slice(count), ...deliveries.filter((d) => !d.webhook.enabled)], now);
      await tx.query('UPDATE webhook_fanout SET last_event_id = ? WHERE one = 1', [events[events.length - 1].id]);
      const byId = new Map(webhooks.map((webhook) => [webhook.id, webhook]));
      const leased = written.map((delivery) => ({ webhook: byId.get(delivery.webhookId)!, delivery }));
      return { more: events.length === BATCH, leased, leftDue: enabled.length > count };
    });
  }

  private async cursor(): Promise<string> {
    const [row] = await this.db.read((reader) => reader.query<{ last_event_id: string | number }>('SELECT last_event_id FROM webhook_fanout WHERE one = 1'));
    return String(row.last_event_id);
  }
}
