import type { MigrationInterface, QueryRunner } from 'typeorm';
import { columnTypes, type Dialect } from '../dialect.js';

/** The ledger, identity and catalog tables. Written once for both databases. */
export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(runner: QueryRunner): Promise<void> {
    const dialect: Dialect = runner.connection.driver.options.type === 'postgres' ? 'postgres' : 'sqlite';
    const t = columnTypes(dialect);
    const statements = [
      `CREATE TABLE assets (
        code varchar(16) PRIMARY KEY,
        scale integer NOT NULL CHECK (scale >= 0 AND scale <= 30),
        created_at ${t.bigint} NOT NULL)`,
      `CREATE TABLE users (
        id varchar(128) PRIMARY KEY,
        username varchar(255),
        email varchar(320),
        roles ${t.text} NOT NULL DEFAULT '[]',
        currency varchar(16),
        created_at ${t.bigint} NOT NULL,
        updated_at ${t.bigint} NOT NULL)`,
      `CREATE INDEX users_username ON users (username)`,
      // owner_id is a user id or a system account name such as "system:issuer".
      `CREATE TABLE accounts (
        id ${t.id},
        owner_id varchar(128) NOT NULL,
        owner_kind varchar(8) NOT NULL CHECK (owner_kind IN ('user', 'system')),
        asset varchar(16) NOT NULL REFERENCES assets (code),
        balance ${t.amount} NOT NULL DEFAULT '0',
        locked ${t.amount} NOT NULL DEFAULT '0',
        created_at ${t.bigint} NOT NULL)`,
      `CREATE UNIQUE INDEX accounts_owner_asset ON accounts (owner_id, asset)`,
      `CREATE TABLE ledger_transactions (
        id ${t.id},
        kind varchar(32) NOT NULL,
        action varchar(64) NOT NULL,
        metadata ${t.text} NOT NULL DEFAULT '{}',
        idempotency_scope varchar(200),
        idempotency_key varchar(255),
        request_hash varchar(64),
        created_at ${t.bigint} NOT NULL)`,
      `CREATE UNIQUE INDEX ledger_transactions_idempotency ON ledger_transactions (idempotency_scope, idempotency_key)`,
      `CREATE INDEX ledger_transactions_created ON ledger_transactions (created_at)`,
      `CREATE TABLE ledger_entries (
        id ${t.id},
        transaction_id ${t.bigint} NOT NULL REFERENCES ledger_transactions (id),
        account_id ${t.bigint} NOT NULL REFERENCES accounts (id),
        asset varchar(16) NOT NULL,
        amount ${t.amount} NOT NULL,
        balance_after ${t.amount} NOT NULL,
        type varchar(16) NOT NULL,
        action varchar(64) NOT NULL,
        created_at ${t.bigint} NOT NULL)`,
      `CREATE INDEX ledger_entries_account ON ledger_entries (account_id, id)`,
      `CREATE INDEX ledger_entries_transaction ON ledger_entries (transaction_id)`,
      // Running totals per (account, type, action), so getTransactions and user:balance never sum history.
      `CREATE TABLE account_totals (
        account_id ${t.bigint} NOT NULL REFERENCES accounts (id),
        type varchar(16) NOT NULL,
        action varchar(64) NOT NULL,
        total ${t.amount} NOT NULL,
        PRIMARY KEY (account_id, type, action))`,
      `CREATE TABLE holds (
        id varchar(36) PRIMARY KEY,
        account_id ${t.bigint} NOT NULL REFERENCES accounts (id),
        asset varchar(16) NOT NULL,
        amount ${t.amount} NOT NULL,
        captured ${t.amount},
        status varchar(16) NOT NULL CHECK (status IN ('pending', 'captured', 'released', 'expired')),
        reason varchar(255) NOT NULL,
        expires_at ${t.bigint},
        created_at ${t.bigint} NOT NULL,
        ended_at ${t.bigint},
        capture_transaction_id ${t.bigint} REFERENCES ledger_transactions (id))`,
      `CREATE INDEX holds_pending_expiry ON holds (status, expires_at)`,
      `CREATE INDEX holds_account ON holds (account_id)`,
      `CREATE TABLE exchange_rates (
        asset varchar(16) PRIMARY KEY REFERENCES assets (code),
        rate varchar(80) NOT NULL,
        updated_at ${t.bigint} NOT NULL)`,
      `CREATE TABLE exchange_rate_history (
        id ${t.id},
        asset varchar(16) NOT NULL,
        rate varchar(80),
        changed_at ${t.bigint} NOT NULL)`,
      `CREATE INDEX exchange_rate_history_asset ON exchange_rate_history (asset, id)`,
      `CREATE TABLE token_actions (
        action varchar(64) PRIMARY KEY,
        type varchar(16) NOT NULL CHECK (type IN ('mining', 'spending', 'buying')),
        token varchar(80) NOT NULL,
        price varchar(80) NOT NULL,
        category varchar(32) NOT NULL,
        description varchar(1000) NOT NULL DEFAULT '',
        updated_at ${t.bigint} NOT NULL)`,
      `CREATE TABLE products (
        product_type varchar(32) NOT NULL,
        product_id varchar(128) NOT NULL,
        owner_id varchar(128),
        updated_at ${t.bigint} NOT NULL,
        PRIMARY KEY (product_type, product_id))`,
      `CREATE TABLE product_options (
        product_type varchar(32) NOT NULL,
        product_id varchar(128) NOT NULL,
        plan varchar(32) NOT NULL,
        price varchar(80) NOT NULL,
        PRIMARY KEY (product_type, product_id, plan),
        FOREIGN KEY (product_type, product_id) REFERENCES products (product_type, product_id) ON DELETE CASCADE)`,
      // Stored answers of idempotent requests (socket event ids, REST Idempotency-Key).
      `CREATE TABLE idempotency_records (
        scope varchar(200) NOT NULL,
        key varchar(255) NOT NULL,
        request_hash varchar(64) NOT NULL,
        response ${t.text} NOT NULL,
        created_at ${t.bigint} NOT NULL,
        PRIMARY KEY (scope, key))`,
      `CREATE INDEX idempotency_records_created ON idempotency_records (created_at)`,
      `CREATE TABLE settings (
        name varchar(64) PRIMARY KEY,
        value ${t.text} NOT NULL)`,
    ];
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'settings', 'idempotency_records', 'product_options', 'products', 'token_actions',
      'exchange_rate_history', 'exchange_rates', 'holds', 'account_totals', 'ledger_entries',
      'ledger_transactions', 'accounts', 'users', 'assets',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
