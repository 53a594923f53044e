import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each account's entries in time order: a balance at an instant (the last entry at or before
 * it) and the time of an account's last entry (which a new entry may not precede) are one step
 * down this index, whatever the size of the ledger. It replaces the (account_id, id) index:
 * an account's entries are written under its lock with times that never go back, so both orders
 * are one, and every insert keeps one index less up to date.
 */
export class EntriesByTime1763800005500 implements MigrationInterface {
  name = 'EntriesByTime1763800005500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX ledger_entries_account_time ON ledger_entries (account_id, created_at, id)');
    await runner.query('DROP INDEX ledger_entries_account');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX ledger_entries_account ON ledger_entries (account_id, id)');
    await runner.query('DROP INDEX ledger_entries_account_time');
  }
}
