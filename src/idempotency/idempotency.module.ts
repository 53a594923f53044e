import { Module } from '@nestjs/common';
import { IdempotencyService } from './idempotency.service.js';
import { RefusalQuota } from './refusal-quota.js';

@Module({ providers: [IdempotencyService, RefusalQuota], exports: [IdempotencyService] })
export class IdempotencyModule {}
