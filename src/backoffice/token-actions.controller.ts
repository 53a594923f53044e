import { Body, Delete, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { AuditCaller } from '../audit/audit-record.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { toDecimalString } from '../common/money.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { type RequestKey } from '../idempotency/idempotency.service.js';
import { Db } from '../database/db.service.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { postingChange } from '../ledger/posting-audit.js';
import { TokenActionsService } from '../token-actions/token-actions.service.js';
import { balanceAfter } from './account-view.js';
import { ApiFrozen, ApiIdempotent, ApiInvalid, ApiPathParam, ApiUnknownUser, BackofficeController } from './api-docs.js';
import { PATH_NAME, ref } from './api-schemas.js';
import { BackofficeUsers } from './backoffice-users.js';
import { IdempotencyKeyOf, IdempotentRequests } from './idempotent-requests.js';
import { pathName } from './request-values.js';
import { RestCaller } from './rest-caller.js';
import { APPLIED_EXAMPLE, TOKEN_ACTION_EXAMPLE, TokenActionDto } from './token-actions.dto.js';

const ACTION = { pattern: PATH_NAME, maxLength: 64 };
const UNKNOWN_ACTION = { description: 'No such action', schema: ref('Error'), example: { statusCode: 404, message: 'Token action dailyLogin not found' } };

/** The token-action catalog the Balance API reads, and applying an action to a user. */
@BackofficeController('token actions')
export class TokenActionsController {
  constructor(
    private readonly actions: TokenActionsService,
    private readonly users: BackofficeUsers,
    private readonly assets: AssetRegistry,
    private readonly requests: IdempotentRequests,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Db,
    private readonly audit: AuditTrail,
  ) {}

  @Get('token-actions')
  @ApiOperation({
    summary: 'The catalog',
    description:
      "Every token action the Balance API and this backoffice can apply: its type, the TOKEN_ASSET amount it moves, its price in the root asset, its category.",
  })
  @ApiOkResponse({ schema: { type: 'array', items: ref('TokenAction') }, example: [TOKEN_ACTION_EXAMPLE] })
  list() {
    return this.actions.list();
  }

  @Put('token-actions/:action')
  @ApiOperation({
    summary: 'Create or replace an action',
    description:
      "Stores the action under the name in the path (1 to 64 letters, digits, `.`, `_`, `:` or `-`), replacing one of that name. Recorded in the audit trail.",
  })
  @ApiPathParam('action', 'dailyLogin', undefined, ACTION)
  @ApiOkResponse({ schema: ref('TokenAction'), example: TOKEN_ACTION_EXAMPLE })
  @ApiInvalid('type must be one of mining, spending, buying')
  upsert(@Param('action') action: string, @Body() body: TokenActionDto, @RestCaller() caller: AuditCaller) {
    const name = pathName(action, 'action', 64);
    return this.db.transaction(async (tx) => {
      const before = await this.actions.find(name);
      // JSON numbers become their exact decimal text here, at the edge; the service keeps strings.
      const after = await this.actions.upsert({
        action: name,
        type: body.type,
        token: toDecimalString(body.token),
        price: toDecimalString(body.price),
        category: body.category,
        description: body.description,
      });
      await this.audit.record(tx, caller, { action: 'token_action.put', target: `token_action:${name}`, before: before ? { ...before } : undefined, after: { ...after } });
      return after;
    });
  }

  @Delete('token-actions/:action')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove an action',
    description:
      "The action can no longer be applied; transactions it posted keep their action name. An unknown name is 404.",
  })
  @ApiPathParam('action', 'dailyLogin', undefined, ACTION)
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse(UNKNOWN_ACTION)
  async remove(@Param('action') action: string, @RestCaller() caller: AuditCaller): Promise<void> {
    await this.db.transaction(async (tx) => {
      const before = await this.actions.find(action);
      await this.actions.remove(action);
      await this.audit.record(tx, caller, { action: 'token_action.delete', target: `token_action:${action}`, before: before ? { ...before } : undefined });
    });
  }

  @Post('user/:userId/token-actions/:action')
  @ApiOperation({
    summary: 'Apply an action to a user: mining and buying credit TOKEN_ASSET, spending debits it',
    description:
      "Posts the action's TOKEN_ASSET amount to the user (mining, buying) or from the user (spending) in one transaction. A spending action the user cannot afford is 422; a frozen user is 423. With an `Idempotency-Key`, a retry answers the stored result and posts nothing again.",
  })
  @ApiCreatedResponse({ schema: ref('AppliedAction'), example: APPLIED_EXAMPLE })
  @ApiUnknownUser()
  @ApiPathParam('action', 'dailyLogin', undefined, ACTION)
  @ApiNotFoundResponse(UNKNOWN_ACTION)
  @ApiUnprocessableEntityResponse({ description: 'A spending action the user cannot afford', schema: ref('Error'), example: { statusCode: 422, message: 'Insufficient funds in rents' } })
  @ApiFrozen()
  @ApiIdempotent()
  apply(@Param('userId') userId: string, @Param('action') action: string, @IdempotencyKeyOf() key: RequestKey | null, @RestCaller() caller: AuditCaller) {
    return this.requests.run(key, async (tx) => {
      await this.users.require(userId);
      const definition = await this.actions.get(action);
      const result = await this.actions.apply(tx, userId, definition);
      const asset = this.config.tokenAsset;
      const amount = definition.type === 'spending' ? `-${definition.token}` : definition.token;
      const change = postingChange(this.assets, 'token_action.apply', result, userId, asset, this.assets.parse(asset, amount, 'token'));
      if (change) await this.audit.record(tx, caller, change);
      return { transactionId: result.transactionId, userId, action, type: definition.type, asset, amount, balance: balanceAfter(this.assets, result, userId, asset) };
    });
  }
}
