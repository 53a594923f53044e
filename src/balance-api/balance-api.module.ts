import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../idempotency/idempotency.module.js';
import { BalanceEndpoints } from './balance-endpoints.js';

/**
 * The Balance API's request pipeline (validation, roles, event-id idempotency, the envelope),
 * which every feature's gateway answers through. It knows nothing of the features.
 */
@Module({
  imports: [IdempotencyModule],
  providers: [BalanceEndpoints],
  exports: [BalanceEndpoints],
})
export class BalanceApiModule {}
