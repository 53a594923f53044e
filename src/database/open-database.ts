import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';
import { Db } from './db.service.js';

/** Connects, applies pending migrations and returns the unit of work over the connection. */
export async function openDatabase(config: DatabaseConfig): Promise<Db> {
  if (config.type === 'sqlite') mkdirSync(dirname(config.path), { recursive: true });
  const dataSource = new DataSource(dataSourceOptions(config));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return new Db(dataSource);
}
