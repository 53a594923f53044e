import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module.js';
import { BalanceApiModule } from '../balance-api/balance-api.module.js';
import { TokenActionsGateway } from './token-actions.gateway.js';
import { TokenActionsRepository } from './token-actions.repository.js';
import { TokenActionsService } from './token-actions.service.js';

@Module({
  imports: [LedgerModule, BalanceApiModule],
  providers: [TokenActionsRepository, TokenActionsService, TokenActionsGateway],
  exports: [TokenActionsService],
})
export class TokenActionsModule {}
