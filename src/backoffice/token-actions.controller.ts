import { Body, Delete, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { toDecimalString } from '../common/money.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { type RequestKey } from '../idempotency/idempotency.service.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { TokenActionsService } from '../token-actions/token-actions.service.js';
import { balanceAfter } from './account-view.js';
import { ApiFrozen, ApiIdempotent, ApiInvalid, ApiPathParam, ApiUnknownUser, BackofficeController } from './api-docs.js';
import { PATH_NAME, ref } from './api-schemas.js';
import { BackofficeUsers } from './backoffice-users.js';
import { IdempotencyKeyOf, IdempotentRequests } from './idempotent-requests.js';
import { pathName } from './request-values.js';
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
  ) {}

  @Get('token-actions')
  @ApiOperation({ summary: 'The catalog' })
  @ApiOkResponse({ schema: { type: 'array', items: ref('TokenAction') }, example: [TOKEN_ACTION_EXAMPLE] })
  list() {
    return this.actions.list();
  }

  @Put('token-actions/:action')
  @ApiOperation({ summary: 'Create or replace an action' })
  @ApiPathParam('action', 'dailyLogin', undefined, ACTION)
  @ApiOkResponse({ schema: ref('TokenAction'), example: TOKEN_ACTION_EXAMPLE })
  @ApiInvalid('type must be one of mining, spending, buying')
  upsert(@Param('action') action: string, @Body() body: TokenActionDto) {
    // JSON numbers become their exact decimal text here, at the edge; the service keeps strings.
    return this.actions.upsert({
      action: pathName(action, 'action', 64),
      type: body.type,
      token: toDecimalString(body.token),
      price: toDecimalString(body.price),
      category: body.category,
      description: body.description,
    });
  }

  @Delete('token-actions/:action')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an action' })
  @ApiPathParam('action', 'dailyLogin', undefined, ACTION)
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse(UNKNOWN_ACTION)
  async remove(@Param('action') action: string): Promise<void> {
    await this.actions.remove(action);
  }

  @Post('user/:userId/token-actions/:action')
  @ApiOperation({ summary: 'Apply an action to a user: mining and buying credit TOKEN_ASSET, spending debits it' })
  @ApiCreatedResponse({ schema: ref('AppliedAction'), example: APPLIED_EXAMPLE })
  @ApiUnknownUser()
  @ApiPathParam('action', 'dailyLogin', undefined, ACTION)
  @ApiNotFoundResponse(UNKNOWN_ACTION)
  @ApiUnprocessableEntityResponse({ description: 'A spending action the user cannot afford', schema: ref('Error'), example: { statusCode: 422, message: 'Insufficient funds in rents' } })
  @ApiFrozen()
  @ApiIdempotent()
  apply(@Param('userId') userId: string, @Param('action') action: string, @IdempotencyKeyOf() key: RequestKey | null) {
    return this.requests.run(key, async (tx) => {
      await this.users.require(userId);
      const definition = await this.actions.get(action);
      const result = await this.actions.apply(tx, userId, definition);
      const asset = this.config.tokenAsset;
      const amount = definition.type === 'spending' ? `-${definition.token}` : definition.token;
      return { transactionId: result.transactionId, userId, action, type: definition.type, asset, amount, balance: balanceAfter(this.assets, result, userId, asset) };
    });
  }
}
