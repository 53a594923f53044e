import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Server, ServerOptions, Socket } from 'socket.io';
import { TokenVerifier } from '../auth/token-verifier.js';
import { UsersService } from '../auth/users.service.js';
import type { AppConfig } from '../config/app-config.js';
import { RedisConnections } from './redis-connections.js';

/** Largest socket.io frame accepted; a Balance API request is a few hundred bytes. */
export const MAX_SOCKET_FRAME_BYTES = 64 * 1024;

/**
 * socket.io with handshake authentication. Nest guards do not run on connect, so the token is
 * checked here, in the server's middleware, before a socket exists: `auth.token`, an
 * `Authorization: Bearer` header or a `token` query parameter. A bad or missing token fails the
 * connection with `connect_error` "unauthorized".
 */
export class BalanceIoAdapter extends IoAdapter {
  constructor(
    private readonly app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      path: this.config.socketPath,
      serveClient: false,
      maxHttpBufferSize: MAX_SOCKET_FRAME_BYTES,
      // Tokens travel in the handshake, never in cookies, so any origin may connect.
      cors: { origin: true },
    } as ServerOptions) as Server;
    // With Redis, an emit to a user's room reaches their sockets on every instance.
    const redis = this.app.get(RedisConnections);
    if (redis.pub && redis.sub) server.adapter(createAdapter(redis.pub, redis.sub));
    const verifier = this.app.get(TokenVerifier);
    const users = this.app.get(UsersService);
    server.use(async (socket: Socket, next: (error?: Error) => void) => {
      const principal = await verifier.verify(handshakeToken(socket));
      if (!principal) return next(new Error('unauthorized'));
      users.upsert(principal).then(
        () => {
          socket.data.principal = principal;
          next();
        },
        () => next(new Error('unavailable')),
      );
    });
    return server;
  }
}

function handshakeToken(socket: Socket): string | null {
  const auth = socket.handshake.auth as { token?: unknown } | undefined;
  if (typeof auth?.token === 'string') return auth.token.replace(/^Bearer\s+/i, '');
  const header = socket.handshake.headers.authorization;
  if (typeof header === 'string' && /^Bearer\s+/i.test(header)) return header.replace(/^Bearer\s+/i, '');
  const query = socket.handshake.query.token;
  return typeof query === 'string' ? query : null;
}
