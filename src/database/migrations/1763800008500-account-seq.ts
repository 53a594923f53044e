import type { MigrationInterface, QueryRunner } from 'typeorm';
import { columnTypes, type Dialect } from '../dialect.js';

/**
 * `accounts.seq`: the account's change sequence, one up with each entry and with each hold that
 * moves its `locked`. Every `user:balance` carries it, so a client (and each instance, per socket)
 * can tell a newer balance from an older one whichever instance pushed it. It starts at the
 * number of entries each account already has.
 */
export class AccountSeq1763800008500 implements MigrationInterface {
  name = 'AccountSeq1763800008500';

  async up(runner: QueryRunner): Promise<void> {
    const dialect: Dialect = runner.connection.driver.options.type === 'postgres' ? 'postgres' : 'sqlite';
    await runner.query(`ALTER TABLE accounts ADD COLUMN seq ${columnTypes(dialect).bigint} NOT NULL DEFAULT 0`);
    await runner.query('UPDATE accounts SET seq = (SELECT COUNT(*) FROM ledger_entries e WHERE e.account_id = accounts.id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE accounts DROP COLUMN seq');
  }
}
