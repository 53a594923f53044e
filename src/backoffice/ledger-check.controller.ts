import { Controller, Get } from '@nestjs/common';
import { Roles } from '../auth/auth.decorators.js';
import { LedgerCheckService, type LedgerCheckReport } from '../ledger/ledger-check.service.js';

@Controller('back-api/backoffice/ledger')
@Roles('admin')
export class LedgerCheckController {
  constructor(private readonly check: LedgerCheckService) {}

  /** The ledger's invariants, for operators and monitoring. */
  @Get('check')
  run(): Promise<LedgerCheckReport> {
    return this.check.run();
  }
}
