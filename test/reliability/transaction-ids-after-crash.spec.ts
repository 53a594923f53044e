import { afterAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import pg from 'pg';
import { Db } from '../../src/database/db.service.js';
import { LedgerService } from '../../src/ledger/ledger.service.js';
import type { PostingRequest } from '../../src/ledger/ledger.types.js';
import { SYSTEM_ACCOUNTS } from '../../src/ledger/system-accounts.js';
import { ledgerContext } from '../support/ledger-context.js';
import { startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres.js';

const mint = (userId: string): PostingRequest => ({
  kind: 'mint',
  action: 'funding',
  legs: [
    { ownerId: SYSTEM_ACCOUNTS.issuer, asset: 'usd', amount: -1n, type: 'system' },
    { ownerId: userId, asset: 'usd', amount: 1n, type: 'mining' },
  ],
});

/** More postings than a block of ids (128, ledger-sql.ts), so that the next block is drawn too. */
const POSTINGS_AFTER = 300;

/**
 * PostgreSQL killed (kill -9) while a ledger transaction that drew a block of transaction ids is
 * still open. The sequence's advance had not reached the disk (no commit came after it), so the
 * recovered server hands those ids out again: the ledger must not keep the rest of that block for
 * later transactions, or they collide with ids the sequence gives out afterwards (a posting then
 * fails on the primary key). The server here is kept from writing its WAL out meanwhile, so the
 * advance is reliably lost, as it is when the crash comes in the moment between a block's draw
 * and the next commit. SQLite reads each id under its write lock,
 * with nothing kept between transactions, and has no such case.
 */
describe('transaction ids after a PostgreSQL crash', () => {
  let postgres: PrivatePostgres | null = null;
  let context: INestApplicationContext | null = null;

  afterAll(async () => {
    await context?.close();
    await postgres?.stop();
  });

  it('drops the ids a transaction drew when it never committed: every later posting gets an id of its own', async () => {
    // No WAL written out in the moment between the draw and the kill: the WAL writer's rounds
    // far apart, no background writes, no standby snapshots (minimal WAL), no autovacuum.
    postgres = await startPrivatePostgres({ wal_writer_delay: '10000', bgwriter_lru_maxpages: '0', wal_level: 'minimal', max_wal_senders: '0', autovacuum: 'off' });
    context = await ledgerContext({ type: 'postgres', url: postgres.url, poolSize: 4 });
    const db = context.get(Db);
    const ledger = context.get(LedgerService);

    // The first posting of this process draws a block of ids; the server dies before its COMMIT.
    const open = db.transaction(async (tx) => {
      await ledger.postIn(tx, mint('crash-user'));
      await postgres!.kill();
    });
    await expect(open).rejects.toThrow();
    await postgres.start();

    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    try {
      // The premise: the recovered sequence starts over, below the ids the block held.
      const { rows } = await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM ledger_transactions');
      expect(Number(rows[0].n)).toBe(0);
      const sequence = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value, is_called FROM ledger_transactions_id_seq`);
      expect(sequence.rows[0]).toEqual({ last_value: '1', is_called: false });

      const ids: string[] = [];
      for (let i = 0; i < POSTINGS_AFTER; i++) ids.push((await ledger.post(mint(`after-${i % 10}`))).transactionId);
      expect(new Set(ids).size).toBe(POSTINGS_AFTER);
      const stored = await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM ledger_transactions');
      expect(Number(stored.rows[0].n)).toBe(POSTINGS_AFTER);
    } finally {
      await client.end();
    }
  }, 120_000);
});
