import { seedDefaultCatalog } from '../src/catalog/seed-default-catalog.js';
import type { DatabaseConfig } from '../src/config/app-config.js';
import { openDatabase } from '../src/database/open-database.js';

/**
 * Fills a fresh database with `count` valid ledger transactions (a mint, then transfers of one
 * minor unit between two filler users), written in bulk by SQL so that a ledger of a million
 * transactions takes seconds, and consistent so that the ledger check still passes. Transaction
 * i is stamped `count - i` ms before now: times in order, the last one now. Returns that now
 * (epoch ms), the time of the last transaction.
 */
export async function preloadHistory(config: DatabaseConfig, count: number): Promise<number> {
  const db = await openDatabase(config);
  try {
    const now = Date.now();
    await seedDefaultCatalog(db, now);
    await db.transaction(async (tx) => {
      const pg = tx.dialect === 'postgres';
      for (const [owner, kind, balance] of [
        ['system:issuer', 'system', -count],
        ['filler-a', 'user', 1],
        ['filler-b', 'user', count - 1],
      ] as const) {
        await tx.query(`INSERT INTO accounts (owner_id, owner_kind, asset, balance, locked, created_at) VALUES (?, ?, 'rents', ?, '0', ?)`, [owner, kind, String(balance), now]);
      }
      const ids = Object.fromEntries(
        (await tx.query<{ id: number | string; owner_id: string }>(`SELECT id, owner_id FROM accounts WHERE asset = 'rents'`)).map((r) => [r.owner_id, Number(r.id)]),
      );
      const series = pg ? `generate_series(1, ${count}) AS s(i)` : `(WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < ${count}) SELECT i FROM s) AS s`;
      const at = `(${now} - ${count} + i)`;
      const text = (expr: string) => (pg ? `(${expr})::numeric` : `CAST(${expr} AS TEXT)`);
      await tx.query(`INSERT INTO ledger_transactions (id, kind, action, metadata, created_at) SELECT i, CASE WHEN i = 1 THEN 'mint' ELSE 'transfer' END, 'filler', '{}', ${at} FROM ${series}`);
      // Transaction 1 mints `count` into filler-a; transaction i > 1 moves one unit from a to b.
      await tx.query(
        `INSERT INTO ledger_entries (transaction_id, account_id, asset, amount, balance_after, type, action, created_at)
         SELECT i, ${ids['filler-a']}, 'rents', ${text(`CASE WHEN i = 1 THEN ${count} ELSE -1 END`)}, ${text(`${count} - i + 1`)}, CASE WHEN i = 1 THEN 'mining' ELSE 'spending' END, 'filler', ${at} FROM ${series}`,
      );
      await tx.query(
        `INSERT INTO ledger_entries (transaction_id, account_id, asset, amount, balance_after, type, action, created_at)
         SELECT i, CASE WHEN i = 1 THEN ${ids['system:issuer']} ELSE ${ids['filler-b']} END, 'rents', ${text(`CASE WHEN i = 1 THEN -${count} ELSE 1 END`)},
                ${text(`CASE WHEN i = 1 THEN -${count} ELSE i - 1 END`)}, CASE WHEN i = 1 THEN 'system' ELSE 'mining' END, 'filler', ${at} FROM ${series}`,
      );
      if (pg) {
        await tx.query(`SELECT setval(pg_get_serial_sequence('ledger_transactions', 'id'), ${count})`);
        await tx.query(`SELECT setval(pg_get_serial_sequence('ledger_entries', 'id'), (SELECT MAX(id) FROM ledger_entries))`);
      }
    });
    // Measure the ledger at rest, not the bulk load's aftermath: without this, the checkpoint of
    // the load's dirty pages, hint bits and autovacuum run during the measurement.
    if (db.dialect === 'postgres') {
      await db.query('VACUUM ANALYZE');
      await checkpoint(db);
    }
    return now;
  } finally {
    await db.close();
  }
}

/**
 * PostgreSQL: statistics of every table as it is now, after the warm-up of every measured phase.
 * The bench's own users, accounts and totals did not exist at the preload's ANALYZE: each pooled
 * connection made its plans for them (the foreign-key checks on `accounts`, the totals and
 * freezes read after the lock) while they held a few rows, and keeps them until the tables are
 * next analysed, which autovacuum does about a minute in, at a time that differs from run to run,
 * and after the bench's phases have ended. ANALYZE makes those plans be made again on the tables
 * as they are, as on a server that has run for a minute. (The event sequencer's plans no longer
 * depend on it: they are pinned, migration SequenceEventsPlansPinned.)
 */
export async function refreshStatistics(config: DatabaseConfig): Promise<void> {
  if (config.type !== 'postgres') return;
  const db = await openDatabase(config);
  try {
    await db.query('ANALYZE');
  } finally {
    await db.close();
  }
}

/**
 * Writes the load's dirty pages out and syncs them now. CHECKPOINT needs a superuser or, from
 * PostgreSQL 15, a member of pg_checkpoint. Refused, the 10^6 rows are taken while the server
 * still writes the load back: on a PostgreSQL 15 server with default settings a 10^6 load leaves
 * a checkpoint under way and a few hundred MB for the kernel to write in the next 30 s, which is
 * when the bench measures. The bench goes on (the figures still come), and says why they may not be flat.
 */
async function checkpoint(db: Awaited<ReturnType<typeof openDatabase>>): Promise<void> {
  try {
    await db.query('CHECKPOINT');
  } catch (error) {
    process.stderr.write(
      `[bench] CHECKPOINT refused (${(error as Error).message}): the latency rows will include the bulk load's write-back. ` +
        'Run as a superuser, or GRANT pg_checkpoint TO the role of TEST_DATABASE_URL (PostgreSQL 15+).\n',
    );
  }
}
