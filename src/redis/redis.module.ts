import { Module } from '@nestjs/common';
import { RedisConnections, redisConnectionsProvider } from './redis-connections.js';

/** The Redis connections (when REDIS_URL is set), shared by socket.io's adapter and the health check. */
@Module({
  providers: [redisConnectionsProvider],
  exports: [RedisConnections],
})
export class RedisModule {}
