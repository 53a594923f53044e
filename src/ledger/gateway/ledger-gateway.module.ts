import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module.js';
import { RealtimeModule } from '../../realtime/realtime.module.js';
import { LedgerModule } from '../ledger.module.js';
import { UserTransfersService } from '../user-transfers.service.js';
import { LedgerGateway } from './ledger.gateway.js';

/** The ledger's socket handlers and the user-level transfers behind them. */
@Module({
  imports: [LedgerModule, RealtimeModule, AuthModule],
  providers: [LedgerGateway, UserTransfersService],
  exports: [UserTransfersService],
})
export class LedgerGatewayModule {}
