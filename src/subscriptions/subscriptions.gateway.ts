import { Inject } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { notFound } from '../common/errors.js';
import { isoOrNull } from '../common/iso-time.js';
import { ratioToString, toJsonNumber } from '../common/money.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RATE_DECIMALS } from '../exchange-rates/exchange-rates.gateway.js';
import { ExchangeRatesService } from '../exchange-rates/exchange-rates.service.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { BalanceEndpoints } from '../balance-api/balance-endpoints.js';
import { ProductsService } from './products.service.js';
import type { Subscription } from './subscription.js';
import { CreateRoomSubscriptionDto, ExpireRoomSubscriptionDto, GetProductSubscriptionOptionsDto } from './subscriptions.dto.js';
import { SubscriptionsService } from './subscriptions.service.js';

/** balance:getProductSubscriptionOptions, createRoomSubscription, expireRoomSubscription, getSubscriptions. */
@WebSocketGateway()
export class SubscriptionsGateway {
  constructor(
    private readonly endpoints: BalanceEndpoints,
    private readonly products: ProductsService,
    private readonly subscriptions: SubscriptionsService,
    private readonly rates: ExchangeRatesService,
    private readonly assets: AssetRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @SubscribeMessage('balance:getProductSubscriptionOptions')
  getProductSubscriptionOptions(@ConnectedSocket() client: Socket, @MessageBody() payload: unknown) {
    return this.endpoints.answer(client, 'getProductSubscriptionOptions', payload, {
      dto: GetProductSubscriptionOptionsDto,
      read: async ({ data }) => {
        const product = await this.products.get(data.productType, data.productId);
        const token = this.assets.get(this.config.tokenAsset);
        const price = (minor: bigint) => toJsonNumber(minor, token.scale);
        const alt = data.currency ? this.assets.find(data.currency) : undefined;
        if (data.currency && !alt) throw notFound(`Currency ${data.currency} not found`);
        if (!alt || alt.code === token.code) {
          return { subscriptionOptions: product.options.map((o) => ({ plan: o.plan, price: price(o.price) })) };
        }
        const rate = await this.rates.rate(token.code, alt.code);
        if (!rate) throw notFound(`Currency ${data.currency} has no exchange rate`);
        const options = [];
        for (const o of product.options) {
          const altPrice = (await this.rates.convert(o.price, token.code, alt.code))!;
          options.push({ plan: o.plan, price: price(o.price), altCurrency: alt.code, altPrice: toJsonNumber(altPrice, alt.scale) });
        }
        return { subscriptionOptions: options, altCurrencyExchangeRate: Number(ratioToString(rate, RATE_DECIMALS)) };
      },
    });
  }

  @SubscribeMessage('balance:createRoomSubscription')
  createRoomSubscription(@ConnectedSocket() client: Socket, @MessageBody() payload: unknown) {
    return this.endpoints.answer(client, 'createRoomSubscription', payload, {
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

  @SubscribeMessage('balance:expireRoomSubscription')
  expireRoomSubscription(@ConnectedSocket() client: Socket, @MessageBody() payload: unknown) {
    return this.endpoints.answer(client, 'expireRoomSubscription', payload, {
      dto: ExpireRoomSubscriptionDto,
      role: 'network-admin',
      write: async ({ principal, data }, tx) => ({
        subscription: this.view(await this.subscriptions.expire(tx, data.targetUser ?? principal.id, data.roomId)),
      }),
    });
  }

  @SubscribeMessage('balance:getSubscriptions')
  getSubscriptions(@ConnectedSocket() client: Socket, @MessageBody() payload: unknown) {
    return this.endpoints.answer(client, 'getSubscriptions', payload, {
      dto: null,
      read: async ({ principal }) => ({ subscriptions: (await this.subscriptions.listForUser(principal.id)).map((s) => this.view(s)) }),
    });
  }

  private view(s: Subscription) {
    return {
      id: s.id,
      roomId: s.productId,
      productType: s.productType,
      plan: s.plan,
      status: s.status,
      currency: s.currency,
      price: toJsonNumber(s.price, this.assets.get(s.currency).scale),
      walletAddress: s.walletAddress,
      periodStart: isoOrNull(s.currentPeriodStart),
      periodEnd: isoOrNull(s.currentPeriodEnd),
      createdAt: isoOrNull(s.createdAt),
      endedAt: isoOrNull(s.endedAt),
    };
  }
}
