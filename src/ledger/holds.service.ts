import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { conflict, insufficientFunds, invalid, notFound } from '../common/errors.js';
import { Db, type Tx } from '../database/db.service.js';
import { LedgerService } from './ledger.service.js';
import { accountKey, type AccountState, type Hold, type HoldStatus } from './ledger.types.js';
import { SYSTEM_ACCOUNTS } from './system-accounts.js';
import { formatAmount } from '../common/money.js';
import { Outbox } from './events/outbox.js';
import { AssetRegistry } from './asset-registry.js';
import { LedgerStore } from './store/ledger.store.js';

/**
 * Holds reserve part of a user's balance. A hold is a reservation, not a movement: the funds
 * stay the user's (the backoffice's `amount` includes them) but leave the spendable balance, so
 * placing or releasing one writes no entries, only the account's `locked`. Capture is the
 * movement, posted through the ledger. Each hold ends exactly once: every end is a conditional
 * update from `pending`, made under the hold's row lock. Reads that may end in a refusal are
 * reads (the store's `find` and `lock`), so in a shared transaction a refused unit has not
 * written (and is refused alone).
 */
@Injectable()
export class HoldsService {
  constructor(
    private readonly db: Db,
    private readonly store: LedgerStore,
    private readonly ledger: LedgerService,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly assets: AssetRegistry,
  ) {}

  /** hold.placed, .captured (the amount captured), .released, .expired (the amount held), in the hold's transaction. */
  private event(tx: Tx, status: 'placed' | Exclude<HoldStatus, 'pending'>, hold: { id: string; userId: string; asset: string }, amount: bigint): Promise<void> {
    return this.outbox.append(tx, `hold.${status}`, { holdId: hold.id, userId: hold.userId, asset: hold.asset, amount: formatAmount(amount, this.assets.get(hold.asset).scale) });
  }

  place(input: { userId: string; asset: string; amount: bigint; reason: string; expiresAt: number | null }): Promise<Hold> {
    return this.db.transaction((tx) => this.placeIn(tx, input));
  }

  async placeIn(tx: Tx, input: { userId: string; asset: string; amount: bigint; reason: string; expiresAt: number | null }): Promise<Hold> {
    const now = this.clock.now();
    if (input.amount <= 0n) throw invalid('amount must be greater than zero');
    if (input.expiresAt !== null && input.expiresAt <= now) throw invalid('expiresAt must be in the future');
    // No account means nothing to hold: refused without opening one.
    const accounts = await this.store.accounts.find([{ ownerId: input.userId, asset: input.asset }], true);
    const account = accounts.get(accountKey(input.userId, input.asset));
    if (!account || account.balance - account.locked < input.amount) throw insufficientFunds(`Insufficient funds in ${input.asset}`);
    const updated = await this.store.accounts.moveLocked(tx, account, input.amount);
    const id = randomUUID();
    await this.store.holds.insert(tx, { id, accountId: account.id, asset: input.asset, amount: input.amount, reason: input.reason, expiresAt: input.expiresAt, createdAt: now });
    await this.event(tx, 'placed', { id, userId: input.userId, asset: input.asset }, input.amount);
    this.ledger.publishAfterCommit(tx, [updated]);
    return { id, userId: input.userId, asset: input.asset, amount: input.amount, captured: null, status: 'pending', reason: input.reason, expiresAt: input.expiresAt, createdAt: now, endedAt: null };
  }

  /** Captures all of a hold, or `amount` of it with the rest released, into the platform revenue. */
  capture(holdId: string, amount?: bigint): Promise<Hold> {
    return this.db.transaction(async (tx) => {
      const hold = await this.lockPending(holdId);
      const captured = amount ?? hold.amount;
      if (captured <= 0n) throw invalid('amount must be greater than zero');
      if (captured > hold.amount) throw invalid('amount must not exceed the held amount');
      if (hold.expiresAt !== null && hold.expiresAt <= this.clock.now()) throw conflict('Hold has expired');
      // Lock the revenue account with the user's, in the ledger's one order, before touching either.
      await this.unlock(tx, hold, { ownerId: SYSTEM_ACCOUNTS.revenue, asset: hold.asset });
      const posting = await this.ledger.postIn(tx, {
        kind: 'capture',
        action: 'holdCapture',
        metadata: { holdId, reason: hold.reason },
        legs: [
          { ownerId: hold.userId, asset: hold.asset, amount: -captured, type: 'spending' },
          { ownerId: SYSTEM_ACCOUNTS.revenue, asset: hold.asset, amount: captured, type: 'system' },
        ],
      });
      return this.end(tx, hold, 'captured', captured, posting.transactionId);
    });
  }

  release(holdId: string): Promise<Hold> {
    return this.db.transaction(async (tx) => {
      const hold = await this.lockPending(holdId);
      await this.unlock(tx, hold);
      return this.end(tx, hold, 'released', null, null);
    });
  }

  /** Releases holds whose expiry has passed, oldest first (several instances may run this at once). */
  async expireDue(limit = 100): Promise<number> {
    return this.db.transaction(async (tx) => {
      const due = await this.store.holds.lockDue(tx, this.clock.now(), limit);
      for (const hold of due) {
        await this.unlock(tx, hold);
        await this.end(tx, hold, 'expired', null, null);
      }
      return due.length;
    });
  }

  async get(holdId: string): Promise<Hold> {
    const hold = await this.store.holds.get(holdId);
    if (!hold) throw notFound(`Hold ${holdId} not found`);
    return hold;
  }

  listForUser(userId: string, status?: HoldStatus): Promise<Hold[]> {
    return this.store.holds.ofUser(userId, status);
  }

  private async lockPending(holdId: string): Promise<Hold> {
    const hold = await this.store.holds.lock(holdId);
    if (!hold) throw notFound(`Hold ${holdId} not found`);
    if (hold.status !== 'pending') throw conflict(`Hold is already ${hold.status}`);
    return hold;
  }

  /** Releases the hold's amount from `locked`; `alsoLock` is locked in the same statement. */
  private async unlock(tx: Tx, hold: Hold, alsoLock?: { ownerId: string; asset: string }): Promise<AccountState> {
    const pairs = [{ ownerId: hold.userId, asset: hold.asset }, ...(alsoLock ? [alsoLock] : [])];
    const accounts = await this.store.accounts.lock(tx, pairs, this.clock.now());
    const account = accounts.get(accountKey(hold.userId, hold.asset))!;
    const updated = await this.store.accounts.moveLocked(tx, account, -hold.amount);
    this.ledger.publishAfterCommit(tx, [updated]);
    return updated;
  }

  private async end(tx: Tx, hold: Hold, status: Exclude<HoldStatus, 'pending'>, captured: bigint | null, transactionId: string | null): Promise<Hold> {
    const now = this.clock.now();
    // Unreachable while the row lock (or SQLite's write lock) is held; kept as the last word.
    if (!(await this.store.holds.end(tx, hold.id, { status, captured, endedAt: now, transactionId }))) throw conflict('Hold has already ended');
    await this.event(tx, status, hold, captured ?? hold.amount);
    return { ...hold, status, captured, endedAt: now };
  }
}
