import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config.js';
import { DEFAULT_COMMIT_DEADLINE_MS } from '../config/load-config.js';
import { dataSourceOptions } from './data-source-options.js';
import { Db } from './db.service.js';

/**
 * Connects, applies pending migrations and returns the unit of work over the connection, whose
 * ledger transactions commit within `commitDeadlineMs` of their start (commit-deadline.ts).
 */
export async function openDatabase(config: DatabaseConfig, commitDeadlineMs = DEFAULT_COMMIT_DEADLINE_MS): Promise<Db> {
  if (config.type === 'sqlite') mkdirSync(dirname(config.path), { recursive: true });
  const dataSource = new DataSource(dataSourceOptions(config));
  await dataSource.initialize();
  try {
    await migrateOnce(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return new Db(dataSource, commitDeadlineMs);
}

/**
 * Applies pending migrations. On PostgreSQL several instances may start at once on one database:
 * a session advisory lock lets one migrate while the others wait, then find nothing pending.
 */
async function migrateOnce(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'postgres') {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const session = dataSource.createQueryRunner();
  await session.connect();
  try {
    await session.query(`SELECT pg_advisory_lock(hashtext('ledger-migrations'))`);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await session.query(`SELECT pg_advisory_unlock(hashtext('ledger-migrations'))`).catch(() => undefined);
    await session.release();
  }
}
