import type { MigrationInterface, QueryRunner } from 'typeorm';
import { columnTypes, type Dialect } from '../dialect.js';

/**
 * Webhooks (CONTRACT §9): the endpoints, one delivery row per event and endpoint, and the fan-out
 * cursor.
 * - `webhooks.previous_secret` keeps signing until `previous_secret_until` after a rotation.
 * - A delivery row is the at-least-once promise: it exists before any attempt, so a crash at
 *   any moment leaves it `pending` for the next instance. `locked_until` (real epoch ms) is the
 *   lease of the instance attempting it, so two instances never attempt it at once; every other
 *   time is the service clock's, so the test clock moves the schedule.
 * - `webhook_fanout` is one row: the id of the last event turned into deliveries.
 */
export class Webhooks1763800009000 implements MigrationInterface {
  name = 'Webhooks1763800009000';

  async up(runner: QueryRunner): Promise<void> {
    const dialect: Dialect = runner.connection.driver.options.type === 'postgres' ? 'postgres' : 'sqlite';
    const t = columnTypes(dialect);
    await runner.query(`CREATE TABLE webhooks (
      id varchar(36) PRIMARY KEY,
      url varchar(2048) NOT NULL,
      events ${t.text} NOT NULL,
      description varchar(500),
      secret varchar(100) NOT NULL,
      previous_secret varchar(100),
      previous_secret_until ${t.bigint},
      enabled smallint NOT NULL,
      disabled_reason varchar(500),
      last_success_at ${t.bigint},
      created_at ${t.bigint} NOT NULL
    )`);
    await runner.query(`CREATE TABLE webhook_deliveries (
      webhook_id varchar(36) NOT NULL,
      event_id ${t.bigint} NOT NULL,
      event_type varchar(64) NOT NULL,
      payload ${t.text} NOT NULL,
      status varchar(16) NOT NULL,
      attempts integer NOT NULL,
      schedule_attempts integer NOT NULL,
      schedule_started_at ${t.bigint} NOT NULL,
      next_attempt_at ${t.bigint},
      locked_until ${t.bigint},
      last_attempt_at ${t.bigint},
      last_status integer,
      last_response ${t.text},
      last_error varchar(500),
      created_at ${t.bigint} NOT NULL,
      PRIMARY KEY (webhook_id, event_id)
    )`);
    await runner.query('CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = \'pending\'');
    await runner.query(`CREATE TABLE webhook_fanout (
      one integer PRIMARY KEY CHECK (one = 1),
      last_event_id ${t.bigint} NOT NULL
    )`);
    await runner.query('INSERT INTO webhook_fanout (one, last_event_id) VALUES (1, 0)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE webhook_fanout');
    await runner.query('DROP TABLE webhook_deliveries');
    await runner.query('DROP TABLE webhooks');
  }
}
