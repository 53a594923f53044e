import { afterAll } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { startRedis, type RedisProcess } from './redis-server.js';
import { startServerProcess, type NodeScript, type ServerProcess } from './server-process.js';
import { connectUrl, type UrlClientOptions } from './socket-client.js';
import { createTestDatabase, type TestDatabase } from './test-databases.js';

/**
 * Two server processes on one PostgreSQL database and one Redis, for a describe block: call it
 * in the block, `start()` in the test. The sockets `connect` opens, the servers, Redis and the
 * database are all closed after the block's tests.
 */
export function twoInstances(redisBinary: string) {
  let database: TestDatabase | undefined;
  let redis: RedisProcess | undefined;
  const servers: ServerProcess[] = [];
  const sockets: Socket[] = [];

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    for (const server of servers) await server.kill();
    await redis?.stop();
    await database?.drop();
  });

  return {
    servers,
    /**
     * A fresh database and Redis, and two servers on them with `env` besides DATABASE_URL and
     * REDIS_URL; `script` is what node runs (dist/src/main.js by default).
     */
    async start(env: Record<string, string> = {}, script?: NodeScript): Promise<{ a: ServerProcess; b: ServerProcess; redis: RedisProcess }> {
      database = await createTestDatabase('postgres');
      redis = await startRedis(redisBinary);
      const shared = { DATABASE_URL: database.url, REDIS_URL: redis.url, ...env };
      // One after the other: the second finds the schema migrated (concurrent-start.spec.ts covers a race).
      for (let i = 0; i < 2; i++) servers.push(await startServerProcess(shared, [], script));
      const [a, b] = servers;
      return { a, b, redis };
    },
    /** A socket.io client on the server at `url` (with `extra` client options), closed after the tests. */
    async connect(url: string, token: string, extra: UrlClientOptions = {}): Promise<Socket> {
      const socket = await connectUrl(url, token, extra);
      sockets.push(socket);
      return socket;
    },
  };
}
