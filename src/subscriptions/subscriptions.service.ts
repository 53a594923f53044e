import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { conflict, invalid, notFound } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { isUniqueViolation } from '../database/db-errors.js';
import { Db, type Tx } from '../database/db.service.js';
import { ExchangeRatesService } from '../exchange-rates/exchange-rates.service.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { SYSTEM_ACCOUNTS } from '../ledger/system-accounts.js';
import { periodEnd } from './plans.js';
import { ProductsService } from './products.service.js';
import { toSubscription, type Subscription, type SubscriptionRow } from './subscription.js';

/** Crypto currencies a subscription may be paid in besides TOKEN_ASSET (they need a wallet address). */
export const CRYPTO_CURRENCIES = ['roomi', 'valu'];

export interface CreateSubscription {
  readonly userId: string;
  readonly roomId: string;
  readonly plan: string;
  readonly currency?: string;
  readonly walletAddress?: string;
}

@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly db: Db,
    private readonly ledger: LedgerService,
    private readonly products: ProductsService,
    private readonly rates: ExchangeRatesService,
    private readonly assets: AssetRegistry,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Subscribes a user to a room: charges the first period and credits the owner (or revenue). */
  async create(tx: Tx, input: CreateSubscription): Promise<Subscription> {
    const product = await this.products.get('room', input.roomId);
    const option = product.options.find((o) => o.plan === input.plan);
    if (!option) throw notFound(`Plan ${input.plan} is not offered for room ${input.roomId}`);
    const { currency, price } = await this.priceIn(option.price, input.currency);
    if (currency !== this.config.tokenAsset && !input.walletAddress) throw invalid(`walletAddress is required to pay in ${currency}`);

    const now = this.clock.now();
    const id = randomUUID();
    try {
      await tx.query(
        `INSERT INTO subscriptions (id, user_id, product_type, product_id, plan, currency, price, wallet_address, status,
           anchor_at, period_index, current_period_start, current_period_end, created_at)
         VALUES (?, ?, 'room', ?, ?, ?, ?, ?, 'active', ?, 0, ?, ?, ?)`,
        [id, input.userId, input.roomId, option.plan, currency, price, input.walletAddress ?? null, now, now, periodEnd(option.plan, now, 0), now],
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`An active subscription to room ${input.roomId} already exists`);
      throw error;
    }
    const subscription = toSubscription((await tx.query<SubscriptionRow>('SELECT * FROM subscriptions WHERE id = ?', [id]))[0]);
    if (price > 0n) await this.charge(tx, subscription, product.ownerId, 0);
    return subscription;
  }

  /** Ends a user's active subscription to a room now, without refund. */
  async expire(tx: Tx, userId: string, roomId: string): Promise<Subscription> {
    const rows = await tx.query<SubscriptionRow>(
      `UPDATE subscriptions SET status = 'expired', ended_at = ?, ended_reason = 'network_admin'
       WHERE user_id = ? AND product_type = 'room' AND product_id = ? AND status = 'active' RETURNING *`,
      [this.clock.now(), userId, roomId],
    );
    if (rows.length === 0) throw notFound(`No active subscription to room ${roomId}`);
    return toSubscription(rows[0]);
  }

  /** Ends one subscription now, without refund, for an operator: 404 unknown, 409 already ended. */
  async expireById(tx: Tx, id: string): Promise<Subscription> {
    const rows = await tx.query<SubscriptionRow>(
      `UPDATE subscriptions SET status = 'expired', ended_at = ?, ended_reason = 'admin' WHERE id = ? AND status = 'active' RETURNING *`,
      [this.clock.now(), id],
    );
    if (rows.length > 0) return toSubscription(rows[0]);
    const [existing] = await tx.query<{ status: string }>('SELECT status FROM subscriptions WHERE id = ?', [id]);
    if (!existing) throw notFound(`Subscription ${id} not found`);
    throw conflict(`Subscription ${id} has already ended`);
  }

  async listForUser(userId: string): Promise<Subscription[]> {
    const rows = await this.db.query<SubscriptionRow>('SELECT * FROM subscriptions WHERE user_id = ? ORDER BY created_at DESC, id', [userId]);
    return rows.map(toSubscription);
  }

  /** The price of a plan in the paying currency: TOKEN_ASSET, or a crypto at the converted price. */
  async priceIn(tokenPrice: bigint, requested: string | undefined): Promise<{ currency: string; price: bigint }> {
    if (!requested) return { currency: this.config.tokenAsset, price: tokenPrice };
    const asset = this.assets.find(requested);
    if (!asset) throw notFound(`Currency ${requested} not found`);
    if (asset.code === this.config.tokenAsset) return { currency: asset.code, price: tokenPrice };
    if (!CRYPTO_CURRENCIES.includes(asset.code)) throw invalid(`currency must be one of ${[this.config.tokenAsset, ...CRYPTO_CURRENCIES].join(', ')}`);
    const price = await this.rates.convert(tokenPrice, this.config.tokenAsset, asset.code);
    if (price === null) throw notFound(`Currency ${requested} has no exchange rate`);
    return { currency: asset.code, price };
  }

  /**
   * Charges one period. The ledger idempotency key (subscription, period) makes a second charge
   * for the same period impossible, whichever instance or retry attempts it.
   */
  async charge(tx: Tx, subscription: Subscription, ownerId: string | null, periodIndex: number): Promise<void> {
    const payee = ownerId ?? SYSTEM_ACCOUNTS.revenue;
    await this.ledger.postIn(tx, {
      kind: 'subscription',
      action: 'roomSubscription',
      metadata: { subscriptionId: subscription.id, period: periodIndex, roomId: subscription.productId, plan: subscription.plan },
      idempotency: { scope: 'subscription-period', key: `${subscription.id}:${periodIndex}`, requestHash: `${subscription.id}:${periodIndex}` },
      legs: [
        { ownerId: subscription.userId, asset: subscription.currency, amount: -subscription.price, type: 'spending' },
        { ownerId: payee, asset: subscription.currency, amount: subscription.price, type: payee === ownerId ? 'mining' : 'system' },
      ],
    });
  }
}
