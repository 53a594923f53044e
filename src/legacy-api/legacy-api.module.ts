import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ExchangeRatesModule } from '../exchange-rates/exchange-rates.module.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { FailureThrottle } from '../common/failure-throttle.js';
import { LegacyApiController } from './legacy-api.controller.js';
import { LegacyBalanceService } from './legacy-balance.service.js';
import { LegacyHashGuard } from './legacy-hash.guard.js';
import { LegacyBodyErrorFilter } from './legacy-body-error.filter.js';
import { UserBalanceLookups } from './user-and-balance.js';

/** The Kolmisoft-style XML billing API. */
@Module({
  imports: [AuthModule, LedgerModule, ExchangeRatesModule],
  controllers: [LegacyApiController],
  providers: [
    LegacyBalanceService,
    LegacyHashGuard,
    LegacyBodyErrorFilter,
    UserBalanceLookups,
    {
      provide: FailureThrottle,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new FailureThrottle(config.legacy.hashFailLimit, config.legacy.hashFailWindowSeconds * 1000),
    },
  ],
})
export class LegacyApiModule {}
