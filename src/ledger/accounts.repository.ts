import type { Reader, Tx } from '../database/db.service.js';
import { flushStagedPostings, selectAccounts } from './ledger-sql.js';
import type { AccountState } from './ledger.types.js';
import { isSystemOwner } from './system-accounts.js';

interface AccountRow {
  id: number | string;
  owner_id: string;
  asset: string;
  balance: string;
  locked: string;
  seq: string | number;
}

export const accountKey = (ownerId: string, asset: string) => `${ownerId}\u0000${asset}`;

function toState(row: AccountRow): AccountState {
  return { id: Number(row.id), ownerId: row.owner_id, asset: row.asset, balance: BigInt(row.balance), locked: BigInt(row.locked), seq: Number(row.seq) };
}

/**
 * Account rows: found or created, then locked for the rest of the transaction. Each statement
 * first runs postings a shared transaction holds back (see flushStagedPostings).
 */
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
    await flushStagedPostings(tx);
    for (const p of pairs) {
      await tx.query(
        `INSERT INTO accounts (owner_id, owner_kind, asset, balance, locked, created_at) VALUES (?, ?, ?, '0', '0', ?)
         ON CONFLICT (owner_id, asset) DO NOTHING`,
        [p.ownerId, isSystemOwner(p.ownerId) ? 'system' : 'user', p.asset, now],
      );
    }
  }

  /** The accounts of these pairs; with `lock`, locked for the transaction (see selectAccounts). */
  async find(reader: Reader, pairs: ReadonlyArray<{ ownerId: string; asset: string }>, lock = false): Promise<Map<string, AccountState>> {
    if (pairs.length === 0) return new Map();
    await flushStagedPostings(reader);
    const wanted = new Set(pairs.map((p) => accountKey(p.ownerId, p.asset)));
    const statement = selectAccounts(reader.dialect, pairs, lock);
    const rows = await reader.query<AccountRow>(statement.sql, statement.params);
    return new Map(rows.filter((r) => wanted.has(accountKey(r.owner_id, r.asset))).map((r) => [accountKey(r.owner_id, r.asset), toState(r)]));
  }

  async listByOwners(reader: Reader, ownerIds: readonly string[]): Promise<AccountState[]> {
    if (ownerIds.length === 0) return [];
    const rows = await reader.query<AccountRow>(
      `SELECT id, owner_id, asset, balance, locked, seq FROM accounts WHERE owner_id IN (${ownerIds.map(() => '?').join(', ')}) ORDER BY owner_id, asset`,
      [...ownerIds],
    );
    return rows.map(toState);
  }

  /**
   * Moves a locked account's `locked` by `delta` (holds move it; balances are written by postings
   * only), one step up its change sequence, and returns the account as it is now.
   */
  async moveLocked(tx: Tx, account: AccountState, delta: bigint): Promise<AccountState> {
    const updated = { ...account, locked: account.locked + delta, seq: account.seq + 1 };
    await flushStagedPostings(tx);
    await tx.query('UPDATE accounts SET locked = ?, seq = ? WHERE id = ?', [updated.locked, updated.seq, account.id]);
    return updated;
  }
}
