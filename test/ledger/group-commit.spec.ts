import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError } from '../../src/common/errors.js';
import type { Tx } from '../../src/database/db.service.js';
import { sharedTxOf } from '../../src/database/shared-tx.js';
import type { TxParticipant } from '../../src/database/tx-participant.js';
import type { Statement } from '../../src/database/tx.js';
import type { BalanceChange, PostingRequest, PostingResult } from '../../src/ledger/ledger.types.js';
import { SYSTEM_ACCOUNTS } from '../../src/ledger/system-accounts.js';
import { openLedger, type LedgerHarness } from '../support/ledger-harness.js';
import { Random, seedFromEnv } from '../support/random.js';
import { DATABASE_KINDS } from '../support/test-databases.js';

/**
 * Units of work fired together, so they share commits (group commit on both databases; on
 * PostgreSQL the ledger also holds its writes back and writes each batch at once). Units take
 * their turns in arrival order, so every outcome must equal a model applying the same units one
 * by one in that order: each transfer checked against the balances the earlier ones left, each
 * refusal changing nothing, a unit that fails after posting undoing its postings alone. After
 * each wave, balances, each entry's balance_after and the running totals agree with the entries.
 * Replay a failure with GROUP_COMMIT_SEED.
 */
const WAVES = 4;
const UNITS_PER_WAVE = 200;
const USERS = ['g0', 'g1', 'g2', 'g3', 'g4'];
const ASSET = 'rents';
const { issuer } = SYSTEM_ACCOUNTS;

const transfer = (from: string, to: string, amount: bigint): PostingRequest => ({
  kind: 'transfer',
  action: 'donation',
  legs: [
    { ownerId: from, asset: ASSET, amount: -amount, type: 'spending' },
    { ownerId: to, asset: ASSET, amount, type: 'mining' },
  ],
});

type Outcome = { ok: true; balances: Record<string, bigint | undefined> } | { ok: false; code: string };
const lastOwners = (requests: PostingRequest[]) => requests[requests.length - 1].legs.map((l) => l.ownerId);

