import type { Reader } from './tx.js';
import { refuseNul } from './text-values.js';

interface Statement {
  readonly reader: boolean;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): unknown;
}

interface BetterSqlite3 {
  prepare(sql: string): Statement;
}

/** Prepared statements kept at most: a batch's reads list its owners, so their text varies with its size. */
const MAX_CACHED = 2000;

/**
 * SQLite queries straight on better-sqlite3's prepared statements. The driver is synchronous,
 * so going through an async query runner per statement only adds promise hops; TypeORM still
 * owns the connection (it opened it, ran the migrations and closes it). Statements are
 * prepared once per SQL text and reused (up to MAX_CACHED texts; others are prepared each time).
 *
 * A refused value (a NUL in a text) throws at once, before anything runs, as on PostgreSQL
 * (pg-connections.ts): the group commit counts only statements that ran and failed against the
 * unit whose turn it is, so a client's bad value is that request's refusal, not its batch's.
 */
export function sqliteReader(connection: BetterSqlite3): Reader {
  const cache = new Map<string, Statement>();
  return {
    dialect: 'sqlite',
    query: <T extends object>(sql: string, params: unknown[] = []): Promise<T[]> => {
      const values = params.map(sqliteValueOf);
      try {
        let statement = cache.get(sql);
        if (!statement) {
          statement = connection.prepare(sql);
          if (cache.size < MAX_CACHED) cache.set(sql, statement);
        }
        return Promise.resolve((statement.reader ? statement.all(...values) : (statement.run(...values), [])) as T[]);
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
}

/**
 * The value better-sqlite3 binds: bigint amounts as decimal text, booleans as 0/1 (it cannot bind
 * them). A text holding a NUL is refused (throws) before anything runs.
 */
function sqliteValueOf(value: unknown): unknown {
  refuseNul(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value === undefined ? null : value;
}
