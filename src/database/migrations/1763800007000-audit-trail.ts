import type { MigrationInterface, QueryRunner } from 'typeorm';
import { columnTypes, type Dialect } from '../dialect.js';

/**
 * The operators' audit trail: one row per change an operator made, hash-chained (see
 * src/audit/). `body` is the record's canonical JSON, exactly what its hash covers; the other
 * columns repeat some of its fields for the filters, and the chain check compares them with it.
 * `audit_chain_head` is one row: the last record's id and hash. Writers lock it to append, so
 * the chain is one line even with many writers, and a deleted newest record is noticed.
 */
export class AuditTrail1763800007000 implements MigrationInterface {
  name = 'AuditTrail1763800007000';

  async up(runner: QueryRunner): Promise<void> {
    const dialect: Dialect = runner.connection.driver.options.type === 'postgres' ? 'postgres' : 'sqlite';
    const t = columnTypes(dialect);
    await runner.query(`CREATE TABLE audit_records (
      id ${t.bigint} PRIMARY KEY,
      at ${t.bigint} NOT NULL,
      actor_id varchar(128) NOT NULL,
      action varchar(64) NOT NULL,
      target varchar(300) NOT NULL,
      body ${t.text} NOT NULL,
      hash char(64) NOT NULL
    )`);
    await runner.query('CREATE INDEX audit_records_actor ON audit_records (actor_id, id)');
    await runner.query('CREATE INDEX audit_records_action ON audit_records (action, id)');
    await runner.query('CREATE INDEX audit_records_target ON audit_records (target, id)');
    await runner.query('CREATE INDEX audit_records_at ON audit_records (at, id)');
    await runner.query(`CREATE TABLE audit_chain_head (
      one integer PRIMARY KEY CHECK (one = 1),
      last_id ${t.bigint} NOT NULL,
      last_hash char(64) NOT NULL
    )`);
    await runner.query(`INSERT INTO audit_chain_head (one, last_id, last_hash) VALUES (1, 0, '${'0'.repeat(64)}')`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE audit_chain_head');
    await runner.query('DROP TABLE audit_records');
  }
}
