import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { RedisModule } from '../redis/redis.module.js';
import { BalancePushes } from './balance-pushes.js';
import { RealtimeGateway } from './realtime.gateway.js';
import { SocketAdmission } from './socket-admission.js';
import { SocketLifetime } from './socket-lifetime.js';
import { UserSockets } from './user-sockets.js';

/**
 * Socket connections: the handshake (credential, flood limits), each socket's lifetime under its
 * credential, the admins' room and the `user:balance` pushes (in `seq` order per socket).
 */
@Module({
  imports: [AuthModule, LedgerModule, RedisModule],
  providers: [RealtimeGateway, SocketAdmission, SocketLifetime, UserSockets, BalancePushes],
})
export class RealtimeModule {}
