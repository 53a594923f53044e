import type { Reader, Tx } from '../database/db.service.js';
import type { AccountState } from './ledger.types.js';
import { isSystemOwner } from './system-accounts.js';

interface AccountRow {
  id: number | string;
  owner_id: string;
  asset: string;
  balance: string;
  locked: string;
}

export const accountKey = (ownerId: string, asset: string) => `${ownerId}\u0000${asset}`;

function toState(row: AccountRow): AccountState {
  return { id: Number(row.id), ownerId: row.owner_id, asset: row.asset, balance: BigInt(row.balance), locked: BigInt(row.locked) };
}

/** Account rows: found or created, then locked for the rest of the transaction. */
export class AccountsRepository {
  /** Returns the accounts of the given (owner, asset) pairs, creating missing ones, locked (see find). */
  async lockAccounts(tx: Tx, pairs: ReadonlyArray<{ ownerId: string; asset: string }>, now: number): Promise<Map<string, AccountState>> {
    const unique = [...new Map(pairs.map((p) => [accountKey(p.ownerId, p.asset), p])).values()];
    let found = await this.find(tx, unique, true);
    const missing = unique.filter((p) => !found.has(accountKey(p.ownerId, p.asset)));
    if (missing.length === 0) return found;
    await this.create(tx, missing, now);
    found = await this.find(tx, unique, true);
    return found;
  }

  /** Opens empty accounts for these pairs (an account opened meanwhile by another writer is kept). */
  async create(tx: Tx, pairs: ReadonlyArray<{ ownerId: string; asset: string }>, now: number): Promise<void> {
    for (const p of pairs) {
      await tx.query(
        `INSERT INTO accounts (owner_id, owner_kind, asset, balance, locked, created_at) VALUES (?, ?, ?, '0', '0', ?)
         ON CONFLICT (owner_id, asset) DO NOTHING`,
        [p.ownerId, isSystemOwner(p.ownerId) ? 'system' : 'user', p.asset, now],
      );
    }
  }

  /**
   * The accounts of these pairs. With `lock` on PostgreSQL the rows are locked FOR UPDATE in
   * ascending id order (the sort runs before the lock), so writers that lock all they need in one
   * such statement never wait on each other in a cycle, and no update is lost. (A batch that
   * locks again later can still deadlock with another; PostgreSQL breaks it, and it is retried.) Owners x assets may be a superset of the pairs; locking a few extra rows is harmless.
   * On SQLite the whole unit of work already holds the database's single write lock.
   */
  async find(reader: Reader, pairs: ReadonlyArray<{ ownerId: string; asset: string }>, lock = false): Promise<Map<string, AccountState>> {
    if (pairs.length === 0) return new Map();
    // A flat IN list stays within SQLite's expression-depth limit however many pairs there are.
    const owners = [...new Set(pairs.map((p) => p.ownerId))];
    const assets = [...new Set(pairs.map((p) => p.asset))];
    const wanted = new Set(pairs.map((p) => accountKey(p.ownerId, p.asset)));
    const forUpdate = lock && reader.dialect === 'postgres' ? 'ORDER BY id FOR UPDATE' : '';
    const rows = await reader.query<AccountRow>(
      `SELECT id, owner_id, asset, balance, locked FROM accounts
       WHERE owner_id IN (${owners.map(() => '?').join(', ')}) AND asset IN (${assets.map(() => '?').join(', ')}) ${forUpdate}`,
      [...owners, ...assets],
    );
    return new Map(rows.filter((r) => wanted.has(accountKey(r.owner_id, r.asset))).map((r) => [accountKey(r.owner_id, r.asset), toState(r)]));
  }

  async listByOwners(reader: Reader, ownerIds: readonly string[]): Promise<AccountState[]> {
    if (ownerIds.length === 0) return [];
    const rows = await reader.query<AccountRow>(
      `SELECT id, owner_id, asset, balance, locked FROM accounts WHERE owner_id IN (${ownerIds.map(() => '?').join(', ')}) ORDER BY owner_id, asset`,
      [...ownerIds],
    );
    return rows.map(toState);
  }

  async setBalance(tx: Tx, account: AccountState): Promise<void> {
    await this.setBalances(tx, [account]);
  }

  /** Writes new balances; one statement on PostgreSQL, where each statement is a round trip. */
  async setBalances(tx: Tx, accounts: readonly AccountState[]): Promise<void> {
    if (tx.dialect === 'postgres' && accounts.length > 1) {
      await tx.query(
        `UPDATE accounts AS a SET balance = v.balance, locked = v.locked
         FROM (VALUES ${accounts.map(() => '(?::bigint, ?::numeric, ?::numeric)').join(', ')}) AS v(id, balance, locked) WHERE a.id = v.id`,
        accounts.flatMap((a) => [a.id, a.balance, a.locked]),
      );
      return;
    }
    for (const a of accounts) await tx.query('UPDATE accounts SET balance = ?, locked = ? WHERE id = ?', [a.balance, a.locked, a.id]);
  }
}
