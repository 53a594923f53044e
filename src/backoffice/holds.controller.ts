import { Body, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { AuditCaller } from '../audit/audit-record.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { formatAmount } from '../common/money.js';
import type { Tx } from '../database/db.service.js';
import { type RequestKey } from '../idempotency/idempotency.service.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { HoldsService } from '../ledger/holds.service.js';
import type { Hold } from '../ledger/ledger.types.js';
import { ApiIdempotent, ApiInvalid, ApiPathParam, ApiUnknownUser, BackofficeController } from './api-docs.js';
import { ref } from './api-schemas.js';
import { BackofficeUsers } from './backoffice-users.js';
import { CaptureHoldDto, HOLD_EXAMPLE, HoldsQueryDto, PlaceHoldDto } from './holds.dto.js';
import { IdempotencyKeyOf, IdempotentRequests } from './idempotent-requests.js';
import { isoOrNull } from '../common/iso-time.js';
import { bodyAsset, toEpochMs } from './request-values.js';
import { RestCaller } from './rest-caller.js';

const ENDED = { description: 'The hold has already ended (captured, released or expired)', schema: ref('Error'), example: { statusCode: 409, message: 'Hold is already released' } };
const UNKNOWN_HOLD = { description: 'No such hold', schema: ref('Error'), example: { statusCode: 404, message: 'Hold 0b6f6c1e-5d43-4e0b-9a3e-4f1f5c7f2a10 not found' } };

/** Reservations of a user's funds; each ends exactly once (HoldsService enforces it). */
@BackofficeController('holds')
export class HoldsController {
  constructor(
    private readonly users: BackofficeUsers,
    private readonly holds: HoldsService,
    private readonly assets: AssetRegistry,
    private readonly requests: IdempotentRequests,
    private readonly audit: AuditTrail,
  ) {}

  @Post('user/:userId/holds')
  @ApiOperation({
    summary: "Reserve part of a user's available balance",
    description:
      "The amount stays in the balance but can no longer be spent until the hold ends: captured, released, or expired at `expiresAt`. Refused with 422 when the available balance (amount less other holds) is short.",
  })
  @ApiCreatedResponse({ schema: ref('Hold'), example: HOLD_EXAMPLE })
  @ApiInvalid('expiresAt must be in the future', 'refused')
  @ApiUnknownUser()
  @ApiUnprocessableEntityResponse({ description: 'Not enough available funds', schema: ref('Error'), example: { statusCode: 422, message: 'Insufficient funds in rents' } })
  @ApiIdempotent()
  place(@Param('userId') userId: string, @Body() body: PlaceHoldDto, @IdempotencyKeyOf() key: RequestKey | null, @RestCaller() caller: AuditCaller) {
    return this.requests.run(key, async (tx) => {
      await this.users.require(userId);
      const asset = bodyAsset(this.assets, body.asset);
      const amount = this.assets.parse(asset, body.amount);
      const expiresAt = body.expiresAt === undefined ? null : toEpochMs(body.expiresAt);
      const hold = this.view(await this.holds.placeIn(tx, { userId, asset, amount, reason: body.reason, expiresAt }));
      await this.audit.record(tx, caller, { action: 'hold.place', target: `hold:${hold.holdId}`, after: hold });
      return hold;
    });
  }

  @Get('user/:userId/holds')
  @ApiOperation({
    summary: "A user's holds, newest first",
    description:
      "Every hold of the user, or only those in one `status`.",
  })
  @ApiOkResponse({ schema: { type: 'array', items: ref('Hold') }, example: [HOLD_EXAMPLE] })
  @ApiInvalid('status must be one of pending, captured, released, expired')
  @ApiUnknownUser()
  async list(@Param('userId') userId: string, @Query() query: HoldsQueryDto) {
    await this.users.require(userId);
    return (await this.holds.listForUser(userId, query.status)).map((h) => this.view(h));
  }

  @Get('holds/:holdId')
  @ApiOperation({
    summary: 'One hold',
    description:
      "The hold with its state: pending until it is captured, released or expired; `endedAt` says when it ended.",
  })
  @ApiPathParam('holdId', '0b6f6c1e-5d43-4e0b-9a3e-4f1f5c7f2a10')
  @ApiOkResponse({ schema: ref('Hold'), example: HOLD_EXAMPLE })
  @ApiNotFoundResponse(UNKNOWN_HOLD)
  async get(@Param('holdId') holdId: string) {
    return this.view(await this.holds.get(holdId));
  }

  // capture and release open their own transaction, which joins the idempotent one.
  @Post('holds/:holdId/capture')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Capture a pending hold into platform revenue; a partial amount releases the rest',
    description:
      "Moves the captured amount (all of it when `amount` is absent) from the user to platform revenue in one transaction and ends the hold; whatever was not captured is released. A hold that already ended is 409.",
  })
  @ApiPathParam('holdId', '0b6f6c1e-5d43-4e0b-9a3e-4f1f5c7f2a10')
  @ApiOkResponse({ schema: ref('Hold'), example: { ...HOLD_EXAMPLE, captured: '10', status: 'captured', endedAt: '2025-03-01T12:05:00.000Z' } })
  @ApiInvalid('amount must not exceed the held amount', 'refused')
  @ApiNotFoundResponse(UNKNOWN_HOLD)
  @ApiConflictResponse(ENDED)
  @ApiIdempotent()
  capture(@Param('holdId') holdId: string, @Body() body: CaptureHoldDto, @IdempotencyKeyOf() key: RequestKey | null, @RestCaller() caller: AuditCaller) {
    return this.requests.run(key, async (tx) => {
      const amount = body.amount === undefined ? undefined : this.assets.parse((await this.holds.get(holdId)).asset, body.amount);
      return this.recordEnd(tx, caller, 'hold.capture', this.view(await this.holds.capture(holdId, amount)));
    });
  }

  @Post('holds/:holdId/release')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Release a pending hold',
    description:
      "Ends the hold without moving money: the amount becomes available again. A hold that already ended is 409.",
  })
  @ApiPathParam('holdId', '0b6f6c1e-5d43-4e0b-9a3e-4f1f5c7f2a10')
  @ApiOkResponse({ schema: ref('Hold'), example: { ...HOLD_EXAMPLE, status: 'released', endedAt: '2025-03-01T12:05:00.000Z' } })
  @ApiNotFoundResponse(UNKNOWN_HOLD)
  @ApiConflictResponse(ENDED)
  @ApiIdempotent()
  release(@Param('holdId') holdId: string, @IdempotencyKeyOf() key: RequestKey | null, @RestCaller() caller: AuditCaller) {
    return this.requests.run(key, async (tx) => this.recordEnd(tx, caller, 'hold.release', this.view(await this.holds.release(holdId))));
  }

  /** Only a pending hold can end, so what it was before is what it is now, still pending. */
  private async recordEnd(tx: Tx, caller: AuditCaller, action: string, ended: HoldView): Promise<HoldView> {
    const before = { ...ended, captured: null, status: 'pending', endedAt: null };
    await this.audit.record(tx, caller, { action, target: `hold:${ended.holdId}`, before, after: ended });
    return ended;
  }

  private view(hold: Hold) {
    const { scale } = this.assets.get(hold.asset);
    return {
      holdId: hold.id,
      userId: hold.userId,
      asset: hold.asset,
      amount: formatAmount(hold.amount, scale),
      captured: hold.captured === null ? null : formatAmount(hold.captured, scale),
      status: hold.status,
      reason: hold.reason,
      expiresAt: isoOrNull(hold.expiresAt),
      createdAt: new Date(hold.createdAt).toISOString(),
      endedAt: isoOrNull(hold.endedAt),
    };
  }
}

type HoldView = ReturnType<HoldsController['view']>;
