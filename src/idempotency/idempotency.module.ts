import { Module } from '@nestjs/common';
import { BoundHashes } from './bound-hashes.js';
import { IdempotencyService } from './idempotency.service.js';
import { RefusalQuota } from './refusal-quota.js';

@Module({ providers: [IdempotencyService, BoundHashes, RefusalQuota], exports: [IdempotencyService, BoundHashes] })
export class IdempotencyModule {}
