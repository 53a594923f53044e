import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors.js';
import { forUpdateSkipLocked } from '../database/sql-dialect.js';
import { Db } from '../database/db.service.js';
import { periodEnd } from './plans.js';
import { toSubscription, type SubscriptionRow } from './subscription.js';
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
    private readonly clock: Clock,
  ) {}

  async renewDue(batch = 100): Promise<{ renewed: number; expired: number }> {
    const counts = { renewed: 0, expired: 0 };
    for (;;) {
      const due = await this.db.query<{ id: string }>(
        `SELECT id FROM subscriptions WHERE status = 'active' AND current_period_end IS NOT NULL AND current_period_end <= ?
         ORDER BY current_period_end LIMIT ${Math.trunc(batch)}`,
        [this.clock.now()],
      );
      let progressed = false;
      for (const { id } of due) {
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
      const rows = await tx.query<SubscriptionRow & { owner_id: string | null }>(
        `SELECT s.*, p.owner_id FROM subscriptions s LEFT JOIN products p ON p.product_type = s.product_type AND p.product_id = s.product_id
         WHERE s.id = ? AND s.status = 'active' AND s.current_period_end IS NOT NULL AND s.current_period_end <= ? ${forUpdateSkipLocked(tx.dialect, 's')}`,
        [id, this.clock.now()],
      );
      if (rows.length === 0) return 'skipped';
      const subscription = toSubscription(rows[0]);
      const next = subscription.periodIndex + 1;
      try {
        await this.subscriptions.charge(tx, subscription, rows[0].owner_id, next);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'insufficient_funds') throw error;
        await tx.query(`UPDATE subscriptions SET status = 'expired', ended_at = ?, ended_reason = 'insufficient_funds' WHERE id = ?`, [
          subscription.currentPeriodEnd,
          id,
        ]);
        return 'expired';
      }
      await tx.query('UPDATE subscriptions SET period_index = ?, current_period_start = ?, current_period_end = ? WHERE id = ?', [
        next,
        subscription.currentPeriodEnd,
        periodEnd(subscription.plan, subscription.anchorAt, next),
        id,
      ]);
      return 'renewed';
    });
  }
}
