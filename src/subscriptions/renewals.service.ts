import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors.js';
import { Db, type Tx } from '../database/db.service.js';
import { periodEnd } from './plans.js';
import type { Subscription } from './subscription.js';
import { SubscriptionsRepository } from './subscriptions.repository.js';
import { SubscriptionsService } from './subscriptions.service.js';

/**
 * Renews recurring subscriptions whose period has ended: one period per transaction, oldest
 * first, until each is paid up to now or expires for want of funds. Safe with several
 * instances: a subscription row is locked while renewed (others skip it), the period is
 * re-checked under the lock, and the charge itself is unique per (subscription, period).
 */
@Injectable()
export class RenewalsService {
  constructor(
    private readonly db: Db,
    private readonly subscriptions: SubscriptionsService,
    private readonly stored: SubscriptionsRepository,
    private readonly clock: Clock,
  ) {}

  async renewDue(batch = 100): Promise<{ renewed: number; expired: number }> {
    const counts = { renewed: 0, expired: 0 };
    for (;;) {
      const due = await this.stored.dueIds(this.clock.now(), batch);
      let progressed = false;
      for (const id of due) {
        const outcome = await this.renewOnePeriod(id);
        if (outcome !== 'skipped') progressed = true;
        if (outcome === 'renewed') counts.renewed++;
        if (outcome === 'expired') counts.expired++;
      }
      if (!progressed) return counts;
    }
  }

  private renewOnePeriod(id: string): Promise<'renewed' | 'expired' | 'skipped'> {
    return this.db.transaction(async (tx) => {
      const due = await this.stored.lockDue(tx, id, this.clock.now());
      if (!due) return 'skipped';
      const { subscription, ownerId } = due;
      const next = subscription.periodIndex + 1;
      try {
        await this.subscriptions.charge(tx, subscription, ownerId, next);
      } catch (error) {
        // Frozen since it was listed: deferred to the unfreeze like the others (nothing was written).
        if (error instanceof DomainError && error.code === 'account_frozen') return 'skipped';
        if (!(error instanceof DomainError) || error.code !== 'insufficient_funds') throw error;
        await this.stored.markExpired(tx, id, subscription.currentPeriodEnd, 'insufficient_funds');
        return 'expired';
      }
      await this.stored.advancePeriod(tx, id, next, subscription.currentPeriodEnd, periodEnd(subscription.plan, subscription.anchorAt, next));
      return 'renewed';
    });
  }

  /**
   * At a user's unfreeze, in its transaction: each renewal that fell due while the user was
   * frozen is charged once, for the period running now (the periods that passed while frozen are
   * skipped, never charged), or the subscription expires now for want of funds.
   */
  async renewDeferred(tx: Tx, userId: string): Promise<{ renewed: number; expired: number }> {
    const counts = { renewed: 0, expired: 0 };
    const now = this.clock.now();
    for (const { subscription, ownerId } of await this.stored.lockOverdueOf(tx, userId, now)) {
      const running = runningPeriod(subscription, now);
      try {
        await this.subscriptions.charge(tx, subscription, ownerId, running);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'insufficient_funds') throw error;
        await this.stored.markExpired(tx, subscription.id, now, 'insufficient_funds');
        counts.expired++;
        continue;
      }
      await this.stored.advancePeriod(tx, subscription.id, running, periodEnd(subscription.plan, subscription.anchorAt, running - 1), periodEnd(subscription.plan, subscription.anchorAt, running));
      counts.renewed++;
    }
    return counts;
  }
}

/** The index of the period that contains `now` (its end is later than `now`), after the current one. */
function runningPeriod(subscription: Subscription, now: number): number {
  let index = subscription.periodIndex + 1;
  while ((periodEnd(subscription.plan, subscription.anchorAt, index) ?? Infinity) <= now) index++;
  return index;
}
