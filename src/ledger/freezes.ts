import { Injectable } from '@nestjs/common';
import type { UserFreeze } from '../auth/users.service.js';
import { AccountFrozenError } from '../common/errors.js';
import { Clock } from '../common/clock.js';
import type { Tx } from '../database/db.service.js';
import type { Dialect } from '../database/dialect.js';
import { sharedTxOf } from '../database/shared-tx.js';
import { forUpdate } from '../database/sql-dialect.js';
import type { Statement } from '../database/tx.js';
import type { Leg } from './ledger.types.js';
import { Outbox } from '../events/outbox.js';

export type FreezeScope = UserFreeze['scope'];

/** The owners whose freeze a posting must respect. */
export const freezeOwnersOf = (legs: readonly Leg[]): string[] => [...new Set(legs.filter((leg) => leg.respectsFreeze).map((leg) => leg.ownerId))];

/**
 * The freeze scope of each of these users (null: not frozen; users without a row are absent).
 * Every row is read, frozen or not, and on PostgreSQL locked FOR KEY SHARE: that waits for an
 * operator's freeze in flight (it holds the row FOR UPDATE, see FreezesService) and holds off a
 * freeze that starts later until the posting's transaction ends. A filter on frozen_scope would
 * skip, and not wait for, a row whose freeze is in flight.
 */
export function selectFreezes(dialect: Dialect, ownerIds: readonly string[]): Statement {
  if (dialect === 'postgres') return { sql: 'SELECT id, frozen_scope FROM users WHERE id = ANY(?::text[]) ORDER BY id FOR KEY SHARE', params: [ownerIds] };
  return { sql: `SELECT id, frozen_scope FROM users WHERE id IN (${ownerIds.map(() => '?').join(', ')})`, params: [...ownerIds] };
}

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
    private readonly outbox: Outbox,
  ) {}

  /**
   * Freezes a user, or changes the scope and reason of a freeze (which keeps its `since`). Locks
   * the user's row FOR UPDATE first: postings of this user in flight finish before. Null: no such user.
   */
  async freeze(tx: Tx, userId: string, input: { scope: UserFreeze['scope']; reason: string; by: string }): Promise<UserFreeze | null> {
    const current = await this.lock(tx, userId);
    if (!current) return null;
    const since = current.frozen_since === null ? this.clock.now() : Number(current.frozen_since);
    await forgetCachedFreezes(tx);
    await tx.query('UPDATE users SET frozen_scope = ?, frozen_reason = ?, frozen_since = ?, frozen_by = ? WHERE id = ?', [input.scope, input.reason, since, input.by, userId]);
    await this.outbox.append(tx, 'user.frozen', { userId, scope: input.scope, reason: input.reason });
    return { scope: input.scope, reason: input.reason, since, by: input.by };
  }

  /** Lifts a user's freeze. Null: no such user; false: the user was not frozen. */
  async unfreeze(tx: Tx, userId: string): Promise<boolean | null> {
    const current = await this.lock(tx, userId);
    if (!current) return null;
    if (current.frozen_since === null) return false;
    await forgetCachedFreezes(tx);
    await tx.query('UPDATE users SET frozen_scope = NULL, frozen_reason = NULL, frozen_since = NULL, frozen_by = NULL WHERE id = ?', [userId]);
    await this.outbox.append(tx, 'user.unfrozen', { userId });
    return true;
  }

  /** A user's row, locked FOR UPDATE (null: no such user). */
  private async lock(tx: Tx, userId: string): Promise<{ frozen_since: string | number | null } | null> {
    const rows = await tx.query<{ frozen_since: string | number | null }>(`SELECT frozen_since FROM users WHERE id = ? ${forUpdate(tx.dialect)}`, [userId]);
    return rows[0] ?? null;
  }
}

/**
 * In a transaction shared by a PostgreSQL group commit, the batch's PostingBuffer keeps the
 * freezes it read for the rest of the batch: written through, so later postings see the change.
 */
async function forgetCachedFreezes(tx: Tx): Promise<void> {
  await sharedTxOf(tx)?.flush();
}
