import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The function's second step: the row lock of `events_state`, then the assignment (a later migration reuses it). */
export const SEQUENCE_EVENTS_ASSIGNMENT = `PERFORM 1 FROM events_state WHERE one = 1 FOR UPDATE;
        WITH pending AS (
          SELECT seq, row_number() OVER (ORDER BY seq) AS n FROM events WHERE id IS NULL ORDER BY seq LIMIT block
        ), assigned AS (
          UPDATE events e SET id = s.last_id + p.n FROM pending p, events_state s WHERE s.one = 1 AND e.seq = p.seq RETURNING e.id
        ), counted AS (
          SELECT count(*)::integer AS n FROM assigned
        ), moved AS (
          UPDATE events_state SET last_id = last_id + (SELECT n FROM counted) WHERE one = 1
        )
        SELECT n INTO given FROM counted;
        RETURN given;`;

/**
 * PostgreSQL: the events sequencer as one server-side function, so that a run costs one round
 * trip instead of five (the check for unsequenced rows, BEGIN, the lock, the assignment, COMMIT).
 * Called as a statement of its own (autocommit), it is one transaction. It keeps the two-step
 * rule of src/ledger/events/event-sequencer.ts: the row lock of `events_state` first, then the
 * assignment as a statement of its own. A VOLATILE function takes a fresh snapshot for each
 * statement it runs, so the assignment sees every id given by the sequencer it waited for and
 * never gives a row an id twice. SQLite has no sequencer (its keys are in commit order).
 */
export class SequenceEventsFunction1763800009500 implements MigrationInterface {
  name = 'SequenceEventsFunction1763800009500';

  async up(runner: QueryRunner): Promise<void> {
    if (runner.connection.driver.options.type !== 'postgres') return;
    await runner.query(`CREATE FUNCTION sequence_events(block integer) RETURNS integer
      LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        given integer;
      BEGIN
        -- The partial index holds only unsequenced rows: an idle run takes no lock and writes nothing.
        IF NOT EXISTS (SELECT 1 FROM events WHERE id IS NULL) THEN
          RETURN 0;
        END IF;
        ${SEQUENCE_EVENTS_ASSIGNMENT}
      END $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    if (runner.connection.driver.options.type !== 'postgres') return;
    await runner.query('DROP FUNCTION sequence_events(integer)');
  }
}
