import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ExchangeRatesModule } from '../exchange-rates/exchange-rates.module.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { BalanceApiModule } from '../balance-api/balance-api.module.js';
import { NetworkScope } from './network-scope.js';
import { ProductsRepository } from './products.repository.js';
import { ProductsService } from './products.service.js';
import { RenewalsService } from './renewals.service.js';
import { SubscriptionsGateway } from './subscriptions.gateway.js';
import { SubscriptionsRepository } from './subscriptions.repository.js';
import { SubscriptionsService } from './subscriptions.service.js';

@Module({
  imports: [AuthModule, LedgerModule, ExchangeRatesModule, BalanceApiModule],
  providers: [ProductsRepository, SubscriptionsRepository, ProductsService, SubscriptionsService, RenewalsService, NetworkScope, SubscriptionsGateway],
  exports: [ProductsService, SubscriptionsService, RenewalsService],
})
export class SubscriptionsModule {}
