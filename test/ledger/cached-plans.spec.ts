import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { Reader } from '../../src/database/db.service.js';
import { placeholders } from '../../src/database/dialect.js';
import { PostingBuffer, TransactionIds } from '../../src/ledger/store/posting-buffer.js';
import { openLedger, type LedgerHarness } from '../support/ledger-harness.js';

/**
 * PostgreSQL caches a generic plan for a named statement after a few runs, made without the
 * parameters' values. The statements of a batch must keep to the indexes under such a plan,
 * or every batch would scan every account: latency would grow with the number of users.
 */
describe('cached plans of the batch statements on postgres', () => {
  let h: LedgerHarness;

  beforeAll(async () => {
    h = await openLedger('postgres');
    await h.db.query(
      `INSERT INTO accounts (owner_id, owner_kind, asset, balance, locked, created_at)
       SELECT 'many-' || g, 'user', a.code, '10', '0', 0 FROM generate_series(1, 1000) g CROSS JOIN assets a`,
    );
    await h.db.query(`INSERT INTO account_totals (account_id, type, action, total) SELECT id, 'mining', 'seed', '10' FROM accounts`);
    // A history of a few entries per account, so that the planner knows the entries are many.
    await h.db.query(`INSERT INTO ledger_transactions (kind, action, metadata, created_at) VALUES ('seed', 'seed', '{}', 0)`);
    await h.db.query(
      `INSERT INTO ledger_entries (transaction_id, account_id, asset, amount, balance_after, type, action, created_at)
       SELECT (SELECT MAX(id) FROM ledger_transactions), a.id, a.asset, '2', '10', 'mining', 'seed', g FROM accounts a CROSS JOIN generate_series(1, 5) g`,
    );
    await h.db.query('ANALYZE');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('never scan all accounts, all totals or all entries', async () => {
    const statements: string[] = [];
    await h.db.read(async (reader) => {
      const recording: Reader = {
        dialect: reader.dialect,
        query: (sql, params) => {
          statements.push(sql);
          return reader.query(sql, params);
        },
      };
      // A batch's reads with its units' freezes (beforeTurns), and a lone posting's without.
      const batch = new PostingBuffer(recording, new TransactionIds());
      batch.want([{ ownerId: 'many-3', asset: 'rents' }], ['many-3']);
      await batch.beforeTurns();
      const buffer = new PostingBuffer(recording, new TransactionIds());
      const pairs = [{ ownerId: 'many-1', asset: 'rents' }, { ownerId: 'many-2', asset: 'rents' }];
      const held = [...(await buffer.lock(pairs)).values()];
      expect(held).toHaveLength(2);
      const [from, to] = held;
      buffer.stage({
        transaction: { id: await buffer.nextTransactionId(), kind: 'transfer', action: 'donation', metadata: '{}', createdAt: 0 },
        entries: [
          { accountId: from.state.id, asset: 'rents', amount: -1n, balanceAfter: from.state.balance - 1n, type: 'spending', action: 'donation' },
          { accountId: to.state.id, asset: 'rents', amount: 1n, balanceAfter: to.state.balance + 1n, type: 'mining', action: 'donation' },
        ],
        accounts: [
          { ...from, state: { ...from.state, balance: from.state.balance - 1n } },
          { ...to, state: { ...to.state, balance: to.state.balance + 1n } },
        ],
        totals: [{ accountId: from.state.id, type: 'spending', action: 'donation', total: 1n }],
        event: '{"type":"transaction.committed"}',
      });
      statements.push(...buffer.takeWrites().map((write) => write.sql));

      const plans: Record<string, string> = {};
      for (const sql of statements.filter((s) => /accounts/.test(s))) {
        // Sent without values (the simple protocol): the plan is made for any values.
        const rows = (await h.db.dataSource.query(`EXPLAIN (GENERIC_PLAN) ${placeholders('postgres', sql)}`)) as Array<{ 'QUERY PLAN': string }>;
        plans[sql.replace(/\s+/g, ' ').slice(0, 60)] = rows.map((r) => r['QUERY PLAN']).join('\n');
      }
      // Locking the accounts; what is read after the lock, with and without freezes; the batch's write.
      expect(Object.keys(plans)).toHaveLength(4);
      for (const [statement, plan] of Object.entries(plans)) {
        expect({ statement, scans: plan.match(/Seq Scan on (accounts|account_totals|ledger_entries)\b.*/g) ?? [] }).toEqual({ statement, scans: [] });
      }
    });
  });
});

/**
 * A connection keeps the plans of the events sequencer's statements from its first call. One that
 * first ran it on a fresh, empty `events` table must still walk the indexes once the table is
 * large: a plan made for the empty table scanned every event on every call.
 */
describe('cached plans of the events sequencer on postgres', () => {
  let h: LedgerHarness;
  let client: pg.Client;

  beforeAll(async () => {
    h = await openLedger('postgres');
    client = new pg.Client({ connectionString: h.database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await h?.close();
  });

  const sequence = async () => Number((await client.query<{ n: number }>('SELECT sequence_events(5000) AS n')).rows[0].n);
  const addEvents = (count: number) => client.query(`INSERT INTO events (type, created_at, payload) SELECT 'test.event', 0, '{}' FROM generate_series(1, ${count})`);

  it('never scan the whole events table, however small it was when they were made', async () => {
    // Plans are made on the empty table, then on one with a single waiting row.
    expect(await sequence()).toBe(0);
    for (let run = 0; run < 6; run++) {
      await addEvents(1);
      expect(await sequence()).toBe(1);
    }
    await addEvents(20_000);
    while ((await sequence()) > 0);
    await addEvents(3);

    await client.query('BEGIN');
    expect(await sequence()).toBe(3);
    const { rows } = await client.query<{ seq_scan: string; idx_scan: string }>("SELECT seq_scan, idx_scan FROM pg_stat_xact_user_tables WHERE relname = 'events'");
    await client.query('COMMIT');
    expect({ seqScans: Number(rows[0].seq_scan), indexScans: Number(rows[0].idx_scan) > 0 }).toEqual({ seqScans: 0, indexScans: true });
  });
});
