import { Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Clock } from '../common/clock.js';
import { invalid, notFound } from '../common/errors.js';
import { BalancesAt } from '../ledger/balances-at.js';
import { LedgerTransaction } from '../ledger/ledger-transaction.js';
import { ApiInvalid, ApiUnknownTransaction, ApiUnknownUser, BackofficeController } from './api-docs.js';
import { ref } from './api-schemas.js';
import { BackofficeUsers } from './backoffice-users.js';
import { BALANCES_AT_EXAMPLE, BalancesAtQueryDto, TRANSACTION_EXAMPLE } from './point-in-time.dto.js';
import { parseRfc3339 } from './rfc3339.js';

/** What the ledger proves: one transaction whole, and a user's balances as they stood at an instant. */
@BackofficeController('history')
export class PointInTimeController {
  constructor(
    private readonly users: BackofficeUsers,
    private readonly transactions: LedgerTransaction,
    private readonly balancesAt: BalancesAt,
    private readonly clock: Clock,
  ) {}

  @Get('transactions/:transactionId')
  @ApiOperation({
    summary: 'One ledger transaction, both sides',
    description:
      'Every entry, system accounts included (`account` names the account: a user id, or a system account such as `system:issuer`; `userId` only on user accounts), with the balance each left. `reverses` names the transaction this one reverses; `reversedBy` lists its reversals.',
  })
  @ApiUnknownTransaction('A transaction id, as in every history entry')
  @ApiOkResponse({ schema: ref('Transaction'), example: TRANSACTION_EXAMPLE })
  async transaction(@Param('transactionId') transactionId: string) {
    const found = await this.transactions.find(transactionId);
    if (!found) throw notFound(`Transaction ${transactionId} not found`);
    return found;
  }

  @Get('user/:userId/balances')
  @ApiOperation({
    summary: "A user's balances at an instant",
    description:
      "For each of the user's accounts, the balance after its last entry at or before `at` (0 before the first). Holds lock funds and move nothing, so they play no part. One index lookup per account, whatever the size of the ledger.",
  })
  @ApiOkResponse({ schema: ref('BalancesAt'), example: BALANCES_AT_EXAMPLE })
  @ApiInvalid('at must be an RFC 3339 date-time with a zone offset, such as 2026-11-30T23:59:59Z', 'refused')
  @ApiUnknownUser()
  async balances(@Param('userId') userId: string, @Query() query: BalancesAtQueryDto) {
    await this.users.require(userId);
    const now = this.clock.now();
    const at = query.at === undefined ? now : parseRfc3339(query.at);
    if (at === null) throw invalid('at must be an RFC 3339 date-time with a zone offset, such as 2026-11-30T23:59:59Z');
    if (at > now) throw invalid("at must not be later than the service's clock");
    return { userId, at: new Date(at).toISOString(), balances: await this.balancesAt.of(userId, at) };
  }
}
