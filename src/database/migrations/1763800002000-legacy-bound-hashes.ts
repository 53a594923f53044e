import type { MigrationInterface, QueryRunner } from 'typeorm';
import { columnTypes, type Dialect } from '../dialect.js';

/**
 * The legacy API's accepted update hashes, each bound to the parameters it was accepted with
 * (BoundHashes). The primary key on the hash is what keeps two racing re-splits of one hash
 * from both being accepted.
 */
export class LegacyBoundHashes1763800002000 implements MigrationInterface {
  name = 'LegacyBoundHashes1763800002000';

  async up(runner: QueryRunner): Promise<void> {
    const dialect: Dialect = runner.connection.driver.options.type === 'postgres' ? 'postgres' : 'sqlite';
    const t = columnTypes(dialect);
    await runner.query(`CREATE TABLE legacy_bound_hashes (
      hash varchar(64) PRIMARY KEY,
      parameters ${t.text} NOT NULL,
      created_at ${t.bigint} NOT NULL)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE legacy_bound_hashes');
  }
}
