import type { MigrationInterface, QueryRunner } from 'typeorm';
import { columnTypes, type Dialect } from '../dialect.js';

/**
 * A user's freeze, on the user's own row: a posting that must respect it reads it under the row's
 * lock, and an operator who freezes takes that lock first, so the two are always ordered.
 * `frozen_scope` NULL: not frozen.
 */
export class UserFreezes1763800005000 implements MigrationInterface {
  name = 'UserFreezes1763800005000';

  async up(runner: QueryRunner): Promise<void> {
    const dialect: Dialect = runner.connection.driver.options.type === 'postgres' ? 'postgres' : 'sqlite';
    const t = columnTypes(dialect);
    await runner.query(`ALTER TABLE users ADD COLUMN frozen_scope varchar(16) CHECK (frozen_scope IN ('all', 'debits'))`);
    await runner.query('ALTER TABLE users ADD COLUMN frozen_reason varchar(1000)');
    await runner.query(`ALTER TABLE users ADD COLUMN frozen_since ${t.bigint}`);
    await runner.query('ALTER TABLE users ADD COLUMN frozen_by varchar(128)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const column of ['frozen_by', 'frozen_since', 'frozen_reason', 'frozen_scope']) await runner.query(`ALTER TABLE users DROP COLUMN ${column}`);
  }
}
