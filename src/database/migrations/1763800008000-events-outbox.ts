import type { MigrationInterface, QueryRunner } from 'typeorm';
import { columnTypes, type Dialect } from '../dialect.js';

/**
 * The transactional outbox (CONTRACT §9): one row per event, written in the transaction of the
 * change it tells of. `id` is the public, commit-ordered id the feed pages by.
 * - SQLite has one writer, so insertion order is commit order: `id` is the AUTOINCREMENT key.
 * - PostgreSQL commits concurrently, so an id taken at insert could become visible after a
 *   higher one. A row is inserted with `seq` (insertion order, internal) and no `id`; the
 *   sequencer (src/ledger/events/event-sequencer.ts) gives committed rows their `id`, one
 *   sequencer at a time under `events_state`'s row lock, so ids only ever appear in increasing
 *   order.
 * `events_state` is one row: the last id given (PostgreSQL) and the highest id purged (both).
 */
export class EventsOutbox1763800008000 implements MigrationInterface {
  name = 'EventsOutbox1763800008000';

  async up(runner: QueryRunner): Promise<void> {
    const dialect: Dialect = runner.connection.driver.options.type === 'postgres' ? 'postgres' : 'sqlite';
    const t = columnTypes(dialect);
    if (dialect === 'postgres') {
      await runner.query(`CREATE TABLE events (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id bigint UNIQUE,
        type varchar(64) NOT NULL,
        created_at bigint NOT NULL,
        payload text NOT NULL
      )`);
      await runner.query('CREATE INDEX events_unsequenced ON events (seq) WHERE id IS NULL');
    } else {
      await runner.query(`CREATE TABLE events (
        id integer PRIMARY KEY AUTOINCREMENT,
        type varchar(64) NOT NULL,
        created_at integer NOT NULL,
        payload text NOT NULL
      )`);
    }
    await runner.query(`CREATE TABLE events_state (
      one integer PRIMARY KEY CHECK (one = 1),
      last_id ${t.bigint} NOT NULL,
      purged_through ${t.bigint} NOT NULL
    )`);
    await runner.query('INSERT INTO events_state (one, last_id, purged_through) VALUES (1, 0, 0)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE events_state');
    await runner.query('DROP TABLE events');
  }
}
