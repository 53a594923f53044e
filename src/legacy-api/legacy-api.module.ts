import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ExchangeRatesModule } from '../exchange-rates/exchange-rates.module.js';
import { IdempotencyModule } from '../idempotency/idempotency.module.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { LegacyApiController } from './legacy-api.controller.js';
import { LegacyBalanceService } from './legacy-balance.service.js';
import { LegacyGates } from './legacy-gates.js';
import { LegacyHashGuard } from './legacy-hash.guard.js';
import { LegacyBodyErrorFilter } from './legacy-body-error.filter.js';
import { UserBalanceLookups } from './user-and-balance.js';

/** The Kolmisoft-style XML billing API. */
@Module({
  imports: [AuthModule, LedgerModule, ExchangeRatesModule, IdempotencyModule],
  controllers: [LegacyApiController],
  providers: [
    LegacyBalanceService,
    LegacyHashGuard,
    LegacyBodyErrorFilter,
    UserBalanceLookups,
    LegacyGates,
  ],
})
export class LegacyApiModule {}
