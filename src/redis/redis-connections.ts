import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createClient, type RedisClientType } from 'redis';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';



/**
 * The Redis connections socket.io's adapter needs (one to publish, one to subscribe), when
 * REDIS_URL is set. Without it the service is single-instance for events, and nothing here runs.
 */
export class RedisConnections implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  pub: RedisClientType | null = null;
  sub: RedisClientType | null = null;

  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.redisUrl !== null;
  }

  async connect(): Promise<void> {
    if (!this.config.redisUrl) return;
    const pub = createClient({ url: this.config.redisUrl }) as RedisClientType;
    const sub = pub.duplicate() as RedisClientType;
    for (const client of [pub, sub]) client.on('error', (error: Error) => this.logger.error(`redis: ${error.message}`));
    await Promise.all([pub.connect(), sub.connect()]);
    this.pub = pub;
    this.sub = sub;
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.pub?.ping()) === 'PONG';
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
