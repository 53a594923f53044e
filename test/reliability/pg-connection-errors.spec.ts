import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { dataSourceOptions } from '../../src/database/data-source-options.js';

/** A PostgreSQL protocol message: its type byte, its length, its body. */
function message(type: string, body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeInt32BE(body.length + 4);
  return Buffer.concat([Buffer.from(type), length, body]);
}

const AUTHENTICATION_OK = message('R', Buffer.from([0, 0, 0, 0]));
const READY_FOR_QUERY = message('Z', Buffer.from('I'));
const fields = (entries: Array<[string, string]>) => Buffer.concat([...entries.map(([code, value]) => Buffer.from(`${code}${value}\0`)), Buffer.from([0])]);
/** What a backend sends when its postmaster is killed (kill -9). */
const TERMINATING = message('E', fields([['S', 'FATAL'], ['V', 'FATAL'], ['C', '57P01'], ['M', 'terminating connection due to unexpected postmaster exit']]));

/**
 * A server that accepts the start-up of a connection and, in the same write as its "ready", says
 * it is terminating: as a PostgreSQL backend does when the server is killed the moment a new
 * connection is made, and as the client reads it when both arrive before it gets its turn.
 */
function startTerminatingServer(): Promise<{ server: Server; port: number }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('data', () => {
      socket.write(Buffer.concat([AUTHENTICATION_OK, READY_FOR_QUERY, TERMINATING]));
      socket.end();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port })));
}

/**
 * The service's PostgreSQL pool (the options it gives TypeORM, dataSourceOptions) when a new
 * connection reports an error in the moment it is handed out: the error fails that connection's
 * use, and the process goes on. A connection's 'error' event with no listener would end the
 * process (the server died under load in postgres-restart.spec this way, once in many runs).
 */
describe('PostgreSQL connection errors', () => {
  let server: Server | null = null;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  });

  it('a connection that terminates as it is handed out fails its query; nothing is left unhandled', async () => {
    const started = await startTerminatingServer();
    server = started.server;
    const options = dataSourceOptions({ type: 'postgres', url: `postgres://ledger:ledger@127.0.0.1:${started.port}/ledger`, poolSize: 2 });
    if (options.type !== 'postgres') throw new Error('expected PostgreSQL options');
    const pool = new pg.Pool({ connectionString: options.url, ...options.extra });
    const poolErrors: Error[] = [];
    pool.on('error', (error) => poolErrors.push(error));
    const uncaught: Error[] = [];
    const onUncaught = (error: Error) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      const outcome = await pool.connect().then(
        async (client) => {
          try {
            return await client.query('SELECT 1').then(() => 'answered', (error: Error) => error.message);
          } finally {
            client.release(true);
          }
        },
        (error: Error) => `refused: ${error.message}`,
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(uncaught.map((e) => e.message)).toEqual([]);
      expect(outcome).not.toBe('answered');
    } finally {
      process.off('uncaughtException', onUncaught);
      await pool.end();
    }
  });
});
