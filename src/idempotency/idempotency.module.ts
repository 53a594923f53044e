import { Module } from '@nestjs/common';
import { BoundHashes } from './bound-hashes.js';
import { IdempotencyService } from './idempotency.service.js';

@Module({ providers: [IdempotencyService, BoundHashes], exports: [IdempotencyService, BoundHashes] })
export class IdempotencyModule {}
