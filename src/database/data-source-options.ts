import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config.js';
import { MIGRATIONS } from './migrations/index.js';

/**
 * The one description of the database, used by the app, `ormconfig.ts` and the migration CLI.
 * Schema changes go through migrations only (never `synchronize`). There are no entity classes:
 * TypeORM provides the drivers, the pool and the migrations, while the repositories write their
 * SQL by hand, because the ledger needs exact control of row locks and of amount columns whose
 * types differ between the two databases (see dialect.ts).
 */
export function dataSourceOptions(db: DatabaseConfig): DataSourceOptions {
  const common = { entities: [], migrations: MIGRATIONS, synchronize: false as const, logging: false };
  if (db.type === 'postgres') {
    // While PostgreSQL is down or restarting, asking for a connection fails within seconds (the
    // caller gets a 503) instead of waiting for ever; idle connections are re-made afterwards.
    return { ...common, type: 'postgres', url: db.url, poolSize: db.poolSize, extra: { max: db.poolSize, connectionTimeoutMillis: 5000, onConnect: listenForErrors } };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: db.path,
    enableWAL: true,
    // How long a second process waits for the write lock before giving up.
    timeout: db.busyTimeoutMs,
    prepareDatabase: (sqlite: { pragma(source: string): unknown }) => {
      sqlite.pragma(`busy_timeout = ${db.busyTimeoutMs}`);
      // An acknowledged write must survive power loss, not just a process crash.
      sqlite.pragma('synchronous = FULL');
    },
  };
}

/**
 * pg-pool's hook for every new connection: an 'error' listener of its own, for the connection's
 * life. An 'error' event with no listener ends the process. The pool listens while a connection
 * is idle, and whoever checks one out listens from a moment later (pgConnection, TypeORM's query
 * runner): a promise's turn. A new connection whose "ready" and the server's "terminating
 * connection" arrive in one read (the server killed as the connection was made) reports the
 * error inside that gap. Nothing is lost by listening here: the connection's queries fail with
 * the error, and the pool drops it when it comes back.
 */
function listenForErrors(connection: { on(event: 'error', listener: () => void): unknown }): void {
  connection.on('error', () => undefined);
}
