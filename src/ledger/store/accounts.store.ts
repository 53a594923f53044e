import type { Db, Reader, Tx } from '../../database/db.service.js';
import { accountKey, type AccountState } from '../ledger.types.js';
import { isSystemOwner } from '../system-accounts.js';
import { onLedgerTables } from './ledger-tables.js';
import { selectAccounts } from './ledger-sql.js';

type Pairs = ReadonlyArray<{ ownerId: string; asset: string }>;

interface AccountRow {
  id: number | string;
  owner_id: string;
  asset: string;
  balance: string;
  locked: string;
  seq: string | number;
}

export function toAccountState(row: AccountRow): AccountState {
  return { id: Number(row.id), ownerId: row.owner_id, asset: row.asset, balance: BigInt(row.balance), locked: BigInt(row.locked), seq: Number(row.seq) };
}

/** Account rows outside the posting path: found or opened, locked, and the holds' `locked` moved. */
export class AccountsStore {
  constructor(private readonly db: Db) {}

  /** The accounts of these pairs, missing ones opened, locked for the rest of `tx` (see selectAccounts). */
  async lock(tx: Tx, pairs: Pairs, now: number): Promise<Map<string, AccountState>> {
    const unique = [...new Map(pairs.map((p) => [accountKey(p.ownerId, p.asset), p])).values()];
    let found = await this.findOn(tx, unique, true);
    const missing = unique.filter((p) => !found.has(accountKey(p.ownerId, p.asset)));
    if (missing.length === 0) return found;
    await this.create(tx, missing, now);
    found = await this.findOn(tx, unique, true);
    return found;
  }

  /** Opens empty accounts for these pairs (an account opened meanwhile by another writer is kept). */
  async create(tx: Tx, pairs: Pairs, now: number): Promise<void> {
    for (const p of pairs) {
      await onLedgerTables(
        tx,
        `INSERT INTO accounts (owner_id, owner_kind, asset, balance, locked, created_at) VALUES (?, ?, ?, '0', '0', ?)
         ON CONFLICT (owner_id, asset) DO NOTHING`,
        [p.ownerId, isSystemOwner(p.ownerId) ? 'system' : 'user', p.asset, now],
      );
    }
  }

  /**
   * The accounts of these pairs, read (Db.read: inside a unit of work a read, so a refusal that
   * follows has written nothing); with `lock`, locked for the rest of the transaction.
   */
  find(pairs: Pairs, lock = false): Promise<Map<string, AccountState>> {
    return this.db.read((reader) => this.findOn(reader, pairs, lock));
  }

  /**
   * Moves a locked account's `locked` by `delta` (holds move it; balances are written by postings
   * only), one step up its change sequence, and returns the account as it is now.
   */
  async moveLocked(tx: Tx, account: AccountState, delta: bigint): Promise<AccountState> {
    const updated = { ...account, locked: account.locked + delta, seq: account.seq + 1 };
    await onLedgerTables(tx, 'UPDATE accounts SET locked = ?, seq = ? WHERE id = ?', [updated.locked, updated.seq, account.id]);
    return updated;
  }

  private async findOn(connection: Reader, pairs: Pairs, lock: boolean): Promise<Map<string, AccountState>> {
    if (pairs.length === 0) return new Map();
    const wanted = new Set(pairs.map((p) => accountKey(p.ownerId, p.asset)));
    const statement = selectAccounts(connection.dialect, pairs, lock);
    const rows = await onLedgerTables<AccountRow>(connection, statement.sql, statement.params);
    return new Map(rows.filter((r) => wanted.has(accountKey(r.owner_id, r.asset))).map((r) => [accountKey(r.owner_id, r.asset), toAccountState(r)]));
  }
}
