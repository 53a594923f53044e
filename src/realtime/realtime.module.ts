import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module.js';
import { RedisModule } from '../redis/redis.module.js';
import { RealtimeGateway } from './realtime.gateway.js';

/** Socket connections, per-user rooms and the after-commit `user:balance` push. */
@Module({
  imports: [LedgerModule, RedisModule],
  providers: [RealtimeGateway],
})
export class RealtimeModule {}
