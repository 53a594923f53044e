import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../../src/config/app-config.js';
import { DEFAULT_SQLITE_BUSY_TIMEOUT_MS } from '../../src/config/load-config.js';

export type DatabaseKind = 'sqlite' | 'postgres';
/** Both, unless TEST_DATABASE_KINDS narrows the run (the soak runner's --db). */
export const DATABASE_KINDS: DatabaseKind[] = (['sqlite', 'postgres'] as const).filter((k) => (process.env.TEST_DATABASE_KINDS ?? 'sqlite,postgres').split(',').includes(k));

export interface TestDatabase {
  readonly config: DatabaseConfig;
  readonly url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database of the given kind, private to the calling test file. */
export async function createTestDatabase(kind: DatabaseKind, poolSize = 20): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-test-sqlite-'));
    const path = join(dir, 'ledger.sqlite');
    return { config: { type: 'sqlite', path, busyTimeoutMs: DEFAULT_SQLITE_BUSY_TIMEOUT_MS }, url: `sqlite:${path}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  if (!adminUrl) throw new Error('TEST_PG_ADMIN_URL is not set: the global setup did not run');
  const name = `ledger_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    config: { type: 'postgres', url: url.toString(), poolSize },
    url: url.toString(),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
