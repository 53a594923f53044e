import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module.js';
import { LedgerCheckController } from './ledger-check.controller.js';

/** REST controllers for operators, over the feature modules; no money logic of its own. */
@Module({
  imports: [LedgerModule],
  controllers: [LedgerCheckController],
})
export class BackofficeModule {}
