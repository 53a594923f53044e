import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module.js';
import { RealtimeModule } from '../realtime/realtime.module.js';
import { ExchangeRatesGateway } from './exchange-rates.gateway.js';
import { ExchangeRatesService } from './exchange-rates.service.js';

@Module({
  imports: [LedgerModule, RealtimeModule],
  providers: [ExchangeRatesService, ExchangeRatesGateway],
  exports: [ExchangeRatesService],
})
export class ExchangeRatesModule {}
