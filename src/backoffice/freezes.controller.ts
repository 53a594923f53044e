import { Body, Delete, HttpCode, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { notFound } from '../common/errors.js';
import { Db } from '../database/db.service.js';
import { FreezesService } from '../ledger/freezes.js';
import { RenewalsService } from '../subscriptions/renewals.service.js';
import { ApiInvalid, ApiUnknownUser, BackofficeController } from './api-docs.js';
import { ref } from './api-schemas.js';
import { freezeView, userNotFoundMessage } from './backoffice-users.js';
import { FreezeDto, USER_FREEZE_EXAMPLE } from './freezes.dto.js';

/**
 * Freezing a user's own movements, and lifting it. PUT and DELETE are idempotent by nature (the
 * state they leave does not depend on how often they run), so they take no Idempotency-Key.
 */
@BackofficeController('freezes')
export class FreezesController {
  constructor(
    private readonly freezes: FreezesService,
    private readonly renewals: RenewalsService,
    private readonly db: Db,
  ) {}

  @Put('user/:userId/freeze')
  @HttpCode(200)
  @ApiOperation({
    summary: "Freeze a user's own movements (`debits`: money out; `all`: money out and in); a second PUT changes scope and reason, keeping `since`",
    description:
      "Refused while frozen (423): donating, subscribing, spending token actions and negative legacy updates; with `all` also being donated to, mining and buying actions and positive legacy updates. Operators' adjustments, holds, captures and payments for the user's products still go through; a renewal that falls due is deferred to the unfreeze.",
  })
  @ApiOkResponse({ schema: ref('UserFreeze'), example: USER_FREEZE_EXAMPLE })
  @ApiInvalid('scope must be one of all, debits')
  @ApiUnknownUser()
  async freeze(@Param('userId') userId: string, @Body() body: FreezeDto, @CurrentUser() admin: Principal) {
    const frozen = await this.db.transaction((tx) => this.freezes.freeze(tx, userId, { scope: body.scope, reason: body.reason, by: admin.id }));
    if (!frozen) throw notFound(userNotFoundMessage(userId));
    return { userId, frozen: freezeView(frozen) };
  }

  @Delete('user/:userId/freeze')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Lift a freeze (200 also when the user is not frozen)',
    description: 'In the same transaction, each renewal that fell due while frozen is charged once, for the period running now, or the subscription expires now for want of funds.',
  })
  @ApiOkResponse({ schema: ref('UserFreeze'), example: { ...USER_FREEZE_EXAMPLE, frozen: null } })
  @ApiUnknownUser()
  async unfreeze(@Param('userId') userId: string) {
    const unfrozen = await this.db.transaction(async (tx) => {
      const lifted = await this.freezes.unfreeze(tx, userId);
      if (lifted) await this.renewals.renewDeferred(tx, userId);
      return lifted;
    });
    if (unfrozen === null) throw notFound(userNotFoundMessage(userId));
    return { userId, frozen: null };
  }
}
