import { Inject } from '@nestjs/common';
import { WebSocketGateway } from '@nestjs/websockets';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { ratioToString, toJsonNumber } from '../common/money.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RATE_DECIMALS } from '../exchange-rates/exchange-rates.service.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { BalanceEndpoints } from '../balance-api/balance-endpoints.js';
import { BalanceEvent, type BalanceCall } from '../balance-api/balance-event.decorator.js';
import { NetworkScope } from './network-scope.js';
import type { Subscription } from './subscription.js';
import { expiryChange } from './subscription-audit.js';
import { subscriptionView } from './subscription-view.js';
import { CreateRoomSubscriptionDto, ExpireRoomSubscriptionDto, GetProductSubscriptionOptionsDto } from './subscriptions.dto.js';
import { SubscriptionsService } from './subscriptions.service.js';

/** balance:getProductSubscriptionOptions, createRoomSubscription, expireRoomSubscription, getSubscriptions. */
@WebSocketGateway()
export class SubscriptionsGateway {
  constructor(
    private readonly endpoints: BalanceEndpoints,
    private readonly subscriptions: SubscriptionsService,
    private readonly scope: NetworkScope,
    private readonly assets: AssetRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditTrail,
  ) {}

  @BalanceEvent('balance:getProductSubscriptionOptions')
  getProductSubscriptionOptions(call: BalanceCall) {
    return this.endpoints.answer(call, {
      dto: GetProductSubscriptionOptionsDto,
      read: async ({ data }) => {
        const { options, alt } = await this.subscriptions.optionsFor(data.productType, data.productId, data.currency);
        const tokenScale = this.assets.get(this.config.tokenAsset).scale;
        if (!alt) return { subscriptionOptions: options.map((o) => ({ plan: o.plan, price: toJsonNumber(o.price, tokenScale) })) };
        const altScale = this.assets.get(alt.currency).scale;
        return {
          subscriptionOptions: options.map((o) => ({
            plan: o.plan,
            price: toJsonNumber(o.price, tokenScale),
            altCurrency: alt.currency,
            altPrice: toJsonNumber(o.altPrice!, altScale),
          })),
          altCurrencyExchangeRate: Number(ratioToString(alt.rate, RATE_DECIMALS)),
        };
      },
    });
  }

  @BalanceEvent('balance:createRoomSubscription')
  createRoomSubscription(call: BalanceCall) {
    return this.endpoints.answer(call, {
      dto: CreateRoomSubscriptionDto,
      write: async ({ principal, data }, tx) => ({
        subscription: this.view(
          await this.subscriptions.create(tx, {
            userId: principal.id,
            roomId: data.roomId,
            plan: data.subscriptionPlan,
            currency: data.currency,
            walletAddress: data.walletAddress,
          }),
        ),
      }),
    });
  }

  @BalanceEvent('balance:expireRoomSubscription')
  expireRoomSubscription(call: BalanceCall) {
    return this.endpoints.answer(call, {
      dto: ExpireRoomSubscriptionDto,
      role: 'network-admin',
      write: async ({ principal, data, caller }, tx) => {
        const userId = data.targetUser ?? principal.id;
        await this.scope.requireReach(principal, userId);
        const expired = await this.subscriptions.expire(tx, userId, data.roomId);
        await this.audit.record(tx, caller, expiryChange(this.assets, expired));
        return { subscription: this.view(expired) };
      },
    });
  }

  @BalanceEvent('balance:getSubscriptions')
  getSubscriptions(call: BalanceCall) {
    return this.endpoints.answer(call, {
      dto: null,
      read: async ({ principal }) => ({ subscriptions: (await this.subscriptions.listForUser(principal.id)).map((s) => this.view(s)) }),
    });
  }

  private view(s: Subscription) {
    return subscriptionView(s, this.assets);
  }
}
