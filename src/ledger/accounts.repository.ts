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
  /**
   * Returns the accounts of the given (owner, asset) pairs, creating missing ones, locked
   * against concurrent writers. On PostgreSQL the rows are locked in ascending id order: every
   * writer takes its locks in that one order, so two transfers can never wait on each other in
   * a cycle (no deadlock), and no update can be lost. On SQLite the whole unit of work already
   * holds the database's single write lock.
   */
  async lockAccounts(tx: Tx, pairs: ReadonlyArray<{ ownerId: string; asset: string }>, now: number): Promise<Map<string, AccountState>> {
    const unique = [...new Map(pairs.map((p) => [accountKey(p.ownerId, p.asset), p])).values()];
    let found = await this.find(tx, unique);
    const missing = unique.filter((p) => !found.has(accountKey(p.ownerId, p.asset)));
    if (missing.length > 0) {
      for (const p of missing) {
        await tx.query(
          `INSERT INTO accounts (owner_id, owner_kind, asset, balance, locked, created_at) VALUES (?, ?, ?, '0', '0', ?)
           ON CONFLICT (owner_id, asset) DO NOTHING`,
          [p.ownerId, isSystemOwner(p.ownerId) ? 'system' : 'user', p.asset, now],
        );
      }
      found = await this.find(tx, unique);
    }
    if (tx.dialect === 'sqlite') return found;
    const ids = [...found.values()].map((a) => a.id).sort((a, b) => a - b);
    const rows = await tx.query<AccountRow>(
      `SELECT id, owner_id, asset, balance, locked FROM accounts WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id FOR UPDATE`,
      ids,
    );
    return new Map(rows.map((r) => [accountKey(r.owner_id, r.asset), toState(r)]));
  }

  async find(reader: Reader, pairs: ReadonlyArray<{ ownerId: string; asset: string }>): Promise<Map<string, AccountState>> {
    if (pairs.length === 0) return new Map();
    // Owners x assets is a superset of the pairs; a flat IN list stays within SQLite's
    // expression-depth limit however many pairs there are.
    const owners = [...new Set(pairs.map((p) => p.ownerId))];
    const assets = [...new Set(pairs.map((p) => p.asset))];
    const wanted = new Set(pairs.map((p) => accountKey(p.ownerId, p.asset)));
    const rows = await reader.query<AccountRow>(
      `SELECT id, owner_id, asset, balance, locked FROM accounts
       WHERE owner_id IN (${owners.map(() => '?').join(', ')}) AND asset IN (${assets.map(() => '?').join(', ')})`,
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
    await tx.query('UPDATE accounts SET balance = ?, locked = ? WHERE id = ?', [account.balance, account.locked, account.id]);
  }
}
