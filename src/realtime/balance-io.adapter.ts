import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Server, ServerOptions, Socket } from 'socket.io';
import { TokenVerifier } from '../auth/token-verifier.js';
import { UsersService } from '../auth/users.service.js';
import type { AppConfig } from '../config/app-config.js';
import { RedisConnections } from '../redis/redis-connections.js';

/**
 * Largest socket.io frame accepted: socket.io's default. A Balance API request is a few hundred
 * bytes; anything between the request limit (balance-request.ts) and this is answered 413 in
 * its acknowledgement, so only a larger frame closes the connection.
 */
export const MAX_SOCKET_FRAME_BYTES = 1_000_000;

/**
 * socket.io with handshake authentication. Nest guards do not run on connect, so the token is
 * checked here, in the server's middleware, before a socket exists: `auth.token`, an
 * `Authorization: Bearer` header, a `token` query parameter, or a `sessionId` query parameter
 * (how the platform's own clients send it). A bad or missing token fails the connection with
 * `connect_error` "unauthorized".
 *
 * Engine.IO 3 is accepted beside 4: the platform's web and server clients run
 * socket.io-client 2.x, which a socket.io 4 server refuses otherwise. Such clients cannot send
 * `auth` (the protocol has no handshake payload), so they use the query parameters.
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
      allowEIO3: true,
      // Tokens travel in the handshake, never in cookies, so any origin may connect.
      cors: { origin: true },
    } as ServerOptions) as Server;
    // With Redis, an emit to a user's room reaches their sockets on every instance.
    const redis = this.app.get(RedisConnections);
    if (redis.pub && redis.sub) server.adapter(createAdapter(redis.pub, redis.sub));
    const verifier = this.app.get(TokenVerifier);
    const users = this.app.get(UsersService);
    server.use((socket: Socket, next: (error?: Error) => void) => {
      const admit = async () => {
        const principal = await verifier.verify(handshakeToken(socket));
        if (!principal) return next(new Error('unauthorized'));
        await users.upsert(principal);
        socket.data.principal = principal;
        next();
      };
      admit().catch(() => next(new Error('unavailable')));
    });
    return server;
  }
}

function handshakeToken(socket: Socket): string | null {
  const auth = socket.handshake.auth as { token?: unknown } | undefined;
  if (typeof auth?.token === 'string') return auth.token.replace(/^Bearer\s+/i, '');
  const header = socket.handshake.headers.authorization;
  if (typeof header === 'string' && /^Bearer\s+/i.test(header)) return header.replace(/^Bearer\s+/i, '');
  const { token, sessionId } = socket.handshake.query;
  if (typeof token === 'string') return token;
  return typeof sessionId === 'string' ? sessionId : null;
}
