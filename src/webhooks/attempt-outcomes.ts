import { Logger } from '@nestjs/common';
import type { Clock } from '../common/clock.js';
import type { Db, Tx } from '../database/db.service.js';
import { deliveriesTable, type AttemptOutcome, type Delivery } from './deliveries.repository.js';
import { nextAttemptAt } from './retry-schedule.js';
import type { AttemptResult } from './webhook-client.js';
import { webhooksTable, type Webhook } from './webhooks.repository.js';

interface Finished {
  readonly webhook: Webhook;
  readonly delivery: Delivery;
  readonly result: AttemptResult;
}

/**
 * Records what attempts came to, many in one transaction: attempts that end while one batch is
 * being written are written together by the next (a group commit of the delivery log's own, on
 * its own connection: see DeliveryWorker). At a thousand deliveries a second, one transaction and
 * one endpoint update per attempt cost more than the attempts. An outcome not yet written when
 * the instance dies is an attempt whose lease lapses: the delivery is sent again (at least once).
 */
export class AttemptOutcomes {
  private readonly logger = new Logger('Webhooks');
  private waiting: Finished[] = [];
  private writing: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Queues the outcome for the next batch (a batch that fails is logged). */
  record(webhook: Webhook, delivery: Delivery, result: AttemptResult): void {
    this.waiting.push({ webhook, delivery, result });
    this.writing ??= this.writeWhileWaiting().finally(() => (this.writing = null));
  }

  /** Resolves once every outcome recorded so far is written. */
  async written(): Promise<void> {
    await this.writing;
  }

  private async writeWhileWaiting(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      await this.db
        .separately((tx) => this.write(tx, batch))
        .catch((error: unknown) => this.logger.error(`recording ${batch.length} webhook attempts failed: ${(error as Error).message}`));
    }
  }

  private async write(tx: Tx, batch: readonly Finished[]): Promise<void> {
    const now = this.clock.now();
    // The endpoints before their deliveries, as the operator's actions lock them (lockInOrder).
    await webhooksTable.lockInOrder(tx, [...new Set(batch.map(({ webhook }) => webhook.id))]);
    // Successes first: a failure's "nothing reached the endpoint for 5 days" must see them.
    const delivered = new Map<string, { webhookId: string; outcome: AttemptOutcome; eventIds: string[] }>();
    for (const { webhook, delivery, result } of batch) {
      if (!result.ok) continue;
      // Successes with the same answer share one statement per endpoint.
      const key = `${webhook.id}\u0000${result.status}\u0000${result.body}`;
      const group = delivered.get(key) ?? {
        webhookId: webhook.id,
        outcome: { status: 'delivered', nextAttemptAt: null, attemptedAt: now, httpStatus: result.status, response: result.body, error: null },
        eventIds: [],
      };
      group.eventIds.push(delivery.eventId);
      delivered.set(key, group);
    }
    for (const { webhookId, outcome, eventIds } of delivered.values()) await deliveriesTable.record(tx, webhookId, eventIds, outcome);
    for (const webhookId of new Set([...delivered.values()].map((group) => group.webhookId))) await webhooksTable.noteSuccess(tx, webhookId, now);
    for (const { webhook, delivery, result } of batch) {
      if (!result.ok) await this.recordFailure(tx, webhook, delivery, result, now);
    }
  }

  private async recordFailure(tx: Tx, webhook: Webhook, delivery: Delivery, result: AttemptResult, now: number): Promise<void> {
    const next = nextAttemptAt(delivery.scheduleStartedAt, delivery.scheduleAttempts + 1, now);
    const error = result.error ?? redirectOrStatus(result.status!);
    const outcome = { status: next === null ? 'failed' : 'pending', nextAttemptAt: next, attemptedAt: now, httpStatus: result.status, response: result.body, error } as const;
    // The body a retry will send, kept with the delivery from its first failure on (PAYLOAD_IN_EVENTS).
    await deliveriesTable.record(tx, webhook.id, [delivery.eventId], outcome, delivery.payload);
    if (result.status === 410) return webhooksTable.disable(tx, webhook.id, 'the endpoint answered 410 Gone');
    // This delivery failed for 5 days and nothing reached the endpoint meanwhile.
    const current = await webhooksTable.find(tx, webhook.id);
    if (next === null && current && (current.lastSuccessAt ?? 0) < delivery.scheduleStartedAt) {
      await webhooksTable.disable(tx, webhook.id, 'every delivery failed for 5 days');
    }
  }
}

function redirectOrStatus(status: number): string {
  return status >= 300 && status < 400 ? `redirect ${status} not followed` : `HTTP ${status}`;
}
