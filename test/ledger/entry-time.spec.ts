import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError } from '../../src/common/errors.js';
import { SYSTEM_ACCOUNTS } from '../../src/ledger/system-accounts.js';
import type { PostingRequest } from '../../src/ledger/ledger.types.js';
import { openLedger, type LedgerHarness } from '../support/ledger-harness.js';
import { DATABASE_KINDS } from '../support/test-databases.js';

const mint = (userId: string, amount: bigint): PostingRequest => ({
  kind: 'mint',
  action: 'funding',
  legs: [
    { ownerId: SYSTEM_ACCOUNTS.issuer, asset: 'usd', amount: -amount, type: 'system' },
    { ownerId: userId, asset: 'usd', amount, type: 'mining' },
  ],
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The commit deadline these tests wait out (COMMIT_DEADLINE_MS; 5 s by default, as config.spec
 * asserts): shorter, so that each wait past it costs 2 s, not 5. COMMIT is sent only before 80 %
 * of it (1.6 s); PostgreSQL's own transaction_timeout is the whole of it.
 */
const DEADLINE_MS = 2000;

/** When an entry is stamped, and what may still commit (CONTRACT §8, time of an entry). */
describe.each(DATABASE_KINDS)('entry times on %s', (kind) => {
  let h: LedgerHarness;

  beforeAll(async () => {
    h = await openLedger(kind, undefined, { COMMIT_DEADLINE_MS: String(DEADLINE_MS) });
  });
  afterAll(async () => {
    await h?.close();
  });

  const createdAtOf = async (transactionId: string) =>
    Number((await h.db.query<{ created_at: string | number }>('SELECT created_at FROM ledger_transactions WHERE id = ?', [transactionId]))[0].created_at);
  const entriesOf = async (userId: string) =>
    (await h.db.query<{ n: string | number }>(`SELECT COUNT(*) AS n FROM ledger_entries e JOIN accounts a ON a.id = e.account_id WHERE a.owner_id = ?`, [userId]))[0].n;

  it("stamps entries by the database's clock (PostgreSQL) plus the test clock's offset, whatever this host's clock says", async () => {
    const realNow = Date.now;
    // This process's clock an hour ahead: on PostgreSQL the database's clock still stamps the
    // entry; SQLite runs in this process, so its clock is this process's.
    Date.now = () => realNow() + 3_600_000;
    h.clock.setOffset(60_000);
    let posted;
    const before = realNow();
    try {
      posted = await h.ledger.post(mint('stamped', 100n));
    } finally {
      Date.now = realNow;
      h.clock.setOffset(0);
    }
    const after = realNow();
    const at = await createdAtOf(posted.transactionId);
    const host = kind === 'postgres' ? 0 : 3_600_000;
    expect(at).toBeGreaterThanOrEqual(before + host + 60_000);
    expect(at).toBeLessThanOrEqual(after + host + 60_000);
  });

  it('never stamps an entry before the last one of its accounts, when the clock steps back', async () => {
    const first = await h.ledger.post(mint('monotonic', 100n));
    const firstAt = await createdAtOf(first.transactionId);
    h.clock.setOffset(-600_000);
    try {
      const second = await h.ledger.post(mint('monotonic', 100n));
      expect(await createdAtOf(second.transactionId)).toBe(firstAt);
    } finally {
      h.clock.setOffset(0);
    }
  });

  it('rolls back, as an outage, a transaction still open at its deadline after it began; the next one commits', async () => {
    const late = h.db.transaction(async (tx) => {
      await h.ledger.postIn(tx, mint('late', 100n));
      // Past the moment COMMIT may still be sent, before the server's own deadline: the process's check refuses it.
      await sleep(DEADLINE_MS * 0.9);
    });
    const outcome = await late.then(() => 'committed', (error: unknown) => (error instanceof DomainError ? error.code : String(error)));
    expect(outcome).toBe('unavailable');
    expect(Number(await entriesOf('late'))).toBe(0);
    await h.ledger.post(mint('late', 100n));
    expect(Number(await entriesOf('late'))).toBe(1);
  });

  it('leaves a transaction that stamps no entries (a purge, a bulk load) unbound by the deadline', async () => {
    await h.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO settings (name, value) VALUES ('long-maintenance', 'started')`);
      // Past the whole deadline: still unbound.
      await sleep(DEADLINE_MS + 200);
    });
    expect(await h.db.query(`SELECT value FROM settings WHERE name = 'long-maintenance'`)).toEqual([{ value: 'started' }]);
  });

  if (kind === 'postgres') {
    it('is ended by the server too (transaction_timeout) when the process stalls past the deadline', async () => {
      const answers: string[] = [];
      const stalled = h.db.transaction(async (tx) => {
        await h.ledger.postIn(tx, mint('stalled', 100n));
        await sleep(DEADLINE_MS + 600);
        // The server ended the transaction: this statement fails, whatever the process thinks.
        answers.push(await tx.query('SELECT 1').then(() => 'answered', (error: { code?: string; message?: string }) => error.code ?? error.message ?? 'failed'));
      });
      expect(await stalled.then(() => 'committed', (error: unknown) => (error instanceof DomainError ? error.code : String(error)))).toBe('unavailable');
      expect(answers.length).toBeGreaterThan(0);
      expect(answers.filter((answer) => answer === 'answered')).toEqual([]);
      expect(Number(await entriesOf('stalled'))).toBe(0);
    });
  }
});
