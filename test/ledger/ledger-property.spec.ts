import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError } from '../../src/common/errors.js';
import { SYSTEM_ACCOUNTS } from '../../src/ledger/system-accounts.js';
import { openLedger, type LedgerHarness } from '../support/ledger-harness.js';
import { Random, seedFromEnv } from '../support/random.js';
import { DATABASE_KINDS } from '../support/test-databases.js';

/**
 * Hundreds of random ledger operations (a new seed each run; `npm run soak -- --ops N` runs
 * millions), many of which must be refused, checked against a model after every step: balances
 * and locked funds equal the model, the invariants hold, and a refused operation changed nothing
 * at all. Replay a failure with LEDGER_PROPERTY_SEED.
 */
const OPERATIONS = Number(process.env.LEDGER_PROPERTY_OPS ?? 500);
/**
 * Steps between full checks (balances against the model, the ledger check, and for a refusal
 * that it changed nothing). 1 by default; long soaks check every few thousand steps and at the
 * end (a refused operation that wrote would still show in the balances against the model).
 */
const CHECK_EVERY = Number(process.env.LEDGER_PROPERTY_CHECK_EVERY ?? 1);
const USERS = ['u0', 'u1', 'u2', 'u3'];
const ASSETS = ['rents', 'eth', 'usd'];
const MAX: Record<string, bigint> = { rents: 10n ** 12n, eth: 10n ** 22n, usd: 10n ** 17n };

interface ModelAccount {
  balance: bigint;
  locked: bigint;
}
interface ModelHold {
  id: string;
  userId: string;
  asset: string;
  amount: bigint;
  ended: boolean;
}