describe.each(DATABASE_KINDS)('group commit on %s', (kind) => {
  let h: LedgerHarness;
  const seed = seedFromEnv('GROUP_COMMIT_SEED');
  const model = new Map<string, bigint>();
  const published = new Map<string, bigint>();

  const balanceOf = (owner: string) => model.get(owner) ?? 0n;
  /** Applies legs to a copy of the model; null when one would overdraw (only the issuer may). */
  const applied = (state: Map<string, bigint>, request: PostingRequest): Map<string, bigint> | null => {
    const next = new Map(state);
    for (const leg of request.legs) next.set(leg.ownerId, (next.get(leg.ownerId) ?? 0n) + leg.amount);
    return request.legs.some((leg) => leg.ownerId !== issuer && next.get(leg.ownerId)! < 0n) ? null : next;
  };

  const fundEveryone = async (amount: bigint) => {
    for (const user of USERS) {
      await h.ledger.post(transfer(issuer, user, amount));
      model.set(user, balanceOf(user) + amount);
      model.set(issuer, balanceOf(issuer) - amount);
    }
  };

  beforeAll(async () => {
    h = await openLedger(kind);
    h.events.subscribe((changes: readonly BalanceChange[]) => changes.forEach((c) => published.set(c.userId, c.balance)));
    for (const user of USERS) {
      await h.ledger.post({ kind: 'mint', action: 'funding', legs: [
        { ownerId: issuer, asset: ASSET, amount: -1000n, type: 'system' },
        { ownerId: user, asset: ASSET, amount: 1000n, type: 'mining' },
      ] });
      model.set(user, 1000n);
    }
    model.set(issuer, -5000n);
  });
  afterAll(async () => {
    await h?.close();
  });

  it(`gives every unit the outcome of running alone, in order (seed ${seed})`, async () => {
    const rnd = new Random(seed);
    let fresh = 0;
    for (let wave = 0; wave < WAVES; wave++) {
      const expected: Outcome[] = [];
      const units: Array<() => Promise<PostingResult>> = [];
      for (let i = 0; i < UNITS_PER_WAVE; i++) {
        const from = rnd.pick(USERS);
        // Now and then a recipient with no account yet: the posting opens it.
        // (Opening an account is a write of its own, so such a unit is kept a plain transfer.)
        const opens = rnd.next() < 0.05;
        const to = opens ? `g-new-${wave}-${fresh++}` : rnd.pick(USERS.filter((u) => u !== from));
        const amount = BigInt(rnd.int(1, 700));
        const shape = opens ? 'transfer' : rnd.pick(['transfer', 'transfer', 'transfer', 'two', 'failsAfter'] as const);
        const first = transfer(from, to, amount);
        const second = transfer(to, rnd.pick(USERS.filter((u) => u !== to)), BigInt(rnd.int(1, 1500)));
        const requests = shape === 'two' ? [first, second] : [first];
        let state: Map<string, bigint> | null = model;
        for (const request of requests) state = state && applied(state, request);
        if (shape === 'failsAfter') expected.push({ ok: false, code: state ? 'changed its mind' : 'insufficient_funds' });
        else if (!state) expected.push({ ok: false, code: 'insufficient_funds' });
        else {
          // A unit answers with the accounts of its last posting.
          expected.push({ ok: true, balances: Object.fromEntries(lastOwners(requests).map((o) => [o, state!.get(o)!])) });
          for (const [owner, balance] of state) model.set(owner, balance);
        }
        units.push(() =>
          h.db.transaction(async (tx: Tx) => {
            let result!: PostingResult;
            for (const request of requests) result = await h.ledger.postIn(tx, request);
            if (shape === 'failsAfter') throw new Error('changed its mind');
            return result;
          }),
        );
      }
      // All fired in one tick: they queue together and share commits.
      const settled = await Promise.allSettled(units.map((unit) => unit()));
      const outcomes: Outcome[] = settled.map((s, i) => {
        if (s.status === 'rejected') return { ok: false, code: s.reason instanceof DomainError ? s.reason.code : (s.reason as Error).message };
        const owners = Object.keys((expected[i] as { balances?: object }).balances ?? {});
        return { ok: true, balances: Object.fromEntries(owners.map((o) => [o, s.value.accounts.find((a) => a.ownerId === o)?.balance])) };
      });
      expect(printable(outcomes.map((o, i) => ({ i, ...o })))).toEqual(printable(expected.map((o, i) => ({ i, ...o }))));
      await expectStored(h, model);
    }
    // Whoever heard of a change last heard the final balance.
    for (const [user, balance] of published) expect({ user, balance: String(balance) }).toEqual({ user, balance: String(balanceOf(user)) });
  });

  it('keeps running totals exact when batches overlap on the same accounts', async () => {
    // Staggered so that each batch starts while the one before still writes and commits.
    await h.ledger.post(transfer(issuer, 'g0', 200n));
    model.set('g0', balanceOf('g0') + 200n);
    model.set(issuer, balanceOf(issuer) - 200n);
    const posts: Array<Promise<boolean>> = [];
    for (let i = 0; i < 200; i++) {
      posts.push(h.ledger.post(transfer('g0', 'g1', 1n)).then(() => true));
      await new Promise((resolve) => setImmediate(resolve));
      if (i % 3 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(await Promise.all(posts)).toEqual(posts.map(() => true));
    model.set('g0', balanceOf('g0') - 200n);
    model.set('g1', balanceOf('g1') + 200n);
    await expectStored(h, model);
  });

  // A participant's held-back write that fails: the batch cannot commit, through no unit's fault.
  // Refused by the server (before the ledger's write, or as the last write, sent in one message
  // with COMMIT), refused before it was sent, or refused by the driver as it binds a value (then
  // COMMIT must not go out behind it, nor with it).
  it.each<[string, Statement, 'first' | 'last']>([
    ['refused by the server', { sql: 'INSERT INTO no_such_table VALUES (1)', params: [] }, 'first'],
    ['refused by the server, sent with COMMIT', { sql: 'INSERT INTO no_such_table VALUES (1)', params: [] }, 'last'],
    ['refused before it is sent', { sql: 'SELECT ? AS never_sent', params: ['nul \u0000'] }, 'first'],
    // The driver cannot serialize the value (a BigInt inside JSON) as it binds: nothing reaches the server.
    ['refused by the driver as it binds', { sql: 'SELECT ?::json AS never_sent', params: [{ n: 1n }] }, 'first'],
    ['refused by the driver as it binds, with COMMIT', { sql: 'SELECT ?::json AS never_sent', params: [{ n: 1n }] }, 'last'],
  ])('runs every unit again alone when the batch fails as a whole: its write %s', async (_case, write, order) => {
    let handedOver = 0;
    const failingWrites = (): TxParticipant => ({
      mark: () => 0,
      stagedSince: () => false,
      rollbackTo: () => undefined,
      takeWrites: () => {
        handedOver++;
        return [write];
      },
    });
    // Run alone, the units race each other in no order: everyone can pay whatever comes first.
    await fundEveryone(1_000n);
    const count = async () => Number((await h.db.query<{ n: string | number }>('SELECT COUNT(*) AS n FROM ledger_transactions'))[0].n);
    const before = await count();
    // Different amounts round the ring, so a batch committed twice or not at all shows in the balances.
    const units = USERS.map((from, i) => {
      const to = USERS[(i + 1) % USERS.length];
      const amount = BigInt(i + 1);
      model.set(from, balanceOf(from) - amount);
      model.set(to, balanceOf(to) + amount);
      return h.db.transaction(async (tx: Tx) => {
        // Only a shared transaction has participants; run alone, this unit just transfers. Writes
        // are handed over in the order the participants joined.
        if (i === 0 && order === 'first') sharedTxOf(tx)?.participant(failingWrites);
        const posted = await h.ledger.postIn(tx, transfer(from, to, amount));
        if (i === 0 && order === 'last') sharedTxOf(tx)?.participant(failingWrites);
        return posted;
      });
    });
    const results = await Promise.all(units);
    expect(results.every((r) => !r.replayed)).toBe(true);
    expect(await count()).toBe(before + USERS.length);
    if (kind === 'postgres') expect(handedOver).toBe(1);
    await expectStored(h, model);
  });

  // A client's bad value (a NUL in a text) is refused before it reaches the database: the request
  // fails alone, and the batch it shared is neither rolled back nor run again.
  it('refuses a value before it runs, failing only its own unit, and runs nobody twice', async () => {
    await fundEveryone(1_000n);
    let runs = 0;
    const units = USERS.map((from, i) => {
      const to = USERS[(i + 1) % USERS.length];
      model.set(from, balanceOf(from) - 1n);
      model.set(to, balanceOf(to) + 1n);
      return h.db.transaction(async (tx: Tx) => {
        runs++;
        return h.ledger.postIn(tx, transfer(from, to, 1n));
      });
    });
    const badRead = h.db.read((reader) => reader.query('SELECT id FROM users WHERE id = ?', ['nul \u0000']));
    const badWrite = h.db.transaction((tx: Tx) => tx.query('UPDATE users SET email = ? WHERE id = ?', ['nul \u0000', USERS[0]]));
    const settled = await Promise.allSettled([badRead, badWrite]);
    expect(settled.map((s) => s.status === 'rejected' && (s.reason as DomainError).code)).toEqual(['invalid_request', 'invalid_request']);
    expect((await Promise.all(units)).every((r) => !r.replayed)).toBe(true);
    expect(runs).toBe(USERS.length);
    await expectStored(h, model);
  });

  it('undoes a unit that fails after writing, and nobody else', async () => {
    const rnd = new Random(seed + 1);
    await fundEveryone(10_000n);
    const before = new Map(model);
    const units = Array.from({ length: 120 }, (_, i) => {
      const from = rnd.pick(USERS);
      const to = rnd.pick(USERS.filter((u) => u !== from));
      const amount = BigInt(rnd.int(1, 400));
      if (i % 10 === 3) {
        // Writes straight to the database, then fails: the batch holding it must undo it.
        return h.db.transaction(async (tx: Tx) => {
          await h.ledger.postIn(tx, transfer(issuer, to, amount));
          await tx.query(`INSERT INTO users (id, roles, created_at, updated_at) VALUES (?, '[]', 0, 0)`, [`gone-${i}`]);
          throw new Error('failed after writing');
        });
      }
      if (i % 10 === 7) return h.db.transaction((tx: Tx) => tx.query('SELECT * FROM no_such_table'));
      return h.ledger.post(transfer(from, to, amount)).then(() => ({ from, to, amount }));
    });
    const settled = await Promise.allSettled(units);
    let refused = 0;
    for (const [i, s] of settled.entries()) {
      if (i % 10 === 3) expect(s.status === 'rejected' && (s.reason as Error).message).toBe('failed after writing');
      else if (i % 10 === 7) expect(s.status).toBe('rejected');
      else if (s.status === 'rejected') {
        expect((s.reason as DomainError).code).toBe('insufficient_funds');
        refused++;
      } else {
        const { from, to, amount } = s.value as { from: string; to: string; amount: bigint };
        model.set(from, balanceOf(from) - amount);
        model.set(to, balanceOf(to) + amount);
      }
    }
    // Each holds far more than the 96 transfers of at most 400 can take.
    expect(refused).toBe(0);
    expect(await h.db.query(`SELECT id FROM users WHERE id LIKE 'gone-%'`)).toEqual([]);
    expect([...model].filter(([owner]) => owner !== issuer).every(([, balance]) => balance >= 0n)).toBe(true);
    expect([...model.values()].reduce((a, b) => a + b, 0n)).toBe([...before.values()].reduce((a, b) => a + b, 0n));
    await expectStored(h, model);
  });
});

/** Bigints as strings: a failure report must cross from Jest's worker to its parent as JSON. */
function printable<T>(value: T): unknown {
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}

/** Stored balances equal the model; each account's entries chain (every balance_after is the running sum); invariants hold. */
async function expectStored(h: LedgerHarness, model: Map<string, bigint>): Promise<void> {
  const rows = await h.db.query<{ owner_id: string; balance: string }>(`SELECT owner_id, balance FROM accounts WHERE asset = ?`, [ASSET]);
  expect(Object.fromEntries(rows.map((r) => [r.owner_id, String(BigInt(r.balance))]))).toEqual(printable(Object.fromEntries(model)));
  const entries = await h.db.query<{ account_id: string | number; amount: string; balance_after: string }>(
    'SELECT account_id, amount, balance_after FROM ledger_entries ORDER BY id',
  );
  const running = new Map<string, bigint>();
  const broken = entries.filter((e) => {
    const sum = (running.get(String(e.account_id)) ?? 0n) + BigInt(e.amount);
    running.set(String(e.account_id), sum);
    return sum !== BigInt(e.balance_after);
  });
  expect(printable(broken)).toEqual([]);
  // Running totals equal what the entries say, per user account, type and action.
  const sums = new Map<string, bigint>();
  for (const e of await h.db.query<{ account_id: string | number; type: string; action: string; amount: string }>(
    `SELECT e.account_id, e.type, e.action, e.amount FROM ledger_entries e JOIN accounts a ON a.id = e.account_id
     WHERE a.owner_kind = 'user' AND e.type IN ('mining', 'spending', 'buying')`,
  )) {
    const key = `${e.account_id}/${e.type}/${e.action}`;
    const amount = BigInt(e.amount);
    sums.set(key, (sums.get(key) ?? 0n) + (amount < 0n ? -amount : amount));
  }
  const totals = await h.db.query<{ account_id: string | number; type: string; action: string; total: string }>('SELECT account_id, type, action, total FROM account_totals');
  expect(Object.fromEntries(totals.map((t) => [`${t.account_id}/${t.type}/${t.action}`, String(BigInt(t.total))]))).toEqual(printable(Object.fromEntries(sums)));
  expect((await h.check.run()).failures).toEqual([]);
}
