import { HttpCode, Get, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { AuditCaller } from '../audit/audit-record.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { isoOrNull } from '../common/iso-time.js';
import { formatAmount } from '../common/money.js';
import { Db } from '../database/db.service.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import type { Subscription } from '../subscriptions/subscription.js';
import { expiryChange } from '../subscriptions/subscription-audit.js';
import { SubscriptionsService } from '../subscriptions/subscriptions.service.js';
import { ApiPathParam, ApiUnknownUser, BackofficeController } from './api-docs.js';
import { ref } from './api-schemas.js';
import { BackofficeUsers } from './backoffice-users.js';
import { RestCaller } from './rest-caller.js';

export const SUBSCRIPTION_EXAMPLE = {
  id: '3f1c2a9e-6b0d-4a51-9d55-0c1f0f7a8e21',
  userId: '68e057fe-0aec-03db-20f8-5f811abf7da6',
  productType: 'room',
  productId: 'demo-room',
  plan: 'subscription_month',
  status: 'active',
  currency: 'rents',
  price: '10',
  walletAddress: null,
  periodIndex: 2,
  periodStart: '2025-03-01T12:00:00.000Z',
  periodEnd: '2025-04-01T12:00:00.000Z',
  createdAt: '2025-01-01T12:00:00.000Z',
  endedAt: null,
  endedReason: null,
};

/** Room subscriptions as operators see them: the periods paid, and an expire action. */
@BackofficeController('subscriptions')
export class SubscriptionsController {
  constructor(
    private readonly users: BackofficeUsers,
    private readonly subscriptions: SubscriptionsService,
    private readonly assets: AssetRegistry,
    private readonly db: Db,
    private readonly audit: AuditTrail,
  ) {}

  @Get('user/:userId/subscriptions')
  @ApiOperation({
    summary: "A user's subscriptions, newest first, with the current period (`periodEnd` null: never renews)",
    description:
      "Active and ended subscriptions of the user, with the plan, the price charged each period and the current period. An unknown user is 404.",
  })
  @ApiOkResponse({ schema: { type: 'array', items: ref('Subscription') }, example: [SUBSCRIPTION_EXAMPLE] })
  @ApiUnknownUser()
  async list(@Param('userId') userId: string) {
    await this.users.require(userId);
    return (await this.subscriptions.listForUser(userId)).map((s) => this.view(s));
  }

  @Post('subscriptions/:subscriptionId/expire')
  @HttpCode(200)
  @ApiOperation({
    summary: 'End an active subscription now, without refund (`endedReason: "admin"`)',
    description:
      "The subscription ends at once and is not renewed; what was charged stays charged. One that already ended is 409.",
  })
  @ApiPathParam('subscriptionId', SUBSCRIPTION_EXAMPLE.id)
  @ApiOkResponse({ schema: ref('Subscription'), example: { ...SUBSCRIPTION_EXAMPLE, status: 'expired', endedAt: '2025-03-10T08:00:00.000Z', endedReason: 'admin' } })
  @ApiNotFoundResponse({ description: 'No such subscription', schema: ref('Error'), example: { statusCode: 404, message: `Subscription ${SUBSCRIPTION_EXAMPLE.id} not found` } })
  @ApiConflictResponse({ description: 'Already ended', schema: ref('Error'), example: { statusCode: 409, message: `Subscription ${SUBSCRIPTION_EXAMPLE.id} has already ended` } })
  async expire(@Param('subscriptionId') subscriptionId: string, @RestCaller() caller: AuditCaller) {
    const expired = await this.db.transaction(async (tx) => {
      const ended = await this.subscriptions.expireById(tx, subscriptionId);
      await this.audit.record(tx, caller, expiryChange(this.assets, ended));
      return ended;
    });
    return this.view(expired);
  }

  private view(s: Subscription) {
    return {
      id: s.id,
      userId: s.userId,
      productType: s.productType,
      productId: s.productId,
      plan: s.plan,
      status: s.status,
      currency: s.currency,
      price: formatAmount(s.price, this.assets.get(s.currency).scale),
      walletAddress: s.walletAddress,
      periodIndex: s.periodIndex,
      periodStart: isoOrNull(s.currentPeriodStart),
      periodEnd: isoOrNull(s.currentPeriodEnd),
      createdAt: isoOrNull(s.createdAt),
      endedAt: isoOrNull(s.endedAt),
      endedReason: s.endedReason,
    };
  }
}
