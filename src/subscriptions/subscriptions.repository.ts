import { Injectable } from '@nestjs/common';
import { Db, type Tx } from '../database/db.service.js';
import { forUpdate, forUpdateSkipLocked } from '../database/sql-dialect.js';
import { Outbox } from '../ledger/events/outbox.js';
import { toSubscription, type Subscription, type SubscriptionRow } from './subscription.js';

export interface NewSubscription {
  readonly id: string;
  readonly userId: string;
  readonly roomId: string;
  readonly plan: string;
  readonly currency: string;
  readonly price: bigint;
  readonly walletAddress: string | null;
  readonly now: number;
  readonly periodEnd: number | null;
}

/** What every subscription event says of its subscription (CONTRACT §9). */
function eventFields(s: Subscription) {
  return { subscriptionId: s.id, userId: s.userId, ...(s.productType === 'room' ? { roomId: s.productId } : { productId: s.productId }), plan: s.plan };
}

/**
 * The subscriptions table. Writes take the caller's transaction: they commit with its charge,
 * and so does the event each one writes (subscription.created, .renewed, .expired).
 */
@Injectable()
export class SubscriptionsRepository {
  constructor(
    private readonly db: Db,
    private readonly outbox: Outbox,
  ) {}

  /** An expiry that happened: its event, and the subscription. */
  private async expired(tx: Tx, rows: SubscriptionRow[], reason: string): Promise<Subscription | null> {
    if (rows.length === 0) return null;
    const subscription = toSubscription(rows[0]);
    await this.outbox.append(tx, 'subscription.expired', { ...eventFields(subscription), reason });
    return subscription;
  }

  /** Inserts an active room subscription (a unique index refuses a second active one to the room). */
  async insert(tx: Tx, s: NewSubscription): Promise<Subscription> {
    const rows = await tx.query<SubscriptionRow>(
      `INSERT INTO subscriptions (id, user_id, product_type, product_id, plan, currency, price, wallet_address, status,
         anchor_at, period_index, current_period_start, current_period_end, created_at)
       VALUES (?, ?, 'room', ?, ?, ?, ?, ?, 'active', ?, 0, ?, ?, ?) RETURNING *`,
      [s.id, s.userId, s.roomId, s.plan, s.currency, s.price, s.walletAddress, s.now, s.now, s.periodEnd, s.now],
    );
    const subscription = toSubscription(rows[0]);
    await this.outbox.append(tx, 'subscription.created', eventFields(subscription));
    return subscription;
  }

  /** Ends the user's active subscription to a room; null when there is none. */
  async expireActive(tx: Tx, userId: string, roomId: string, now: number, reason: string): Promise<Subscription | null> {
    const rows = await tx.query<SubscriptionRow>(
      `UPDATE subscriptions SET status = 'expired', ended_at = ?, ended_reason = ?
       WHERE user_id = ? AND product_type = 'room' AND product_id = ? AND status = 'active' RETURNING *`,
      [now, reason, userId, roomId],
    );
    return this.expired(tx, rows, reason);
  }

  /** Ends this subscription if it is active; null when it is not (unknown or already ended). */
  async expireById(tx: Tx, id: string, now: number, reason: string): Promise<Subscription | null> {
    const rows = await tx.query<SubscriptionRow>(
      `UPDATE subscriptions SET status = 'expired', ended_at = ?, ended_reason = ? WHERE id = ? AND status = 'active' RETURNING *`,
      [now, reason, id],
    );
    return this.expired(tx, rows, reason);
  }

  async exists(tx: Tx, id: string): Promise<boolean> {
    return (await tx.query('SELECT 1 AS one FROM subscriptions WHERE id = ?', [id])).length > 0;
  }

  async listForUser(userId: string): Promise<Subscription[]> {
    const rows = await this.db.query<SubscriptionRow>('SELECT * FROM subscriptions WHERE user_id = ? ORDER BY created_at DESC, id', [userId]);
    return rows.map(toSubscription);
  }

  /**
   * Ids of active subscriptions whose period ended by `now`, the oldest first. Those of frozen
   * subscribers are left out: their renewal waits for the unfreeze (see RenewalsService.renewDeferred).
   */
  async dueIds(now: number, limit: number): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT s.id FROM subscriptions s WHERE s.status = 'active' AND s.current_period_end IS NOT NULL AND s.current_period_end <= ?
         AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = s.user_id AND u.frozen_scope IS NOT NULL)
       ORDER BY s.current_period_end LIMIT ${Math.trunc(limit)}`,
      [now],
    );
    return rows.map((r) => r.id);
  }

  /**
   * The subscription, still due, locked for renewal with its product's owner; null when it is no
   * longer due or another instance holds it (SKIP LOCKED).
   */
  async lockDue(tx: Tx, id: string, now: number): Promise<{ subscription: Subscription; ownerId: string | null } | null> {
    const rows = await tx.query<SubscriptionRow & { owner_id: string | null }>(
      `SELECT s.*, p.owner_id FROM subscriptions s LEFT JOIN products p ON p.product_type = s.product_type AND p.product_id = s.product_id
       WHERE s.id = ? AND s.status = 'active' AND s.current_period_end IS NOT NULL AND s.current_period_end <= ? ${forUpdateSkipLocked(tx.dialect, 's')}`,
      [id, now],
    );
    return rows.length > 0 ? { subscription: toSubscription(rows[0]), ownerId: rows[0].owner_id } : null;
  }

  /** A user's active subscriptions whose period ended by `now`, locked, with their products' owners. */
  async lockOverdueOf(tx: Tx, userId: string, now: number): Promise<Array<{ subscription: Subscription; ownerId: string | null }>> {
    const rows = await tx.query<SubscriptionRow & { owner_id: string | null }>(
      `SELECT s.*, p.owner_id FROM subscriptions s LEFT JOIN products p ON p.product_type = s.product_type AND p.product_id = s.product_id
       WHERE s.user_id = ? AND s.status = 'active' AND s.current_period_end IS NOT NULL AND s.current_period_end <= ?
       ORDER BY s.current_period_end, s.id ${forUpdate(tx.dialect, 's')}`,
      [userId, now],
    );
    return rows.map((row) => ({ subscription: toSubscription(row), ownerId: row.owner_id }));
  }

  async markExpired(tx: Tx, id: string, endedAt: number | null, reason: string): Promise<void> {
    const rows = await tx.query<SubscriptionRow>(`UPDATE subscriptions SET status = 'expired', ended_at = ?, ended_reason = ? WHERE id = ? RETURNING *`, [endedAt, reason, id]);
    await this.expired(tx, rows, reason);
  }

  /** A period was charged: the subscription runs on to `end`. */
  async advancePeriod(tx: Tx, id: string, periodIndex: number, start: number | null, end: number | null): Promise<void> {
    const rows = await tx.query<SubscriptionRow>('UPDATE subscriptions SET period_index = ?, current_period_start = ?, current_period_end = ? WHERE id = ? RETURNING *', [periodIndex, start, end, id]);
    if (rows.length > 0) await this.outbox.append(tx, 'subscription.renewed', eventFields(toSubscription(rows[0])));
  }
}
