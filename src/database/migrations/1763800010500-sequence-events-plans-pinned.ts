import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Everything the sequencer's statements need is an index walk or a lookup by key. */
const PINNED = ['enable_seqscan', 'enable_bitmapscan', 'enable_hashjoin', 'enable_mergejoin'];

/**
 * PostgreSQL: the events sequencer's statements are planned for index walks and lookups by key,
 * whatever the table's statistics say. plpgsql plans each statement once per connection and keeps
 * the plan until the table is next analyzed. A connection that first ran the sequencer while
 * `events` was nearly empty (a fresh database, a restart before autovacuum had looked at it) kept
 * sequential scans and a hash join over the whole table, run on every call while the table grew:
 * under the bench's donations, 58 % of the database's CPU, 45 % in those scans (perf, 50,000
 * events). The rows it touches are always the few waiting ones (the partial index
 * `events_unsequenced`) and their primary keys, so no other plan is ever the right one; these
 * settings hold only while the function runs. A later CREATE OR REPLACE of the function drops
 * them unless it repeats them (test/ledger/cached-plans.spec fails if they are lost).
 */
export class SequenceEventsPlansPinned1763800010500 implements MigrationInterface {
  name = 'SequenceEventsPlansPinned1763800010500';

  async up(runner: QueryRunner): Promise<void> {
    if (runner.connection.driver.options.type !== 'postgres') return;
    await runner.query(`ALTER FUNCTION sequence_events(integer) ${PINNED.map((setting) => `SET ${setting} = off`).join(' ')}`);
  }

  async down(runner: QueryRunner): Promise<void> {
    if (runner.connection.driver.options.type !== 'postgres') return;
    await runner.query('ALTER FUNCTION sequence_events(integer) RESET ALL');
  }
}
