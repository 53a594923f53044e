import { toRecord, type UserRow } from '../../auth/users.service.js';
import type { Db } from '../../database/db.service.js';
import type { BalanceSnapshot } from '../balance-view.js';
import type { AccountState, AssetSums, UserAndBalance, UserEntryType } from '../ledger.types.js';
import { emptyTotals } from '../posting-plan.js';
import { SYSTEM_PREFIX } from '../system-accounts.js';
import { toAccountState } from './accounts.store.js';
import { onLedgerTables } from './ledger-tables.js';
import { selectSnapshots, selectUserAccountSums, selectUsersWithAccount } from './ledger-sql.js';

/** Owners per snapshot statement: well within SQLite's parameter limit. */
const SNAPSHOT_CHUNK = 500;

/**
 * For each of an owner's accounts, the balance after its last entry at or before `at`: one step
 * down the (account_id, created_at, id) index per account, so the cost does not grow with the
 * ledger. Entry times never go back within an account (LedgerService), so that last entry is
 * the one after which the account stood at `at`.
 */
export const BALANCES_AT_SQL = `SELECT a.asset,
  (SELECT e.balance_after FROM ledger_entries e WHERE e.account_id = a.id AND e.created_at <= ? ORDER BY e.created_at DESC, e.id DESC LIMIT 1) AS amount
  FROM accounts a WHERE a.owner_id = ? ORDER BY a.asset`;

/** Balances as read: plain reads of committed rows, never locking. */
export class BalancesStore {
  constructor(private readonly db: Db) {}

  /** All accounts of these owners, ordered by owner then asset. */
  ofOwners(ownerIds: readonly string[]): Promise<AccountState[]> {
    return this.db.read(async (reader) => {
      if (ownerIds.length === 0) return [];
      const rows = await onLedgerTables<Parameters<typeof toAccountState>[0]>(
        reader,
        `SELECT id, owner_id, asset, balance, locked, seq FROM accounts WHERE owner_id IN (${ownerIds.map(() => '?').join(', ')}) ORDER BY owner_id, asset`,
        [...ownerIds],
      );
      return rows.map(toAccountState);
    });
  }

  /**
   * Each owner's account in `asset` as one snapshot (balance, locked, sequence, totals); an owner
   * without one gets an empty one. Chunked, so any number of owners fits SQLite's parameter limit.
   */
  async snapshots(ownerIds: readonly string[], asset: string): Promise<Map<string, BalanceSnapshot>> {
    const found = new Map<string, BalanceSnapshot>();
    for (let i = 0; i < ownerIds.length; i += SNAPSHOT_CHUNK) {
      const statement = selectSnapshots(this.db.dialect, ownerIds.slice(i, i + SNAPSHOT_CHUNK), asset);
      type Row = { owner_id: string; balance: string; locked: string; seq: string | number; type: UserEntryType | null; action: string | null; total: string | null };
      const rows = await this.db.read((reader) => onLedgerTables<Row>(reader, statement.sql, statement.params));
      for (const row of rows) {
        let snapshot = found.get(row.owner_id);
        if (!snapshot) found.set(row.owner_id, (snapshot = { balance: BigInt(row.balance), locked: BigInt(row.locked), seq: Number(row.seq), totals: emptyTotals() }));
        if (row.type !== null && row.action !== null && row.total !== null) snapshot.totals[row.type][row.action] = BigInt(row.total);
      }
    }
    return new Map(ownerIds.map((id) => [id, found.get(id) ?? { balance: 0n, locked: 0n, seq: 0, totals: emptyTotals() }]));
  }

  /** Each of the owner's accounts with its balance (minor units) after its last entry at or before `at` (see BALANCES_AT_SQL). */
  async at(ownerId: string, at: number): Promise<Array<{ asset: string; amount: bigint }>> {
    const rows = await this.db.read((reader) => onLedgerTables<{ asset: string; amount: string | null }>(reader, BALANCES_AT_SQL, [at, ownerId]));
    return rows.map((row) => ({ asset: row.asset, amount: BigInt(row.amount ?? 0) }));
  }

  /** Per asset, what users hold (system accounts left out); an asset nobody holds is absent. */
  async userSums(): Promise<Map<string, AssetSums>> {
    const statement = selectUserAccountSums(this.db.dialect, SYSTEM_PREFIX);
    const rows = await this.db.read((reader) => onLedgerTables<{ asset: string; accounts: string | number; amount: string; locked: string }>(reader, statement.sql, statement.params));
    const sums = new Map<string, AssetSums>();
    for (const row of rows) {
      const sum = sums.get(row.asset) ?? { accounts: 0, amount: 0n, locked: 0n };
      sums.set(row.asset, { accounts: sum.accounts + Number(row.accounts), amount: sum.amount + BigInt(row.amount), locked: sum.locked + BigInt(row.locked) });
    }
    return sums;
  }

  /**
   * The users with these usernames (the oldest, where several share one, as
   * UsersService.findByUsername picks) with their spendable balance in `asset` (zero without an
   * account), in one statement.
   */
  async usersWithSpendable(usernames: readonly string[], asset: string): Promise<Map<string, UserAndBalance>> {
    const statement = selectUsersWithAccount(this.db.dialect, usernames, asset);
    const rows = await this.db.read((reader) => onLedgerTables<UserRow & { balance: string | null; locked: string | null }>(reader, statement.sql, statement.params));
    const found = new Map<string, UserAndBalance>();
    for (const row of rows) {
      // Oldest first: the first row of a username is the one it names.
      if (row.username === null || found.has(row.username)) continue;
      found.set(row.username, { user: toRecord(row), spendable: BigInt(row.balance ?? 0) - BigInt(row.locked ?? 0) });
    }
    return found;
  }
}
