import { Injectable } from '@nestjs/common';
import { formatAmount } from '../common/money.js';
import { Db } from '../database/db.service.js';
import { AssetRegistry } from './asset-registry.js';

/**
 * For each of an owner's accounts, the balance after its last entry at or before `at`: one step
 * down the (account_id, created_at, id) index per account, so the cost does not grow with the
 * ledger. Entry times never go back within an account (LedgerService), so that last entry is
 * the one after which the account stood at `at`. Holds lock funds and move nothing, so they
 * play no part.
 */
export const BALANCES_AT_SQL = `SELECT a.asset,
  (SELECT e.balance_after FROM ledger_entries e WHERE e.account_id = a.id AND e.created_at <= ? ORDER BY e.created_at DESC, e.id DESC LIMIT 1) AS amount
  FROM accounts a WHERE a.owner_id = ? ORDER BY a.asset`;

@Injectable()
export class BalancesAt {
  constructor(
    private readonly db: Db,
    private readonly assets: AssetRegistry,
  ) {}

  /** `at` in epoch milliseconds; an account with no entry by then stood at 0. */
  async of(ownerId: string, at: number): Promise<Array<{ asset: string; amount: string }>> {
    const rows = await this.db.read((reader) => reader.query<{ asset: string; amount: string | null }>(BALANCES_AT_SQL, [at, ownerId]));
    return rows.map((row) => ({ asset: row.asset, amount: formatAmount(BigInt(row.amount ?? 0), this.assets.get(row.asset).scale) }));
  }
}
