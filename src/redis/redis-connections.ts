import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { RedisClientType } from 'redis';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/** Waits between reconnection attempts: quick at first, then at most this long. */
const MAX_RECONNECT_DELAY_MS = 1000;

export type RedisLinkState = 'ready' | 'reconnecting' | 'closed';
export type RedisConnectionName = 'publisher' | 'subscriber';

/**
 * The Redis connections socket.io's adapter needs (one to publish, one to subscribe), when
 * REDIS_URL is set. Without it the service is single-instance for events, and nothing here runs.
 *
 * Losing Redis must not cost the instance: requests never wait on it, and events still reach the
 * sockets of this instance (the adapter emits to them before it publishes). While Redis is down:
 * - publishing fails at once and the event is not sent to the other instances (no queue that
 *   would replay stale events, or grow without bound, when Redis comes back), and such a failure
 *   never escapes as an unhandled rejection (the adapter does not wait on its publishes);
 * - both connections retry by themselves; the subscriber subscribes again once it is back, and
 *   only then are `onReconnect` listeners told (so they may repair what the outage lost);
 * - `/health` reports Redis down, with the state of each connection.
 */
export class RedisConnections implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  pub: RedisClientType | null = null;
  sub: RedisClientType | null = null;
  /** Events not sent to the other instances because Redis was unreachable. */
  droppedPublishes = 0;
  private readonly reconnectListeners = new Set<(connection: RedisConnectionName) => void>();

  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.redisUrl !== null;
  }

  async connect(): Promise<void> {
    if (!this.config.redisUrl) return;
    // Loaded only when configured: the client is large (every module of the Redis stack), and a
    // single instance, or each test starting one, would load it for nothing.
    const { createClient } = await import('redis');
    const socket = { reconnectStrategy: (retries: number) => Math.min(50 * 2 ** Math.min(retries, 5), MAX_RECONNECT_DELAY_MS) };
    const pub = createClient({ url: this.config.redisUrl, socket, disableOfflineQueue: true }) as RedisClientType;
    const sub = createClient({ url: this.config.redisUrl, socket }) as RedisClientType;
    for (const [name, client] of [['publisher', pub], ['subscriber', sub]] as const) {
      let down = false;
      client.on('error', (error: Error) => {
        if (!down) this.logger.error(`redis ${name}: ${error.message}; reconnecting`);
        down = true;
      });
      client.on('ready', () => {
        if (!down) return;
        down = false;
        this.logger.log(`redis ${name}: connected again`);
        for (const listener of this.reconnectListeners) listener(name);
      });
    }
    const publish = pub.publish.bind(pub);
    Object.defineProperty(pub, 'publish', {
      value: (channel: string, message: string) =>
        publish(channel, message).catch(() => {
          this.droppedPublishes++;
          return 0;
        }),
    });
    await Promise.all([pub.connect(), sub.connect()]);
    this.pub = pub;
    this.sub = sub;
  }

  /** Calls `listener` each time a connection is ready again after it was lost (not at the first connection). */
  onReconnect(listener: (connection: RedisConnectionName) => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  /** The state of each connection, for /health. */
  state(): { publisher: RedisLinkState; subscriber: RedisLinkState; droppedPublishes: number } {
    const of = (client: RedisClientType | null): RedisLinkState => (!client || !client.isOpen ? 'closed' : client.isReady ? 'ready' : 'reconnecting');
    return { publisher: of(this.pub), subscriber: of(this.sub), droppedPublishes: this.droppedPublishes };
  }

  /** True when both connections are up and Redis answers. Never waits for a reconnection. */
  async ping(): Promise<boolean> {
    if (!this.pub?.isReady || !this.sub?.isReady) return false;
    try {
      return (await this.pub.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.pub, this.sub].map((c) => c?.close().catch(() => undefined)));
  }
}

/** Nest builds socket.io servers before any onModuleInit hook, so Redis connects in the factory. */
export const redisConnectionsProvider = {
  provide: RedisConnections,
  inject: [APP_CONFIG],
  useFactory: async (config: AppConfig) => {
    const connections = new RedisConnections(config);
    await connections.connect();
    return connections;
  },
};
