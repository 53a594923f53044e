import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Db } from '../database/db.service.js';
import { deliveriesTable, type Delivery } from './deliveries.repository.js';
import { DeliveryAttempt } from './delivery-attempt.js';
import { WebhookFanout } from './webhook-fanout.js';
import { nextAttemptAt } from './retry-schedule.js';
import type { AttemptResult } from './webhook-client.js';
import { webhooksTable, type Webhook } from './webhooks.repository.js';

const POLL_MS = 250;
/** Attempts one instance runs at once. */
const CONCURRENCY = 32;
/**
 * A claimed delivery is this instance's for the attempt timeout and this long beyond (real time):
 * the lease outlasts the longest attempt, so a live instance never loses it mid-attempt; a killed
 * one's claims lapse after it.
 */
const LEASE_MARGIN_MS = 10_000;

/**
 * Turns new events into deliveries and attempts the deliveries that are due, on every instance.
 * The rows are the state: whatever an instance was doing when it died is taken up by the next
 * pass of any instance once its leases lapse.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private passing: Promise<void> | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly leaseMs: number;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly fanout: WebhookFanout,
    private readonly attempt: DeliveryAttempt,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.leaseMs = config.webhooks.timeoutMs + LEASE_MARGIN_MS;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.pass().catch((error: unknown) => this.logger.error(`webhook pass failed: ${(error as Error).message}`));
    }, POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await Promise.allSettled([...this.inFlight]);
  }

  /** Fans out what is new, then starts every due delivery this instance can claim; one pass at a time (a caller joins the running one). */
  pass(): Promise<void> {
    this.passing ??= this.passOnce().finally(() => (this.passing = null));
    return this.passing;
  }

  private async passOnce(): Promise<void> {
    {
      if (this.stopped) return;
      while (await this.fanout.next());
      const room = CONCURRENCY - this.inFlight.size;
      if (room <= 0) return;
      const claimed = await this.db.transaction((tx) => deliveriesTable.claimDue(tx, this.clock.now(), Date.now(), Date.now() + this.leaseMs, room));
      if (claimed.length === 0) return;
      const webhooks = new Map((await this.db.read((r) => webhooksTable.all(r))).map((w) => [w.id, w]));
      for (const delivery of claimed) {
        const webhook = webhooks.get(delivery.webhookId);
        if (!webhook) continue;
        const work = this.deliver(webhook, delivery).finally(() => this.inFlight.delete(work));
        this.inFlight.add(work);
      }
    }
  }

  private async deliver(webhook: Webhook, delivery: Delivery): Promise<void> {
    let result: AttemptResult;
    try {
      result = await this.attempt.run(webhook, delivery);
    } catch (error) {
      result = { ok: false, status: null, body: null, error: (error as Error).message };
    }
    await this.record(webhook, delivery, result).catch((error: unknown) => this.logger.error(`recording a webhook attempt failed: ${(error as Error).message}`));
  }

  private async record(webhook: Webhook, delivery: Delivery, result: AttemptResult): Promise<void> {
    const now = this.clock.now();
    const next = result.ok ? null : nextAttemptAt(delivery.scheduleStartedAt, delivery.scheduleAttempts + 1, now);
    const error = result.error ?? (result.ok ? null : redirectOrStatus(result.status!));
    await this.db.transaction(async (tx) => {
      await deliveriesTable.record(tx, delivery, {
        status: result.ok ? 'delivered' : next === null ? 'failed' : 'pending',
        nextAttemptAt: next,
        attemptedAt: now,
        httpStatus: result.status,
        response: result.body,
        error,
      });
      if (result.ok) return webhooksTable.noteSuccess(tx, webhook.id, now);
      if (result.status === 410) return webhooksTable.disable(tx, webhook.id, 'the endpoint answered 410 Gone');
      // This delivery failed for 5 days and nothing reached the endpoint meanwhile.
      const current = await webhooksTable.find(tx, webhook.id);
      if (next === null && current && (current.lastSuccessAt ?? 0) < delivery.scheduleStartedAt) {
        await webhooksTable.disable(tx, webhook.id, 'every delivery failed for 5 days');
      }
    });
  }
}

function redirectOrStatus(status: number): string {
  return status >= 300 && status < 400 ? `redirect ${status} not followed` : `HTTP ${status}`;
}
