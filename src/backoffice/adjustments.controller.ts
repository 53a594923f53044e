import { Body, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { AuditCaller } from '../audit/audit-record.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { type RequestKey } from '../idempotency/idempotency.service.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { namingShortAccount } from '../ledger/short-account.js';
import { postingChange } from '../ledger/posting-audit.js';
import { UserTransfersService } from '../ledger/user-transfers.service.js';
import { balanceAfter } from './account-view.js';
import { ApiIdempotent, ApiInvalid, ApiUnknownUser, BackofficeController } from './api-docs.js';
import { ADJUSTMENT_EXAMPLE, AdjustmentDto } from './adjustments.dto.js';
import { ref } from './api-schemas.js';
import { BackofficeUsers } from './backoffice-users.js';
import { IdempotencyKeyOf, IdempotentRequests } from './idempotent-requests.js';
import { bodyAsset } from './request-values.js';
import { RestCaller } from './rest-caller.js';

/** Manual credits and withdrawals against the issuer, with the operator's comment. */
@BackofficeController('adjustments')
export class AdjustmentsController {
  constructor(
    private readonly users: BackofficeUsers,
    private readonly transfers: UserTransfersService,
    private readonly assets: AssetRegistry,
    private readonly requests: IdempotentRequests,
    private readonly audit: AuditTrail,
  ) {}

  @Post('user/:userId/adjustments')
  @ApiOperation({
    summary: "Credit or withdraw a user's balance (action `adjustment`)",
    description:
      "Posts one ledger transaction between the user and the issuer: a positive amount credits the user, a negative one withdraws, never below what open holds lock. The comment and the operator are kept with the transaction and in the audit trail. With an `Idempotency-Key`, a retry answers the stored result and posts nothing again. Not refused by a freeze: it is the operator's correction, not the user's own movement.",
  })
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
    @RestCaller() caller: AuditCaller,
    @IdempotencyKeyOf() key: RequestKey | null,
  ) {
    return this.requests.run(key, async (tx) => {
      await this.users.require(userId);
      const asset = bodyAsset(this.assets, body.asset);
      const result = await namingShortAccount(() =>
        this.transfers.adjust(tx, { userId, asset, amount: body.amount, action: 'adjustment', metadata: { comment: body.comment, admin: caller.actor.id } }),
      );
      const minor = this.assets.parse(asset, body.amount);
      const change = postingChange(this.assets, 'balance.adjust', result, userId, asset, minor);
      if (change) await this.audit.record(tx, caller, change);
      const amount = this.assets.format(asset, minor);
      return { transactionId: result.transactionId, userId, action: 'adjustment', asset, amount, comment: body.comment, balance: balanceAfter(this.assets, result, userId, asset) };
    });
  }
}
