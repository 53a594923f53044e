import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { conflict, invalid, notFound } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { isUniqueViolation } from '../database/db-errors.js';
import type { Tx } from '../database/db.service.js';
import type { Ratio } from '../common/money.js';
import { ExchangeRatesService } from '../exchange-rates/exchange-rates.service.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { SYSTEM_ACCOUNTS } from '../ledger/system-accounts.js';
import { periodEnd } from './plans.js';
import { ProductsService } from './products.service.js';
import type { Subscription } from './subscription.js';
import { SubscriptionsRepository } from './subscriptions.repository.js';

/** Crypto currencies a subscription may be paid in besides TOKEN_ASSET (they need a wallet address). */
export const CRYPTO_CURRENCIES = ['roomi', 'valu'];

/** A product's plans priced in TOKEN_ASSET, and in another currency when one was asked for. */
export interface ProductOptions {
  readonly options: ReadonlyArray<{ readonly plan: string; readonly price: bigint; readonly altPrice?: bigint }>;
  /** The other currency, its rate (units per one TOKEN_ASSET) and asset code; absent when none was asked for. */
  readonly alt?: { readonly currency: string; readonly rate: Ratio };
}

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
    private readonly stored: SubscriptionsRepository,
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
    // A price converted at a rate that makes it round to nothing would give a paid plan away.
    if (price === 0n && option.plan !== 'free') {
      throw invalid(`The ${option.plan} plan of room ${input.roomId} costs less than the smallest unit of ${currency}; pay in ${this.config.tokenAsset}`);
    }

    const now = this.clock.now();
    let subscription: Subscription;
    try {
      subscription = await this.stored.insert(tx, {
        id: randomUUID(),
        userId: input.userId,
        roomId: input.roomId,
        plan: option.plan,
        currency,
        price,
        walletAddress: input.walletAddress ?? null,
        now,
        periodEnd: periodEnd(option.plan, now, 0),
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`An active subscription to room ${input.roomId} already exists`);
      throw error;
    }
    if (price > 0n) await this.charge(tx, subscription, product.ownerId, 0);
    return subscription;
  }

  /** Ends a user's active subscription to a room now, without refund. */
  async expire(tx: Tx, userId: string, roomId: string): Promise<Subscription> {
    const expired = await this.stored.expireActive(tx, userId, roomId, this.clock.now(), 'network_admin');
    if (!expired) throw notFound(`No active subscription to room ${roomId}`);
    return expired;
  }

  /** Ends one subscription now, without refund, for an operator: 404 unknown, 409 already ended. */
  async expireById(tx: Tx, id: string): Promise<Subscription> {
    const expired = await this.stored.expireById(tx, id, this.clock.now(), 'admin');
    if (expired) return expired;
    if (!(await this.stored.exists(tx, id))) throw notFound(`Subscription ${id} not found`);
    throw conflict(`Subscription ${id} has already ended`);
  }

  listForUser(userId: string): Promise<Subscription[]> {
    return this.stored.listForUser(userId);
  }

  /**
   * What balance:getProductSubscriptionOptions shows: every plan's price, and with `currency`
   * (any quoted asset, for display) the price converted at one rate read once.
   */
  async optionsFor(productType: string, productId: string, currency: string | undefined): Promise<ProductOptions> {
    const product = await this.products.get(productType, productId);
    const token = this.config.tokenAsset;
    const alt = currency ? this.assets.find(currency) : undefined;
    if (currency && !alt) throw notFound(`Currency ${currency} not found`);
    if (!alt || alt.code === token) return { options: product.options.map((o) => ({ plan: o.plan, price: o.price })) };
    const converter = await this.rates.converter(token, alt.code);
    if (!converter) throw notFound(`Currency ${currency} has no exchange rate`);
    return {
      options: product.options.map((o) => ({ plan: o.plan, price: o.price, altPrice: converter.convert(o.price) })),
      alt: { currency: alt.code, rate: converter.rate },
    };
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
    return { currency: asset.code, price: this.assets.requireWithinLimit(asset.code, price, 'price') };
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
      postingKey: { scope: 'subscription-period', key: `${subscription.id}:${periodIndex}`, requestHash: `${subscription.id}:${periodIndex}` },
      legs: [
        // The owner's side does not respect freezes: a frozen owner's subscribers still pay.
        { ownerId: subscription.userId, asset: subscription.currency, amount: -subscription.price, type: 'spending', respectsFreeze: true },
        { ownerId: payee, asset: subscription.currency, amount: subscription.price, type: payee === ownerId ? 'mining' : 'system' },
      ],
    });
  }
}
