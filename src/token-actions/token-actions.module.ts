import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module.js';
import { RealtimeModule } from '../realtime/realtime.module.js';
import { TokenActionsGateway } from './token-actions.gateway.js';
import { TokenActionsService } from './token-actions.service.js';

@Module({
  imports: [LedgerModule, RealtimeModule],
  providers: [TokenActionsService, TokenActionsGateway],
  exports: [TokenActionsService],
})
export class TokenActionsModule {}
