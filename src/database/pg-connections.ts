import type { Reader } from './db.service.js';
import { placeholders } from './dialect.js';

interface PgClient {
  query(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
  release(error?: Error | boolean): void;
}

export interface PgPool {
  connect(): Promise<PgClient>;
}

/**
 * PostgreSQL queries on a client of the pool TypeORM opened (and will close). Each statement is
 * a network round trip, so the ledger keeps them few; going straight to the client spares each
 * one the query runner's extra work.
 */
export async function withPgClient<T>(pool: PgPool, work: (reader: Reader) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    return await work({
      dialect: 'postgres',
      query: async <R extends object>(sql: string, params: unknown[] = []) =>
        (await client.query(placeholders('postgres', sql), params.map(toPgValue))).rows as R[],
    });
  } catch (error) {
    // A connection whose state is unknown (e.g. it failed mid-protocol) is not reused.
    if (!(error as { code?: string }).code) broken = error as Error;
    throw error;
  } finally {
    client.release(broken);
  }
}

function toPgValue(value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
