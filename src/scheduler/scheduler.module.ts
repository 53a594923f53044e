import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../idempotency/idempotency.module.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module.js';
import { ClockOffsetStore } from './clock-offset.store.js';
import { DueWorkService } from './due-work.service.js';

@Module({
  imports: [LedgerModule, SubscriptionsModule, IdempotencyModule],
  providers: [ClockOffsetStore, DueWorkService],
  exports: [DueWorkService, ClockOffsetStore],
})
export class SchedulerModule {}