describe.each(DATABASE_KINDS)('ledger properties on %s', (kind) => {
  let h: LedgerHarness;
  const seed = seedFromEnv('LEDGER_PROPERTY_SEED');

  beforeAll(async () => {
    h = await openLedger(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  it(`keeps every invariant through ${OPERATIONS} random operations (seed ${seed})`, async () => {
    const rnd = new Random(seed);
    const model = new Map<string, ModelAccount>();
    const acct = (owner: string, asset: string) => {
      const key = `${owner}/${asset}`;
      if (!model.has(key)) model.set(key, { balance: 0n, locked: 0n });
      return model.get(key)!;
    };
    const holds: ModelHold[] = [];
    const counts = { applied: 0, refused: 0, checks: 0 };
    process.stdout.write(`ledger properties on ${kind}: ${OPERATIONS} operations, LEDGER_PROPERTY_SEED=${seed}, full check every ${CHECK_EVERY}\n`);

    for (let step = 0; step < OPERATIONS; step++) {
      const asset = rnd.pick(ASSETS);
      const user = rnd.pick(USERS);
      const other = rnd.pick(USERS.filter((u) => u !== user));
      // Amounts sometimes zero, sometimes far beyond what anybody has.
      const amount = rnd.next() < 0.03 ? 0n : rnd.bigint(MAX[asset]);
      const spendable = (a: ModelAccount) => a.balance - a.locked;
      const kinds = ['credit', 'debit', 'transfer', 'transfer', 'hold', 'capture', 'release'] as const;
      const op = rnd.pick(kinds);
      let expectRefusal: string | null = null;
      let apply: () => Promise<unknown>;
      let onSuccess: (result: unknown) => void = () => undefined;

      switch (op) {
        case 'credit':
          if (amount === 0n) expectRefusal = 'invalid_request';
          apply = () => h.ledger.post({ kind: 'mint', action: 'test', legs: [
            { ownerId: SYSTEM_ACCOUNTS.issuer, asset, amount: -amount, type: 'system' },
            { ownerId: user, asset, amount, type: 'mining' },
          ] });
          onSuccess = () => { acct(SYSTEM_ACCOUNTS.issuer, asset).balance -= amount; acct(user, asset).balance += amount; };
          break;
        case 'debit':
          if (amount === 0n) expectRefusal = 'invalid_request';
          else if (amount > spendable(acct(user, asset))) expectRefusal = 'insufficient_funds';
          apply = () => h.ledger.post({ kind: 'burn', action: 'test', legs: [
            { ownerId: user, asset, amount: -amount, type: 'spending' },
            { ownerId: SYSTEM_ACCOUNTS.issuer, asset, amount, type: 'system' },
          ] });
          onSuccess = () => { acct(user, asset).balance -= amount; acct(SYSTEM_ACCOUNTS.issuer, asset).balance += amount; };
          break;
        case 'transfer':
          if (amount === 0n) expectRefusal = 'invalid_request';
          else if (amount > spendable(acct(user, asset))) expectRefusal = 'insufficient_funds';
          apply = () => h.ledger.post({ kind: 'transfer', action: 'donation', legs: [
            { ownerId: user, asset, amount: -amount, type: 'spending' },
            { ownerId: other, asset, amount, type: 'mining' },
          ] });
          onSuccess = () => { acct(user, asset).balance -= amount; acct(other, asset).balance += amount; };
          break;
        case 'hold':
          if (amount === 0n) expectRefusal = 'invalid_request';
          else if (amount > spendable(acct(user, asset))) expectRefusal = 'insufficient_funds';
          apply = () => h.holds.place({ userId: user, asset, amount, reason: 'test', expiresAt: null });
          onSuccess = (hold) => {
            acct(user, asset).locked += amount;
            holds.push({ id: (hold as { id: string }).id, userId: user, asset, amount, ended: false });
          };
          break;
        case 'capture':
        case 'release': {
          const hold = holds.length > 0 ? rnd.pick(holds) : null;
          const id = hold?.id ?? '00000000-0000-0000-0000-000000000000';
          const partial = hold && rnd.next() < 0.5 ? rnd.bigint(hold.amount + 2n) : null;
          if (!hold) expectRefusal = 'not_found';
          else if (hold.ended) expectRefusal = 'conflict';
          else if (op === 'capture' && partial !== null && (partial === 0n || partial > hold.amount)) expectRefusal = 'invalid_request';
          apply = () => (op === 'capture' ? h.holds.capture(id, partial ?? undefined) : h.holds.release(id));
          onSuccess = () => {
            const a = acct(hold!.userId, hold!.asset);
            a.locked -= hold!.amount;
            hold!.ended = true;
            if (op === 'capture') {
              const taken = partial ?? hold!.amount;
              a.balance -= taken;
              acct(SYSTEM_ACCOUNTS.revenue, hold!.asset).balance += taken;
            }
          };
          break;
        }
      }

      const checkNow = (step + 1) % CHECK_EVERY === 0 || step === OPERATIONS - 1;
      const before = expectRefusal && checkNow ? await snapshot(h) : null;
      let error: unknown = null;
      let result: unknown;
      try {
        result = await apply!();
      } catch (e) {
        error = e;
      }
      const context = `step ${step} (${op} ${amount} ${asset}, seed ${seed})`;
      if (expectRefusal) {
        expect({ context, code: error instanceof DomainError ? error.code : String(error) }).toEqual({ context, code: expectRefusal });
        if (before) expect({ context, state: await snapshot(h) }).toEqual({ context, state: before });
        counts.refused++;
      } else {
        if (error) throw new Error(`${context}: unexpected ${String(error)}`);
        onSuccess(result);
        counts.applied++;
      }

      if (!checkNow) continue;
      counts.checks++;
      const accounts = await h.db.query<{ owner_id: string; asset: string; balance: string; locked: string }>(
        'SELECT owner_id, asset, balance, locked FROM accounts',
      );
      const actual = Object.fromEntries(accounts.map((r) => [`${r.owner_id}/${r.asset}`, `${r.balance}/${r.locked}`]));
      const expected = Object.fromEntries([...model].filter(([k]) => k in actual || model.get(k)!.balance !== 0n).map(([k, v]) => [k, `${v.balance}/${v.locked}`]));
      expect({ context, accounts: actual }).toEqual({ context, accounts: { ...actual, ...expected } });
      const report = await h.check.run();
      expect({ context, failures: report.failures }).toEqual({ context, failures: [] });
    }
    process.stdout.write(
      `ledger properties on ${kind}: figures operations=${OPERATIONS} applied=${counts.applied} refused=${counts.refused} full-checks=${counts.checks} invariant-breaks=0 (LEDGER_PROPERTY_SEED=${seed})\n`,
    );
    // The run must have exercised both outcomes substantially.
    expect(counts.applied).toBeGreaterThan(OPERATIONS / 4);
    expect(counts.refused).toBeGreaterThan(OPERATIONS / 10);
  }, 120_000 + OPERATIONS * 20);
});

/** Everything a refused operation must leave untouched. */
async function snapshot(h: LedgerHarness) {
  return {
    accounts: await h.db.query('SELECT id, owner_id, asset, balance, locked FROM accounts ORDER BY id'),
    holds: await h.db.query('SELECT id, status, captured FROM holds ORDER BY id'),
    transactions: await h.db.query('SELECT COUNT(*) AS n FROM ledger_transactions'),
    entries: await h.db.query('SELECT COUNT(*) AS n FROM ledger_entries'),
    totals: await h.db.query('SELECT account_id, type, action, total FROM account_totals ORDER BY account_id, type, action'),
  };
}
