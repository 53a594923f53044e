import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Db } from '../database/db.service.js';
import { AttemptOutcomes } from './attempt-outcomes.js';
import { deliveriesTable, PAYLOAD_IN_EVENTS, type Delivery } from './deliveries.repository.js';
import { DeliveryAttempt } from './delivery-attempt.js';
import { WebhookEventSource } from './webhook-event-source.js';
import { WebhookFanout } from './webhook-fanout.js';
import type { AttemptResult } from './webhook-client.js';
import { webhooksTable, type Webhook } from './webhooks.repository.js';

/** How often new events are fanned out and due retries looked for, when nothing else prompts it. */
const POLL_MS = 250;
/**
 * Claimed deliveries an instance holds, being attempted or queued for an attempt (the posting
 * thread runs 32 at once): a claim is a transaction of its own (a round trip or more, and on
 * SQLite a turn of the one writer), and a result comes back on this thread's next turn, so the
 * next claim is taken while half of these are still held. Enough for a fan-out pass (POLL_MS) of
 * events at a few thousand commits a second plus the attempts still running: with fewer, the
 * fan-out left deliveries unclaimed, and from then on every delivery took the dear road (written
 * unclaimed, then a claim's select and update) instead of being claimed as it is written (with
 * 256, under the bench's webhook load, the ledger kept x0.81-0.86 of its rate and the delivery lag
 * p99 was 0.4-0.8 s; with 1,024, x0.85-0.94 and 0.3-0.4 s).
 */
const CLAIM_AHEAD = 1024;
const CLAIM_WHEN_HELD_BELOW = CLAIM_AHEAD / 2;

/**
 * Turns new events into deliveries and attempts the deliveries that are due, on every instance.
 * The rows are the state: whatever an instance was doing when it died is taken up by the next
 * pass of any instance once its leases lapse.
 *
 * While deliveries are due, the next claim is taken before the claimed ones run out, not at the
 * next tick: the tick alone capped an instance at one claim's worth per POLL_MS, whatever the rate
 * events commit at.
 *
 * Its transactions (the fan-out, claims, the outcomes) run outside the ledger's group commit
 * (Db.separately): inside it, each took its turn in a batch of donations with a few round trips
 * of its own, so the batch's COMMIT, and every donation in it, waited for them; a fan-out waiting
 * for another instance's lock on the cursor held the batch that long; and a failure of one rolled
 * back the batch. On their own connection (PostgreSQL; SQLite has one writer either way) they
 * cost the ledger none of that. The rate it bought is within the bench's noise (three
 * `--webhooks-only` runs of each form in turns: the median of the 9 pairs x0.86 of the rate
 * without the webhook, against x0.84 inside the batches); the isolation is the reason.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private readonly outcomes: AttemptOutcomes;
  private passing: Promise<void> | null = null;
  /** What the next pass must do, asked for while one was running. */
  private asked: { fanOut: boolean } | null = null;
  /** The last claim took as many as it asked for, or the fan-out left some unclaimed: more deliveries may be due. */
  private moreDue = false;
  /** Claimed deliveries handed to the posting thread whose attempts have not ended. */
  private readonly held = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly timeoutMs: number;
  /**
   * A claimed delivery is this instance's for the attempt timeout and this long beyond (real time,
   * WEBHOOKS_LEASE_MARGIN_MS): a killed instance's claims lapse after it. An attempt starts only if
   * it will end within its lease, so a live instance never loses a delivery mid-attempt; one that
   * waited in the posting thread's queue too long is left for the next claim.
   */
  private readonly leaseMarginMs: number;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly fanout: WebhookFanout,
    private readonly events: WebhookEventSource,
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
    await this.passing;
    // What is queued is not started: its lease lapses and another instance (or the next start) sends it.
    this.attempt.dropQueued();
    await Promise.allSettled([...this.held]);
    await this.outcomes.written();
    await this.attempt.closeConnections();
  }

  /**
   * Fans out what is new (unless `fanOut` is false: only claims), then claims due deliveries
   * while few are held. One pass at a time: a pass asked for while one runs follows it.
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
    for (let more = fanOut; more; ) {
      const until = this.leaseUntil();
      // While older deliveries are due, new ones queue behind them (claims take the oldest first).
      const batch = await this.fanout.next({ count: this.moreDue ? 0 : CLAIM_AHEAD - this.held.size, until });
      for (const { webhook, delivery } of batch.leased) this.hold(webhook, delivery, until);
      if (batch.leftDue) this.moreDue = true;
      more = batch.more;
    }
    if (this.held.size >= CLAIM_WHEN_HELD_BELOW) return;
    const wanted = CLAIM_AHEAD - this.held.size;
    const until = this.leaseUntil();
    const claimed = await this.withBodies(await this.db.separately((tx) => deliveriesTable.claimDue(tx, this.clock.now(), Date.now(), until, wanted)));
    this.moreDue = claimed.length === wanted;
    if (claimed.length === 0) return;
    const webhooks = new Map((await this.db.read((r) => webhooksTable.all(r))).map((w) => [w.id, w]));
    for (const delivery of claimed) {
      const webhook = webhooks.get(delivery.webhookId);
      if (webhook) this.hold(webhook, delivery, until);
    }
  }

  /** Claimed deliveries whose body is in the events table (PAYLOAD_IN_EVENTS) get it from there; a purged event's stays empty. */
  private async withBodies(claimed: Delivery[]): Promise<Delivery[]> {
    const missing = claimed.filter((delivery) => delivery.payload === PAYLOAD_IN_EVENTS);
    if (missing.length === 0) return claimed;
    const bodies = new Map((await this.events.byIds([...new Set(missing.map((d) => d.eventId))])).map((event) => [event.id, event.payload]));
    return claimed.map((delivery) => (delivery.payload === PAYLOAD_IN_EVENTS ? { ...delivery, payload: bodies.get(delivery.eventId) ?? PAYLOAD_IN_EVENTS } : delivery));
  }

  private leaseUntil(): number {
    return Date.now() + this.timeoutMs + this.leaseMarginMs;
  }

  /** Hands a claimed delivery to the posting thread; its place is free again once its attempt ends. */
  private hold(webhook: Webhook, delivery: Delivery, leaseUntil: number): void {
    const work = this.deliver(webhook, delivery, leaseUntil).finally(() => {
      this.held.delete(work);
      if (this.moreDue && this.held.size < CLAIM_WHEN_HELD_BELOW) void this.pass({ fanOut: false });
    });
    this.held.add(work);
  }

  /**
   * Resolves when the attempt has ended (or was not made): its place is free for the next while
   * its outcome waits to be written (the lease keeps the delivery from being claimed again
   * meanwhile). One not made is left as it is, for a claim after its lease.
   */
  private async deliver(webhook: Webhook, delivery: Delivery, leaseUntil: number): Promise<void> {
    let result: AttemptResult | null;
    try {
      result =
        delivery.payload === PAYLOAD_IN_EVENTS
          ? { ok: false, status: null, body: null, error: 'the event was purged (EVENTS_RETENTION_DAYS) before this delivery was made' }
          : await this.attempt.run(webhook, delivery, leaseUntil);
    } catch (error) {
      result = { ok: false, status: null, body: null, error: (error as Error).message };
    }
    if (result) this.outcomes.record(webhook, delivery, result);
  }
}
