import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError } from '../../src/common/errors.js';
import { parseAmount } from '../../src/common/money.js';
import { SYSTEM_ACCOUNTS } from '../../src/ledger/system-accounts.js';
import { openLedger, type LedgerHarness } from '../support/ledger-harness.js';
import { Random, seedFromEnv } from '../support/random.js';

/**
 * Hundreds of parallel transfers among a few PostgreSQL accounts, asking for far more than
 * exists: row locks in a fixed order must leave no negative balance, no lost update and no
 * deadlock, and exactly the acknowledged transfers recorded.
 */
describe('ledger concurrency on postgres', () => {
  let h: LedgerHarness;
  const users = ['alice', 'bob', 'carol', 'dave', 'erin'];
  const funding = parseAmount('100', 8);

  beforeAll(async () => {
    h = await openLedger('postgres', 40);
    for (const user of users) {
      await h.ledger.post({ kind: 'mint', action: 'funding', legs: [
        { ownerId: SYSTEM_ACCOUNTS.issuer, asset: 'rents', amount: -funding, type: 'system' },
        { ownerId: user, asset: 'rents', amount: funding, type: 'mining' },
      ] });
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  it('settles 600 racing transfers without overdraft, loss or deadlock', async () => {
    const rnd = new Random(seedFromEnv('LEDGER_HAMMER_SEED'));
    const attempts = Array.from({ length: 600 }, () => {
      const from = rnd.pick(users);
      const to = rnd.pick(users.filter((u) => u !== from));
      const amount = parseAmount(String(rnd.int(1, 60)), 8);
      return { from, to, amount };
    });
    const outcomes = await Promise.all(
      attempts.map(async ({ from, to, amount }) => {
        try {
          await h.ledger.post({ kind: 'transfer', action: 'donation', legs: [
            { ownerId: from, asset: 'rents', amount: -amount, type: 'spending' },
            { ownerId: to, asset: 'rents', amount, type: 'mining' },
          ] });
          return 'ok';
        } catch (error) {
          if (error instanceof DomainError && error.code === 'insufficient_funds') return 'refused';
          throw error;
        }
      }),
    );
    const successes = outcomes.filter((o) => o === 'ok').length;
    const refused = outcomes.filter((o) => o === 'refused').length;
    expect(successes + refused).toBe(attempts.length);
    expect(successes).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(0);

    const [{ n }] = await h.db.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ledger_transactions WHERE kind = 'transfer'`);
    expect(Number(n)).toBe(successes);
    const balances = await h.db.query<{ owner_id: string; balance: string }>(
      `SELECT owner_id, balance FROM accounts WHERE asset = 'rents' AND owner_kind = 'user'`,
    );
    expect(balances.every((b) => BigInt(b.balance) >= 0n)).toBe(true);
    expect(balances.reduce((sum, b) => sum + BigInt(b.balance), 0n)).toBe(funding * BigInt(users.length));
    const report = await h.check.run();
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
