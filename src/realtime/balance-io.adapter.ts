import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { ServerOptions } from 'socket.io';
import type { AppConfig } from '../config/app-config.js';
import { RedisConnections } from '../redis/redis-connections.js';
import type { BalanceServer } from './server-events.js';
import { SocketAdmission } from './socket-admission.js';

/**
 * Largest socket.io frame accepted: socket.io's default. A Balance API request is a few hundred
 * bytes; anything between the request limit (balance-request.ts) and this is answered 413 in
 * its acknowledgement, so only a larger frame closes the connection.
 */
export const MAX_SOCKET_FRAME_BYTES = 1_000_000;

/**
 * How long an Engine.IO connection may stay without completing the socket.io handshake
 * (socket.io's `connectTimeout`, 45 s by default): an unauthenticated connection costs a file
 * descriptor and memory, so it is dropped soon (SOCKET_HANDSHAKE_TIMEOUT_MS, 10 s by default).
 * The handshake itself may wait for an introspection, so the limit always leaves it that long and more.
 */
export function handshakeTimeoutMs(config: AppConfig): number {
  const limit = config.limits.socketHandshakeMs;
  return config.introspection ? Math.max(limit, config.introspection.timeoutMs + 5_000) : limit;
}

/**
 * socket.io with handshake authentication (socket-admission.ts) in the server's middleware,
 * before a socket exists. Engine.IO 3 is accepted beside 4: the platform's web and server clients
 * run socket.io-client 2.x, which a socket.io 4 server refuses otherwise. Such clients cannot send
 * `auth` (the protocol has no handshake payload), so they use the query parameters.
 */
export class BalanceIoAdapter extends IoAdapter {
  constructor(
    private readonly app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): BalanceServer {
    const server = super.createIOServer(port, {
      ...options,
      path: this.config.socketPath,
      serveClient: false,
      maxHttpBufferSize: MAX_SOCKET_FRAME_BYTES,
      connectTimeout: handshakeTimeoutMs(this.config),
      allowEIO3: true,
      // Tokens travel in the handshake, never in cookies, so any origin may connect.
      cors: { origin: true },
    } as ServerOptions) as BalanceServer;
    // With Redis, an emit to a user's room reaches their sockets on every instance.
    const redis = this.app.get(RedisConnections);
    if (redis.pub && redis.sub) server.adapter(createAdapter(redis.pub, redis.sub));
    server.use(this.app.get(SocketAdmission).middleware);
    return server;
  }
}
