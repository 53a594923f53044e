import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module.js';
import { BalanceApiModule } from '../balance-api/balance-api.module.js';
import { ExchangeRatesGateway } from './exchange-rates.gateway.js';
import { ExchangeRatesRepository } from './exchange-rates.repository.js';
import { ExchangeRatesService } from './exchange-rates.service.js';

@Module({
  imports: [LedgerModule, BalanceApiModule],
  providers: [ExchangeRatesRepository, ExchangeRatesService, ExchangeRatesGateway],
  exports: [ExchangeRatesService],
})
export class ExchangeRatesModule {}
