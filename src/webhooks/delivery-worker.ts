import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Db } from '../database/db.service.js';
import { AttemptOutcomes } from './attempt-outcomes.js';
import { deliveriesTable, type Delivery } from './deliveries.repository.js';
import { DeliveryAttempt } from './delivery-attempt.js';
import { WebhookFanout } from './webhook-fanout.js';
import type { AttemptResult } from './webhook-client.js';
import { webhooksTable, type Webhook } from './webhooks.repository.js';

/** How often new events are fanned out and due retries looked for, when nothing else prompts it. */
const POLL_MS = 250;
/** Attempts one instance runs at once. */
const CONCURRENCY = 32;
/**
 * Claimed deliveries an instance holds, running or waiting to: a claim is a transaction that
 * waits its turn behind the ledger's commits, so the next one is taken while this many wait.
 */
const CLAIM_AHEAD = CONCURRENCY * 4;
const CLAIM_WHEN_WAITING_BELOW = CONCURRENCY * 2;

interface Claimed {
  readonly webhook: Webhook;
  readonly delivery: Delivery;
  readonly leaseUntil: number;
}

/**
 * Turns new events into deliveries and attempts the deliveries that are due, on every instance.
 * The rows are the state: whatever an instance was doing when it died is taken up by the next
 * pass of any instance once its leases lapse.
 *
 * While deliveries are waiting, the next claim is taken before the claimed ones run out, not at
 * the next tick: the tick alone capped an instance at one claim's worth per POLL_MS, whatever the
 * rate events commit at.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private readonly outcomes: AttemptOutcomes;
  private passing: Promise<void> | null = null;
  /** What the next pass must do, asked for while one was running. */
  private asked: { fanOut: boolean } | null = null;
  /** The last claim took as many as it asked for: more deliveries may be due. */
  private moreDue = false;
  /** Claimed, waiting for a place among the running attempts. */
  private waiting: Claimed[] = [];
  private readonly running = new Set<Promise<void>>();
  /** Outcomes of ended attempts not yet written. */
  private readonly recording = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly timeoutMs: number;
  /**
   * A claimed delivery is this instance's for the attempt timeout and this long beyond (real time,
   * WEBHOOKS_LEASE_MARGIN_MS): a killed instance's claims lapse after it. An attempt starts only if
   * it will end within its lease, so a live instance never loses a delivery mid-attempt; one that
   * waited too long is left for the next claim.
   */
  private readonly leaseMarginMs: number;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly fanout: WebhookFanout,
    private readonly attempt: DeliveryAttempt,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.timeoutMs = config.webhooks.timeoutMs;
    this.leaseMarginMs = config.webhooks.leaseMarginMs;
    this.outcomes = new AttemptOutcomes(db, clock);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.pass(), POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    // What waits is not started: its lease lapses and another instance (or the next start) sends it.
    this.waiting = [];
    await this.passing;
    await Promise.allSettled([...this.running]);
    await Promise.allSettled([...this.recording]);
    await this.attempt.closeConnections();
  }

  /**
   * Fans out what is new (unless `fanOut` is false: only claims), then claims due deliveries
   * while few are waiting. One pass at a time: a pass asked for while one runs follows it.
   */
  pass({ fanOut = true } = {}): Promise<void> {
    if (this.passing) {
      this.asked = { fanOut: fanOut || (this.asked?.fanOut ?? false) };
      return this.passing;
    }
    this.passing = this.passOnce(fanOut)
      .catch((error: unknown) => this.logger.error(`webhook pass failed: ${(error as Error).message}`))
      .finally(() => {
        this.passing = null;
        const asked = this.asked;
        this.asked = null;
        if (asked && !this.stopped) void this.pass(asked);
      });
    return this.passing;
  }

  private async passOnce(fanOut: boolean): Promise<void> {
    if (this.stopped) return;
    if (fanOut) while (await this.fanout.next());
    if (this.waiting.length >= CLAIM_WHEN_WAITING_BELOW) return;
    const wanted = CLAIM_AHEAD - this.waiting.length - this.running.size;
    if (wanted <= 0) return;
    const leaseUntil = Date.now() + this.timeoutMs + this.leaseMarginMs;
    const claimed = await this.db.transaction((tx) => deliveriesTable.claimDue(tx, this.clock.now(), Date.now(), leaseUntil, wanted));
    this.moreDue = claimed.length === wanted;
    if (claimed.length === 0) return;
    const webhooks = new Map((await this.db.read((r) => webhooksTable.all(r))).map((w) => [w.id, w]));
    for (const delivery of claimed) {
      const webhook = webhooks.get(delivery.webhookId);
      if (webhook) this.waiting.push({ webhook, delivery, leaseUntil });
    }
    this.startWaiting();
  }

  /** Starts waiting deliveries while there is room, each only if it will end within its lease. */
  private startWaiting(): void {
    while (this.running.size < CONCURRENCY && this.waiting.length > 0 && !this.stopped) {
      const next = this.waiting.shift()!;
      if (Date.now() + this.timeoutMs >= next.leaseUntil) continue;
      const work = this.deliver(next.webhook, next.delivery).finally(() => {
        this.running.delete(work);
        this.startWaiting();
        if (this.moreDue && this.waiting.length < CLAIM_WHEN_WAITING_BELOW) void this.pass({ fanOut: false });
      });
      this.running.add(work);
    }
  }

  /**
   * Resolves when the attempt has ended: its place is free for the next while its outcome waits
   * to be written (the lease keeps the delivery from being claimed again meanwhile).
   */
  private async deliver(webhook: Webhook, delivery: Delivery): Promise<void> {
    let result: AttemptResult;
    try {
      result = await this.attempt.run(webhook, delivery);
    } catch (error) {
      result = { ok: false, status: null, body: null, error: (error as Error).message };
    }
    const recorded = this.outcomes.record(webhook, delivery, result).finally(() => this.recording.delete(recorded));
    this.recording.add(recorded);
  }
}
