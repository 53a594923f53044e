import { IdempotencyConflictError, invalid } from '../common/errors.js';
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { answerTakenKey } from '../database/retry-policy.js';
import { Db, type Reader, type Tx } from '../database/db.service.js';
import { sharedTxOf } from '../database/shared-tx.js';
import { AssetRegistry } from './asset-registry.js';
import { MetricsService } from '../observability/metrics.service.js';
import { LedgerEvents } from './ledger-events.js';
import { accountKey, type AccountState, type AssetSums, type BalanceChange, type PostingRequest, type PostingResult, type Totals, type UserAndBalance } from './ledger.types.js';
import { PostingBuffer, TransactionIds, type HeldAccount } from './store/posting-buffer.js';
import { addToTotals, entryRows, planPosting, requireStorable, totalsDeltas } from './posting-plan.js';
import type { BalanceSnapshot } from './balance-view.js';
import { isSystemOwner } from './system-accounts.js';
import { freezeOwnersOf, refuseFrozenMovements } from './freezes.js';
import { Outbox } from './events/outbox.js';
import { transactionCommittedEvent } from './transaction-event.js';
import { LedgerStore } from './store/ledger.store.js';

/**
 * The only writer of money. Every movement is one transaction of entries that sum to zero per
 * asset; each entry records the balance after it; account rows and running totals are updated
 * in the same database transaction; listeners hear of it only after COMMIT.
 */
@Injectable()
export class LedgerService {
  /** Balance changes of each open transaction, published once it commits. */
  private readonly pendingChanges = new WeakMap<Tx, Map<string, BalanceChange>>();
  private readonly transactionIds = new TransactionIds();
  /** Creates a PostingBuffer (for a shared transaction, also the key its participant is found by). */
  private readonly newBuffer = (reader: Reader) => new PostingBuffer(reader, this.transactionIds);

  constructor(
    private readonly db: Db,
    private readonly store: LedgerStore,
    private readonly assets: AssetRegistry,
    private readonly events: LedgerEvents,
    private readonly clock: Clock,
    private readonly metrics: MetricsService,
    private readonly outbox: Outbox,
  ) {}

  /** Posts in a transaction of its own. */
  async post(request: PostingRequest): Promise<PostingResult> {
    const once = () => this.db.transaction((tx) => this.postIn(tx, request));
    // Two first attempts with one posting key racing (PostgreSQL): the loser hits the unique
    // index instead of seeing the winner's row. Once more, it sees the row and replays.
    return request.postingKey ? answerTakenKey(once, once) : once();
  }

  /**
   * Posts inside the caller's transaction (so other writes can commit or roll back with it).
   * One path on every transaction: lock and read the accounts, plan against them, stage, write.
   * In a transaction shared by a group commit the batch's PostingBuffer holds the
   * posting back and writes it with the batch; in a transaction of the unit's own, a buffer for
   * this posting writes it at once. Accounts that do not exist yet are checked as empty first,
   * so a refusal never creates one.
   */
  async postIn(tx: Tx, request: PostingRequest): Promise<PostingResult> {
    this.validate(request);
    // It stamps entries: it commits within the deadline or not at all (see commit-deadline.ts).
    tx.armCommitDeadline();
    const shared = sharedTxOf(tx);
    const buffer = shared ? shared.participant(this.newBuffer) : this.newBuffer(tx);
    const freezeOwners = freezeOwnersOf(request.legs);
    await shared?.turn(() => buffer.want(request.legs, freezeOwners));
    const now = this.clock.now();
    if (request.postingKey) {
      const existing = await buffer.findPosted(request.postingKey);
      if (existing) return this.replay(request, existing.id, existing.requestHash);
    }
    const plan = (held: Map<string, HeldAccount>) => {
      const before = new Map<string, AccountState>();
      for (const leg of request.legs) {
        const key = accountKey(leg.ownerId, leg.asset);
        before.set(key, held.get(key)?.state ?? { id: 0, ownerId: leg.ownerId, asset: leg.asset, balance: 0n, locked: 0n, seq: 0 });
      }
      return planPosting(request, before);
    };
    let held = await buffer.lock(request.legs);
    // Under the accounts' locks, before any account is created: a refusal writes nothing.
    if (freezeOwners.length > 0) refuseFrozenMovements(await buffer.freezesOf(freezeOwners), request.legs);
    let planned = plan(held);
    const missing = [...planned.after.values()].filter((a) => !held.has(accountKey(a.ownerId, a.asset)));
    if (missing.length > 0) {
      await this.store.accounts.create(tx, missing, now);
      held = await buffer.lock(request.legs);
      planned = plan(held);
    }
    const { after, changed } = planned;
    const transactionId = await buffer.nextTransactionId();
    tx.afterCommit(() => buffer.committed());
    const createdAt = entryTime(this.clock.now() + buffer.clockSkew, after, held);

    // The held accounts after this posting: new balances, new last entry time, and new totals where they moved.
    const next = new Map<string, HeldAccount>();
    for (const [key, account] of after) next.set(key, { ...held.get(key)!, state: account, lastEntryAt: createdAt });
    const keyOf = new Map([...after].map(([key, account]) => [account.id, key]));
    const totalsRows = totalsDeltas(request, after).map(({ accountId, type, action, amount }) => {
      const key = keyOf.get(accountId)!;
      const current = next.get(key) ?? held.get(key)!;
      const totals = addToTotals(current.totals, type, action, amount);
      requireStorable(totals[type][action], current.state.asset);
      next.set(key, { ...current, totals });
      return { accountId, type, action, total: totals[type][action] };
    });
    const transaction = { id: transactionId, kind: request.kind, action: request.action, metadata: JSON.stringify(request.metadata ?? {}), postingKey: request.postingKey, createdAt, reverses: request.reverses };
    const entries = entryRows(request, planned);
    buffer.stage({ transaction, entries, accounts: [...next.values()], totals: totalsRows, event: transactionCommittedEvent(this.assets, transaction, request.legs, entries) });
    if (!shared) await buffer.write();
    const totals = new Map(totalsRows.map((t) => [t.accountId, next.get(keyOf.get(t.accountId)!)!.totals]));
    return this.posted(tx, request, transactionId, after, changed, totals, createdAt);
  }

