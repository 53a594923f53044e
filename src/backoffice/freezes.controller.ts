import { Body, Delete, HttpCode, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { AuditCaller, AuditFields } from '../audit/audit-record.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { UsersService } from '../auth/users.service.js';
import { notFound } from '../common/errors.js';
import { Db, type Tx } from '../database/db.service.js';
import { FreezesService } from '../ledger/freezes.js';
import { RenewalsService } from '../subscriptions/renewals.service.js';
import { ApiInvalid, ApiUnknownUser, BackofficeController } from './api-docs.js';
import { ref } from './api-schemas.js';
import { freezeView, userNotFoundMessage } from './backoffice-users.js';
import { FreezeDto, USER_FREEZE_EXAMPLE } from './freezes.dto.js';
import { RestCaller } from './rest-caller.js';

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
    private readonly users: UsersService,
    private readonly audit: AuditTrail,
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
  async freeze(@Param('userId') userId: string, @Body() body: FreezeDto, @RestCaller() caller: AuditCaller) {
    const frozen = await this.db.transaction(async (tx) => {
      const before = await this.lockedFreezeOf(tx, userId);
      const after = await this.freezes.freeze(tx, userId, { scope: body.scope, reason: body.reason, by: caller.actor.id });
      if (after) await this.audit.record(tx, caller, { action: 'freeze.put', target: `user:${userId}`, before, after: { frozen: freezeView(after) } });
      return after;
    });
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
  async unfreeze(@Param('userId') userId: string, @RestCaller() caller: AuditCaller) {
    const unfrozen = await this.db.transaction(async (tx) => {
      const before = await this.lockedFreezeOf(tx, userId);
      const lifted = await this.freezes.unfreeze(tx, userId);
      if (lifted) await this.renewals.renewDeferred(tx, userId);
      // Lifting no freeze changes nothing, so it is not recorded.
      if (lifted) await this.audit.record(tx, caller, { action: 'freeze.delete', target: `user:${userId}`, before, after: { frozen: null } });
      return lifted;
    });
    if (unfrozen === null) throw notFound(userNotFoundMessage(userId));
    return { userId, frozen: null };
  }

  /** The user's freeze as it is, the row locked so that it cannot change before ours (undefined: no such user). */
  private async lockedFreezeOf(tx: Tx, userId: string): Promise<AuditFields | undefined> {
    const user = await this.users.findForUpdate(tx, userId);
    return user ? { frozen: freezeView(user.frozen) } : undefined;
  }
}
