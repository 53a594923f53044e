import { Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { invalid } from '../common/errors.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { ApiInvalid, ApiUnknownUser, BackofficeController } from './api-docs.js';
import { ref } from './api-schemas.js';
import { BackofficeUsers } from './backoffice-users.js';
import { pagingOf, pagingView } from './paging.js';
import { bodyAsset, toEpochMs } from './request-values.js';
import { LedgerHistory } from '../ledger/ledger-history.js';
import { ALL_TRANSACTIONS_EXAMPLE, TRANSACTIONS_EXAMPLE, TransactionsQueryDto } from './transactions.dto.js';

@BackofficeController('history')
export class TransactionsController {
  constructor(
    private readonly users: BackofficeUsers,
    private readonly assets: AssetRegistry,
    private readonly history: LedgerHistory,
  ) {}

  @Get('user/:userId/transactions')
  @ApiOperation({
    summary: "A user's ledger entries, newest first",
    description: 'Each entry is one side of a transaction: signed exact amount, the balance after it, type and action. `from` is inclusive, `to` exclusive.',
  })
  @ApiOkResponse({ schema: ref('TransactionsPage'), example: TRANSACTIONS_EXAMPLE })
  @ApiInvalid('from must be an ISO 8601 date or epoch milliseconds, on a day the month has (2025-02-28, not 2025-02-30)')
  @ApiUnknownUser()
  async list(@Param('userId') userId: string, @Query() query: TransactionsQueryDto) {
    await this.users.require(userId);
    return this.page(userId, query);
  }

  @Get('transactions')
  @ApiOperation({
    summary: "Every user's ledger entries, newest first",
    description: 'As `GET /user/{userId}/transactions`, over all users (system accounts left out); each entry names its `userId`.',
  })
  @ApiOkResponse({ schema: ref('AllTransactionsPage'), example: ALL_TRANSACTIONS_EXAMPLE })
  @ApiInvalid('from must be an ISO 8601 date or epoch milliseconds, on a day the month has (2025-02-28, not 2025-02-30)')
  listAll(@Query() query: TransactionsQueryDto) {
    return this.page(null, query);
  }

  private async page(userId: string | null, query: TransactionsQueryDto) {
    const from = query.from === undefined ? undefined : toEpochMs(query.from);
    const to = query.to === undefined ? undefined : toEpochMs(query.to);
    if (from !== undefined && to !== undefined && from > to) throw invalid('from must not be after to');
    const asset = query.asset === undefined ? undefined : bodyAsset(this.assets, query.asset);
    const paging = pagingOf(query);
    const { total, entries } = await this.history.list(userId, { asset, type: query.type, action: query.action, from, to }, { offset: paging.offset, limit: paging.per_page });
    const filters = dropUndefined({ asset: query.asset, type: query.type, action: query.action, from: query.from, to: query.to });
    return { filters, paging: pagingView(paging, total), data: entries };
  }
}

const dropUndefined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
