import { Body, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { invalid } from '../common/errors.js';
import { type RequestKey } from '../idempotency/idempotency.service.js';
import { ReversalsService } from '../ledger/reversals.service.js';
import { ApiIdempotent, ApiInvalid, ApiUnknownTransaction, BackofficeController, errorExample } from './api-docs.js';
import { ref } from './api-schemas.js';
import { IdempotencyKeyOf, IdempotentRequests } from './idempotent-requests.js';
import { REVERSAL_EXAMPLE, ReversalDto } from './reversals.dto.js';

/** Taking a transaction back: a new transaction mirrors it (ReversalsService), never an edit of the old one. */
@BackofficeController('reversals')
export class ReversalsController {
  constructor(
    private readonly reversals: ReversalsService,
    private readonly requests: IdempotentRequests,
  ) {}

  @Post('transactions/:transactionId/reversals')
  @ApiOperation({
    summary: 'Reverse a transaction, whole or in part (an Idempotency-Key is required)',
    description:
      "Posts a transaction of kind `reversal` whose entries mirror the original's with the opposite sign, each keeping its type and action, so the users' totals net back. Without `amount`, all that remains unreversed; `amount` only for a transaction with one debited and one credited entry. Goes through a freeze (it is an operator's correction); a reversed subscription charge does not end the subscription, a reversed capture does not re-create the hold.",
  })
  @ApiUnknownTransaction('The transaction to reverse')
  @ApiCreatedResponse({ schema: ref('Reversal'), example: REVERSAL_EXAMPLE })
  @ApiInvalid('A reversal cannot be reversed', 'refused')
  @ApiConflictResponse({ description: 'Nothing remains to reverse, or the Idempotency-Key was reused with another body', ...errorExample(409, 'Transaction already reversed') })
  @ApiUnprocessableEntityResponse({
    description: 'More than remains to reverse, or it would leave an account less than its open holds lock (the message names whose)',
    ...errorExample(422, 'Amount exceeds what remains to reverse'),
  })
  @ApiIdempotent({ required: true })
  reverse(@Param('transactionId') transactionId: string, @Body() body: ReversalDto, @CurrentUser() admin: Principal, @IdempotencyKeyOf() key: RequestKey | null) {
    // A reversal repeated by a retry would take back twice: it is never posted without a key.
    if (!key) throw invalid('Idempotency-Key header is required');
    return this.requests.run(key, (tx) => this.reversals.reverseIn(tx, { transactionId, amount: body.amount, comment: body.comment, admin: admin.id }));
  }
}
