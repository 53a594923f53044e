import { toRecord, type UserRecord, type UserRow } from '../auth/users.service.js';
import type { Reader } from '../database/db.service.js';

/**
 * The user with this username (the oldest, if several share it, as UsersService.findByUsername
 * picks) and the spendable balance of their account in `asset` (zero without one), in one
 * statement: on PostgreSQL that is one round trip per user_balance_get instead of two.
 * A plain read of committed rows, like LedgerService.balanceOf.
 */
export async function readUserAndBalance(reader: Reader, username: string, asset: string): Promise<{ user: UserRecord; spendable: bigint } | null> {
  const [row] = await reader.query<UserRow & { balance: string | null; locked: string | null }>(
    `SELECT u.*, a.balance, a.locked FROM users u LEFT JOIN accounts a ON a.owner_id = u.id AND a.asset = ?
     WHERE u.username = ? ORDER BY u.created_at, u.id LIMIT 1`,
    [asset, username],
  );
  if (!row) return null;
  return { user: toRecord(row), spendable: BigInt(row.balance ?? 0) - BigInt(row.locked ?? 0) };
}
