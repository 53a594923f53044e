import { Injectable } from '@nestjs/common';
import type { UserFreeze } from '../auth/users.service.js';
import { AccountFrozenError } from '../common/errors.js';
import { Clock } from '../common/clock.js';
import type { Tx } from '../database/db.service.js';
import type { FreezeScope, Leg } from './ledger.types.js';
import { Outbox } from './events/outbox.js';
import { LedgerStore } from './store/ledger.store.js';

/** The owners whose freeze a posting must respect. */
export const freezeOwnersOf = (legs: readonly Leg[]): string[] => [...new Set(legs.filter((leg) => leg.respectsFreeze).map((leg) => leg.ownerId))];

/**
 * Refuses a posting when a leg that respects freezes moves a frozen user's money the wrong way:
 * `debits` refuses money leaving, `all` any movement. The scopes are read inside the posting's
 * transaction after its accounts are locked (PostingBuffer.freezesOf), so a freeze committed
 * before the posting commits always stops it, and one that commits later never finds it half done.
 */
export function refuseFrozenMovements(scopes: ReadonlyMap<string, FreezeScope | null>, legs: readonly Leg[]): void {
  for (const leg of legs) {
    if (!leg.respectsFreeze) continue;
    const scope = scopes.get(leg.ownerId);
    if (scope === 'all' || (scope === 'debits' && leg.amount < 0n)) throw new AccountFrozenError(leg.ownerId);
  }
}

/** Operators' freezes of users (stored on the user's row, read by the ledger as above). */
@Injectable()
export class FreezesService {
  constructor(
    private readonly clock: Clock,
    private readonly store: LedgerStore,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Freezes a user, or changes the scope and reason of a freeze (which keeps its `since`). Locks
   * the user's row FOR UPDATE first: postings of this user in flight finish before. Null: no such user.
   */
  async freeze(tx: Tx, userId: string, input: { scope: UserFreeze['scope']; reason: string; by: string }): Promise<UserFreeze | null> {
    const current = await this.store.freezes.lock(tx, userId);
    if (!current) return null;
    const since = current.since ?? this.clock.now();
    await this.store.freezes.set(tx, userId, { ...input, since });
    await this.outbox.append(tx, 'user.frozen', { userId, scope: input.scope, reason: input.reason });
    return { scope: input.scope, reason: input.reason, since, by: input.by };
  }

  /** Lifts a user's freeze. Null: no such user; false: the user was not frozen. */
  async unfreeze(tx: Tx, userId: string): Promise<boolean | null> {
    const current = await this.store.freezes.lock(tx, userId);
    if (!current) return null;
    if (current.since === null) return false;
    await this.store.freezes.clear(tx, userId);
    await this.outbox.append(tx, 'user.unfrozen', { userId });
    return true;
  }
}
