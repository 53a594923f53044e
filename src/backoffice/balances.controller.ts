import { Body, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { toJsonNumber } from '../common/money.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { ApiInvalid, ApiUnknownUser, BackofficeController } from './api-docs.js';
import { ref } from './api-schemas.js';
import { BackofficeUsers } from './backoffice-users.js';
import { BalancesReportService } from './balances-report.service.js';
import { BALANCES_EXAMPLE, BalancesRequestDto, USER_BALANCE_EXAMPLE } from './balances.dto.js';
import { PagingQueryDto, pagingOf } from './paging.js';

/** The two methods of the spec "Methods for viewing balances". */
@BackofficeController('balances')
export class BalancesController {
  constructor(
    private readonly users: BackofficeUsers,
    private readonly ledger: LedgerService,
    private readonly assets: AssetRegistry,
    private readonly report: BalancesReportService,
  ) {}

  /** Routing ignores a trailing slash, so `/balance` and `/balance/` both land here. */
  @Get('user/:userId/balance')
  @ApiOperation({
    summary: 'Available balance (amount less locked) per asset the user has an account in, as JSON numbers',
    description:
      "The spec's method: one entry per asset the user has an account in, `balance` being the amount less what pending holds lock, as a JSON number. The spec spells the path with a trailing slash, `/user/{userId}/balance/`: the same route (every path is matched ignoring a trailing slash).",
  })
  @ApiOkResponse({ schema: { type: 'array', items: ref('AvailableBalance') }, example: USER_BALANCE_EXAMPLE })
  @ApiUnknownUser()
  async userBalance(@Param('userId') userId: string) {
    await this.users.require(userId);
    const accounts = await this.ledger.accountsOf([userId]);
    // The spec answers JSON numbers here; the exact strings are in POST /balances.
    return accounts.map((a) => ({ asset: a.asset, balance: toJsonNumber(a.balance - a.locked, this.assets.get(a.asset).scale) }));
  }

  @Post('balances')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Balances by assets and users',
    description:
      'Paged over the requested users (or all users). `amount` includes `locked`; `fundsInRootAsset` only for quoted assets; ' +
      '`totalFundsInRootAsset` only when every listed asset is quoted and no asset filter was given. With an asset filter every ' +
      'requested asset is listed, "0" where the user has no account.',
  })
  @ApiOkResponse({ schema: ref('BalancesReport'), example: BALANCES_EXAMPLE })
  @ApiInvalid('asset must be a known asset; "doge" is not', 'refused')
  balances(@Body() body: BalancesRequestDto, @Query() query: PagingQueryDto) {
    return this.report.report(body, pagingOf(query));
  }
}
