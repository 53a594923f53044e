import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../idempotency/idempotency.module.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { BalanceEndpoints } from './balance-endpoints.js';
import { RealtimeGateway } from './realtime.gateway.js';
import { RedisConnections, redisConnectionsProvider } from './redis-connections.js';

@Module({
  imports: [LedgerModule, IdempotencyModule],
  providers: [RealtimeGateway, BalanceEndpoints, redisConnectionsProvider],
  exports: [BalanceEndpoints, RedisConnections],
})
export class RealtimeModule {}
