import { Injectable } from '@nestjs/common';
import type { UserFreeze } from '../auth/users.service.js';
import { AccountFrozenError } from '../common/errors.js';
import { Clock } from '../common/clock.js';
import type { Reader, Tx } from '../database/db.service.js';
import { forKeyShare, forUpdate } from '../database/sql-dialect.js';
import type { Leg } from './ledger.types.js';

/**
 * Refuses a posting when a leg that respects freezes moves a frozen user's money the wrong way:
 * `debits` refuses money leaving, `all` refuses any movement. Runs inside the posting's
 * transaction, after its accounts are locked; on PostgreSQL the users' rows are read FOR KEY
 * SHARE, which waits for an operator's freeze in flight (it holds the row FOR UPDATE) and holds
 * off a freeze that starts now until this posting commits. So a freeze committed before the
 * posting commits always stops it, and one that commits later never finds it half done.
 */
export async function refuseFrozenMovements(reader: Reader, legs: readonly Leg[]): Promise<void> {
  const owners = [...new Set(legs.filter((leg) => leg.respectsFreeze).map((leg) => leg.ownerId))];
  if (owners.length === 0) return;
  const rows = await reader.query<{ id: string; frozen_scope: 'all' | 'debits' | null }>(
    // Every row, frozen or not: a filter on frozen_scope would skip (and not wait for) a row whose freeze is in flight.
    `SELECT id, frozen_scope FROM users WHERE id IN (${owners.map(() => '?').join(', ')}) ORDER BY id ${forKeyShare(reader.dialect)}`,
    owners,
  );
  const scopes = new Map(rows.map((row) => [row.id, row.frozen_scope]));
  for (const leg of legs) {
    if (!leg.respectsFreeze) continue;
    const scope = scopes.get(leg.ownerId);
    if (scope === 'all' || (scope === 'debits' && leg.amount < 0n)) throw new AccountFrozenError(leg.ownerId);
  }
}

/** Operators' freezes of users (stored on the user's row, read by the ledger as above). */
@Injectable()
export class FreezesService {
  constructor(private readonly clock: Clock) {}

  /**
   * Freezes a user, or changes the scope and reason of a freeze (which keeps its `since`). Locks
   * the user's row FOR UPDATE first: postings of this user in flight finish before. Null: no such user.
   */
  async freeze(tx: Tx, userId: string, input: { scope: UserFreeze['scope']; reason: string; by: string }): Promise<UserFreeze | null> {
    const current = await this.lock(tx, userId);
    if (!current) return null;
    const since = current.frozen_since === null ? this.clock.now() : Number(current.frozen_since);
    await tx.query('UPDATE users SET frozen_scope = ?, frozen_reason = ?, frozen_since = ?, frozen_by = ? WHERE id = ?', [input.scope, input.reason, since, input.by, userId]);
    return { scope: input.scope, reason: input.reason, since, by: input.by };
  }

  /** Lifts a user's freeze. Null: no such user; false: the user was not frozen. */
  async unfreeze(tx: Tx, userId: string): Promise<boolean | null> {
    const current = await this.lock(tx, userId);
    if (!current) return null;
    if (current.frozen_since === null) return false;
    await tx.query('UPDATE users SET frozen_scope = NULL, frozen_reason = NULL, frozen_since = NULL, frozen_by = NULL WHERE id = ?', [userId]);
    return true;
  }

  private async lock(tx: Tx, userId: string): Promise<{ frozen_since: string | number | null } | null> {
    const rows = await tx.query<{ frozen_since: string | number | null }>(`SELECT frozen_since FROM users WHERE id = ? ${forUpdate(tx.dialect)}`, [userId]);
    return rows[0] ?? null;
  }
}
