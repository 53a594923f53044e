import { Body, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { type RequestKey } from '../idempotency/idempotency.service.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { namingShortAccount } from '../ledger/short-account.js';
import { UserTransfersService } from '../ledger/user-transfers.service.js';
import { balanceAfter } from './account-view.js';
import { ApiIdempotent, ApiInvalid, ApiUnknownUser, BackofficeController } from './api-docs.js';
import { ADJUSTMENT_EXAMPLE, AdjustmentDto } from './adjustments.dto.js';
import { ref } from './api-schemas.js';
import { BackofficeUsers } from './backoffice-users.js';
import { IdempotencyKeyOf, IdempotentRequests } from './idempotent-requests.js';
import { bodyAsset } from './request-values.js';

/** Manual credits and withdrawals against the issuer, with the operator's comment. */
@BackofficeController('adjustments')
export class AdjustmentsController {
  constructor(
    private readonly users: BackofficeUsers,
    private readonly transfers: UserTransfersService,
    private readonly assets: AssetRegistry,
    private readonly requests: IdempotentRequests,
  ) {}

  @Post('user/:userId/adjustments')
  @ApiOperation({ summary: "Credit or withdraw a user's balance (action `adjustment`)" })
  @ApiCreatedResponse({ schema: ref('Adjustment'), example: ADJUSTMENT_EXAMPLE })
  @ApiInvalid('amount: amount has more than 2 decimal places for usd', 'refused')
  @ApiUnknownUser()
  @ApiUnprocessableEntityResponse({
    description: "Would take the user's balance below what their open holds lock (below zero without holds); the message names the user",
    example: { statusCode: 422, message: 'Insufficient funds in usd for user d3e84bed-94bb-59c1-bbf1-fcfea251e84b' },
  })
  @ApiIdempotent()
  adjust(
    @Param('userId') userId: string,
    @Body() body: AdjustmentDto,
    @CurrentUser() admin: Principal,
    @IdempotencyKeyOf() key: RequestKey | null,
  ) {
    return this.requests.run(key, async (tx) => {
      await this.users.require(userId);
      const asset = bodyAsset(this.assets, body.asset);
      const result = await namingShortAccount(() =>
        this.transfers.adjust(tx, { userId, asset, amount: body.amount, action: 'adjustment', metadata: { comment: body.comment, admin: admin.id } }),
      );
      const amount = this.assets.format(asset, this.assets.parse(asset, body.amount));
      return { transactionId: result.transactionId, userId, action: 'adjustment', asset, amount, comment: body.comment, balance: balanceAfter(this.assets, result, userId, asset) };
    });
  }
}
