import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Reader } from './tx.js';
import { placeholders } from './dialect.js';
import { refuseNul } from './text-values.js';

interface PgClient {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
  query(submittable: WriteThenCommit): WriteThenCommit;
  release(error?: Error | boolean): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeListener(event: 'error', listener: (error: Error) => void): unknown;
}

export interface PgPool {
  connect(): Promise<PgClient>;
}

/** A pooled connection, handed back explicitly: kept for reuse, or dropped when its state is unknown. */
export interface PgConnection extends Reader {
  /**
   * A statement with COMMIT right behind it, in the same message: one round trip for both.
   * `done` resolves once COMMIT succeeded. If the statement fails, COMMIT is not run (the server
   * skips to the message's end) and the transaction is left aborted, to be rolled back; if the
   * driver refuses a value as it binds, nothing of the message but a Close is sent, and
   * `commitSent()` stays false.
   */
  queryThenCommit(sql: string, params?: unknown[]): { done: Promise<void>; commitSent(): boolean };
  release(keep: boolean): void;
}

/**
 * A named statement followed by COMMIT before the one Sync that ends the message (the extended
 * protocol allows several statements before a Sync; they run in order, and after an error the
 * server discards the rest up to the Sync). node-postgres sends one statement per round trip, so
 * this extends its Query at the one step that sends Execute and Sync: the write of a group
 * commit batch and its COMMIT then cost one round trip, not two. Both go out in one write (the
 * Query corks the socket around them).
 */
class WriteThenCommit extends pg.Query {
  readonly done: Promise<void>;
  /** Execute and COMMIT were sent (Bind did not throw first). */
  commitSent = false;

  constructor(config: { name?: string; text: string; values: unknown[] }) {
    let settle!: (error: Error | undefined) => void;
    const done = new Promise<void>((resolve, reject) => (settle = (error) => (error ? reject(error) : resolve())));
    super(config, (error) => settle(error ?? undefined));
    this.done = done;
  }

  /** Called by Query.prepare after Bind and Describe: Execute, then COMMIT, then the one Sync. */
  _getRows(connection: PgProtocol, rows: number | undefined): void {
    this.commitSent = true;
    connection.execute({ portal: '', rows });
    connection.parse({ text: 'COMMIT', types: [] });
    connection.bind({ values: [] });
    connection.execute({ portal: '', rows: undefined });
    connection.sync();
  }
}

/** The messages of node-postgres's connection that WriteThenCommit sends. */
interface PgProtocol {
  parse(message: { text: string; types: unknown[] }): void;
  bind(message: { values: unknown[] }): void;
  execute(message: { portal: string; rows: number | undefined }): void;
  sync(): void;
}

/**
 * PostgreSQL queries on a client of the pool TypeORM opened (and will close). Each statement is
 * a network round trip, so the ledger keeps them few; going straight to the client spares each
 * one the query runner's extra work.
 */
export async function pgConnection(pool: PgPool): Promise<PgConnection> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // The pool listens for errors of idle clients only. A connection lost while checked out (the
  // server killed or restarted) is reported as an 'error' event too, which with no listener
  // would end the process; its query rejects anyway, and the client is then dropped, not reused.
  const onError = (error: Error) => (broken = error);
  client.on('error', onError);
  return {
    dialect: 'postgres',
    query: <R extends object>(sql: string, params: unknown[] = []) => client.query(queryConfig(sql, params)).then((result) => result.rows as R[]),
    queryThenCommit: (sql, params = []) => {
      const query = client.query(new WriteThenCommit(queryConfig(sql, params)));
      return { done: query.done, commitSent: () => query.commitSent };
    },
    release: (keep) => {
      client.removeListener('error', onError);
      client.release(broken ?? (keep ? undefined : true));
    },
  };
}

/**
 * Work on a pooled connection. A failure that came with a code (an answer from the server, or a
 * refused value) leaves the connection usable; any other (e.g. it failed mid-protocol) drops it.
 */
export async function withPgClient<T>(pool: PgPool, work: (reader: Reader) => Promise<T>): Promise<T> {
  const connection = await pgConnection(pool);
  let keep = true;
  try {
    return await work({ dialect: connection.dialect, query: connection.query });
  } catch (error) {
    keep = hasCode(error);
    throw error;
  } finally {
    connection.release(keep);
  }
}

/** True when an error carries a code: the connection it came from is still in a known state. */
export const hasCode = (error: unknown): boolean => Boolean((error as { code?: string } | null)?.code);

/**
 * A statement as node-postgres takes it, named (statementName). Refused values throw here, before
 * anything is sent: a caller queueing statements back to back (the group commit queues its units'
 * statements behind BEGIN) must not queue past one.
 */
function queryConfig(sql: string, params: unknown[]): { name: string | undefined; text: string; values: unknown[] } {
  params.forEach(refuseNul);
  const text = placeholders('postgres', sql);
  return { name: statementName(text), text, values: params.map(toPgValue) };
}

const names = new Map<string, string | undefined>();

/**
 * Named statements are parsed and planned once per connection, then only bound and executed.
 * Statements with a literal list (IN (...) of varying length) get a name per shape; one-off
 * text such as BEGIN stays unnamed.
 */
function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && !names.has(text)) {
    name = /^\s*(BEGIN|COMMIT|ROLLBACK)/i.test(text) || names.size > 2000 ? undefined : `s${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    names.set(text, name);
  }
  return name;
}

function toPgValue(value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