  private replay(request: PostingRequest, transactionId: string, requestHash: string | null): PostingResult {
    if (requestHash !== request.postingKey!.requestHash) throw new IdempotencyConflictError();
    return { transactionId, replayed: true, accounts: [] };
  }

  private posted(tx: Tx, request: PostingRequest, transactionId: string, after: Map<string, AccountState>, changed: AccountState[], totals: Map<number, Totals>, now: number): PostingResult {
    this.publishAfterCommit(tx, changed, totals);
    this.publishTransactionAfterCommit(tx, request, transactionId, now);
    tx.afterCommit(() => this.metrics.transactionCommitted(request.kind));
    this.outbox.sequenceAfterCommit(tx);
    return { transactionId, replayed: false, accounts: [...after.values()] };
  }

  /** An owner's account in `asset` ({0, 0} when it has none yet). O(1): one indexed row. */
  async balanceOf(ownerId: string, asset: string): Promise<{ balance: bigint; locked: bigint }> {
    const account = (await this.store.accounts.find([{ ownerId, asset }])).get(accountKey(ownerId, asset));
    return account ? { balance: account.balance, locked: account.locked } : { balance: 0n, locked: 0n };
  }

  /**
   * Each owner's account in `asset` as one snapshot (balance, locked, sequence, totals); an owner
   * without one gets an empty one.
   */
  snapshotsOf(ownerIds: readonly string[], asset: string): Promise<Map<string, BalanceSnapshot>> {
    return this.store.balances.snapshots(ownerIds, asset);
  }

  /** All accounts of these owners, ordered by owner then asset. */
  accountsOf(ownerIds: readonly string[]): Promise<AccountState[]> {
    return this.store.balances.ofOwners(ownerIds);
  }

  /** Per asset, what users hold (system accounts left out), summed exactly; an asset nobody holds is absent. */
  userSumsByAsset(): Promise<Map<string, AssetSums>> {
    return this.store.balances.userSums();
  }

  /**
   * The users with these usernames (the oldest, where several share one) with their spendable
   * balance in `asset` (balance less locked; zero without an account), in one statement.
   */
  spendableByUsername(usernames: readonly string[], asset: string): Promise<Map<string, UserAndBalance>> {
    return this.store.balances.usersWithSpendable(usernames, asset);
  }

  /**
   * Publishes committed user balance changes (also used by holds, which move `locked`). Within
   * one transaction only the last state of each account is published, once, after the commit.
   */
  publishAfterCommit(tx: Tx, accounts: readonly AccountState[], totals?: Map<number, Totals>): void {
    let pending = this.pendingChanges.get(tx);
    for (const a of accounts) {
      if (isSystemOwner(a.ownerId)) continue;
      if (!pending) {
        const changes = new Map<string, BalanceChange>();
        pending = changes;
        this.pendingChanges.set(tx, changes);
        tx.afterCommit(() => this.events.publish([...changes.values()]));
      }
      const previous = pending.get(accountKey(a.ownerId, a.asset));
      pending.set(accountKey(a.ownerId, a.asset), {
        userId: a.ownerId,
        asset: a.asset,
        balance: a.balance,
        locked: a.locked,
        seq: a.seq,
        // Totals read by an earlier posting in this transaction are stale once another posts.
        totals: totals?.get(a.id) ?? (previous && !totals ? previous.totals : undefined),
      });
    }
  }

  /** The committed transaction itself (its user entries), for the operators' live feed. */
  private publishTransactionAfterCommit(tx: Tx, request: PostingRequest, transactionId: string, now: number): void {
    if (!this.events.hasTransactionListeners) return;
    const entries = request.legs
      .filter((leg) => !isSystemOwner(leg.ownerId))
      .map((leg) => ({ userId: leg.ownerId, asset: leg.asset, amount: leg.amount, type: leg.type }));
    if (entries.length === 0) return;
    tx.afterCommit(() => this.events.publishTransaction({ transactionId, kind: request.kind, action: request.action, createdAt: now, entries }));
  }

  private validate(request: PostingRequest): void {
    if (request.legs.length < 2) throw invalid('A transaction needs at least two entries');
    const sums = new Map<string, bigint>();
    for (const leg of request.legs) {
      this.assets.get(leg.asset);
      if (leg.amount === 0n) throw invalid('amount must not be zero');
      sums.set(leg.asset, (sums.get(leg.asset) ?? 0n) + leg.amount);
    }
    for (const [asset, sum] of sums) {
      if (sum !== 0n) throw new Error(`Unbalanced posting in ${asset}: entries sum to ${sum}`);
    }
  }
}

/**
 * A transaction's time: now by the database's clock (PostgreSQL; see PostingBuffer.clockSkew)
 * plus the test clock's offset, taken while its accounts are locked, but never earlier than the
 * last entry of any of them (a clock stepping back, another instance's clock ahead, or a posting
 * staged earlier in the same batch), so each account's entries are in time order and a balance
 * at an instant is one index lookup.
 */
function entryTime(now: number, accounts: ReadonlyMap<string, AccountState>, held: ReadonlyMap<string, HeldAccount>): number {
  let at = now;
  for (const key of accounts.keys()) at = Math.max(at, held.get(key)?.lastEntryAt ?? 0);
  return at;
}
