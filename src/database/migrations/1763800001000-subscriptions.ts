import type { MigrationInterface, QueryRunner } from 'typeorm';
import { columnTypes, type Dialect } from '../dialect.js';

/** Room and style-asset subscriptions, with their current period. */
export class Subscriptions1763800001000 implements MigrationInterface {
  name = 'Subscriptions1763800001000';

  async up(runner: QueryRunner): Promise<void> {
    const dialect: Dialect = runner.connection.driver.options.type === 'postgres' ? 'postgres' : 'sqlite';
    const t = columnTypes(dialect);
    await runner.query(`CREATE TABLE subscriptions (
      id varchar(36) PRIMARY KEY,
      user_id varchar(128) NOT NULL,
      product_type varchar(32) NOT NULL,
      product_id varchar(128) NOT NULL,
      plan varchar(32) NOT NULL,
      currency varchar(16) NOT NULL,
      price ${t.amount} NOT NULL,
      wallet_address varchar(255),
      status varchar(16) NOT NULL CHECK (status IN ('active', 'expired')),
      anchor_at ${t.bigint} NOT NULL,
      period_index integer NOT NULL,
      current_period_start ${t.bigint} NOT NULL,
      current_period_end ${t.bigint},
      created_at ${t.bigint} NOT NULL,
      ended_at ${t.bigint},
      ended_reason varchar(32))`);
    // At most one active subscription per user and product, whatever races.
    await runner.query(`CREATE UNIQUE INDEX subscriptions_one_active ON subscriptions (user_id, product_type, product_id) WHERE status = 'active'`);
    await runner.query(`CREATE INDEX subscriptions_due ON subscriptions (status, current_period_end)`);
    await runner.query(`CREATE INDEX subscriptions_user ON subscriptions (user_id, created_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE subscriptions');
  }
}
