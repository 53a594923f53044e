import type { MigrationInterface, QueryRunner } from 'typeorm';
import { columnTypes, type Dialect } from '../dialect.js';

/**
 * How many refusals each idempotency scope (a socket user, a REST path) has had stored in its
 * current 24-hour window: one small row per scope, so stored refusals stay bounded per user.
 */
export class StoredRefusalCounts1763800004000 implements MigrationInterface {
  name = 'StoredRefusalCounts1763800004000';

  async up(runner: QueryRunner): Promise<void> {
    const dialect: Dialect = runner.connection.driver.options.type === 'postgres' ? 'postgres' : 'sqlite';
    const t = columnTypes(dialect);
    await runner.query(`CREATE TABLE stored_refusal_counts (
      scope varchar(200) PRIMARY KEY,
      window_start ${t.bigint} NOT NULL,
      refusals integer NOT NULL)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE stored_refusal_counts');
  }
}
