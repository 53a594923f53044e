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
 * pg-pool's hook for every new connection, which adds an 'error' listener for the connection's
 * life. An 'error' event with no listener ends the process. The pool listens while a connection
 * is idle and stops as it hands one out; whoever checks it out (pgConnection, TypeORM's query
 * runner) listens from a promise's turn later. A new connection whose "ready" and the server's
 * "terminating connection" came in one read (the server killed as the connection was made)
 * reported the error in that gap. With a hook, pg-pool hands a new connection out a turn later,
 * so its own listener takes such an error, and this listener takes any error inside the gap.
 * Nothing is hidden: a connection that failed is not queryable, its queries fail, and the pool
 * drops it.
 */
function listenForErrors(connection: { on(event: 'error', listener: () => void): unknown }): void {
  connection.on('error', () => undefined);
}
