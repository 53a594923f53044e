import type { MigrationInterface, QueryRunner } from 'typeorm';
import { columnTypes, type Dialect } from '../dialect.js';

/**
 * A reversal names the transaction it reverses, so an original's reversals (what remains to
 * reverse, `reversedBy`) are one index lookup. NULL: not a reversal. No foreign key: SQLite
 * cannot drop a column that has one, and only the reversal, written after reading its original,
 * sets it.
 */
export class ReversalLinks1763800006000 implements MigrationInterface {
  name = 'ReversalLinks1763800006000';

  async up(runner: QueryRunner): Promise<void> {
    const dialect: Dialect = runner.connection.driver.options.type === 'postgres' ? 'postgres' : 'sqlite';
    const t = columnTypes(dialect);
    await runner.query(`ALTER TABLE ledger_transactions ADD COLUMN reverses ${t.bigint}`);
    await runner.query('CREATE INDEX ledger_transactions_reverses ON ledger_transactions (reverses)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX ledger_transactions_reverses');
    await runner.query('ALTER TABLE ledger_transactions DROP COLUMN reverses');
  }
}
