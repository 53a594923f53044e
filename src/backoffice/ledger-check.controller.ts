import { Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { LedgerCheckService, type LedgerCheckReport } from '../ledger/ledger-check.service.js';
import { BackofficeController } from './api-docs.js';
import { ref } from './api-schemas.js';

@BackofficeController('ledger')
export class LedgerCheckController {
  constructor(private readonly check: LedgerCheckService) {}

  /** The ledger's invariants, for operators and monitoring. */
  @Get('ledger/check')
  @ApiOperation({
    summary: 'Check the ledger invariants (entries sum to zero, balances equal their entries, no user below zero) and the audit chain',
    description:
      "Reads every transaction, entry and account, and the audit trail's hash chain: a full scan, so its time grows with the ledger. `ok` is true when every invariant holds; otherwise at most 100 failures, each naming its rule.",
  })
  @ApiOkResponse({
    description: '`ok: true` with no failures when every invariant holds; otherwise each failure (at most 100) names its rule',
    schema: ref('LedgerCheck'),
    example: {
      ok: false,
      counts: { transactions: 120, entries: 240, accounts: 31, auditRecords: 9 },
      failures: [
        { rule: 'balance_matches_entries', detail: 'account 7 (alice/usd): balance 10 but entries sum to 12' },
        { rule: 'audit_chain', detail: 'audit record 5 is missing' },
      ],
    },
  })
  run(): Promise<LedgerCheckReport> {
    return this.check.run();
  }
}
