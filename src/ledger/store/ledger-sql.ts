import type { Dialect } from '../../database/dialect.js';
import { forUpdate, inList } from '../../database/sql-dialect.js';
import type { Reader, Statement } from '../../database/tx.js';
import { accountKey, type FreezeScope, type UserEntryType } from '../ledger.types.js';
import { emptyTotals } from '../posting-plan.js';
import type { HeldAccount } from './staged-posting.js';

/*
 * The ledger's reads where the two databases differ: how a list of values is passed, the lock
 * clauses, how the PostingBuffer reads the accounts it holds, exact sums. The writes of staged
 * postings are in posting-sql.ts, the outbox's in events-sql.ts. The posting path itself
 * (PostingBuffer, LedgerService.postIn) is the same on both.
 */

type Pairs = ReadonlyArray<{ ownerId: string; asset: string }>;

/**
 * `owner_id` and `asset` among those of the pairs (owners x assets may be a superset of the
 * pairs).
 */
function amongPairs(dialect: Dialect, pairs: Pairs, prefix = ''): { where: string; params: unknown[] } {
  const owners = inList(dialect, `${prefix}owner_id`, [...new Set(pairs.map((p) => p.ownerId))], 'text');
  const assets = inList(dialect, `${prefix}asset`, [...new Set(pairs.map((p) => p.asset))], 'text');
  return { where: `${owners.sql} AND ${assets.sql}`, params: [...owners.params, ...assets.params] };
}

/**
 * The accounts of these pairs. With `lock` on PostgreSQL the rows are locked FOR UPDATE in
 * ascending id order (the sort runs before the lock), so writers that lock all they need in one
 * such statement never wait on each other in a cycle, and no update is lost. (A batch that locks
 * again later can still deadlock with another; PostgreSQL breaks it, and it is retried.) On
 * SQLite the whole unit of work already holds the database's single write lock.
 */
export function selectAccounts(dialect: Dialect, pairs: Pairs, lock: boolean): Statement {
  const { where, params } = amongPairs(dialect, pairs);
  // Sorted before locking, so every writer locks in the same (ascending id) order.
  const lockClause = lock ? forUpdate(dialect) : '';
  return { sql: `SELECT id, owner_id, asset, balance, locked, seq FROM accounts WHERE ${where}${lockClause ? ` ORDER BY id ${lockClause}` : ''}`, params };
}

/** The running totals of the accounts of these pairs. */
function selectTotals(dialect: Dialect, pairs: Pairs): Statement {
  const { where, params } = amongPairs(dialect, pairs, 'a.');
  if (dialect === 'sqlite') return { sql: `SELECT t.account_id, t.type, t.action, t.total FROM account_totals t JOIN accounts a ON a.id = t.account_id WHERE ${where}`, params };
  // LATERAL … OFFSET 0 keeps the cached plan an index lookup per account, never a scan of all totals.
  return {
    sql: `SELECT t.account_id, t.type, t.action, t.total
       FROM accounts a CROSS JOIN LATERAL (SELECT type, action, total, account_id FROM account_totals WHERE account_id = a.id OFFSET 0) t
       WHERE ${where}`,
    params,
  };
}

/**
 * SQLite only: the accounts of these pairs with their running totals, their last entry's time and
 * their owner's freeze scope, in one statement (one row per total, or one with no total). The unit
 * already holds SQLite's single write lock, so unlike PostgreSQL (see PostingBuffer.load) there is
 * no lock to wait for between reads, and a statement saved here is saved on every posting.
 */
function selectAccountsWithTotals(pairs: Pairs): Statement {
  const { where, params } = amongPairs('sqlite', pairs, 'a.');
  return {
    sql: `SELECT a.id, a.owner_id, a.asset, a.balance, a.locked, a.seq, ${LAST_ENTRY_AT} AS last_at, u.frozen_scope, t.type, t.action, t.total
       FROM accounts a LEFT JOIN users u ON u.id = a.owner_id LEFT JOIN account_totals t ON t.account_id = a.id WHERE ${where}`,
    params,
  };
}

/**
 * These owners' accounts in one asset with their running totals (one row per total, or one with
 * no total), in one statement: one snapshot, so a balance, its sequence and its totals always
 * belong together.
 */
export function selectSnapshots(dialect: Dialect, ownerIds: readonly string[], asset: string): Statement {
  const { where, params } = amongPairs(
    dialect,
    ownerIds.map((ownerId) => ({ ownerId, asset })),
    'a.',
  );
  return {
    sql: `SELECT a.owner_id, a.balance, a.locked, a.seq, t.type, t.action, t.total
       FROM accounts a LEFT JOIN account_totals t ON t.account_id = a.id WHERE ${where}`,
    params,
  };
}

/** created_at of account `a`'s last entry: one step down the (account_id, created_at, id) index. */
const LAST_ENTRY_AT = '(SELECT e.created_at FROM ledger_entries e WHERE e.account_id = a.id ORDER BY e.created_at DESC, e.id DESC LIMIT 1)';

/**
 * PostgreSQL, read after the accounts' lock, in one statement (rows told apart by `k`): the
 * freeze scope of `freezeOwners` ('f', locked FOR KEY SHARE like selectFreezes), the running
 * totals of the pairs' accounts ('t', as selectTotals), the created_at of each account's last
 * entry ('l', null: none), and last the database's clock in ms ('c', always one row). Its
 * snapshot is taken once the accounts are locked, so nothing it reads of them can be older than
 * the lock; a freeze in flight is waited for (the lock re-reads that row) before the clock is read.
 */
function selectAfterLock(pairs: Pairs, freezeOwners: readonly string[]): Statement {
  const totals = selectTotals('postgres', pairs);
  const accounts = amongPairs('postgres', pairs, 'a.');
  const frozen = freezeOwners.length > 0 ? inList('postgres', 'id', freezeOwners, 'text') : null;
  const branches = [
    ...(frozen ? [afterLockRow(`'f'`, 'NULL', 'id', 'frozen_scope', 'NULL', 'NULL', 'NULL', 'FROM frozen')] : []),
    afterLockRow(`'t'`, 't.account_id', 'NULL', 't.type', 't.action', 't.total', 'NULL', `FROM (${totals.sql}) t`),
    afterLockRow(`'l'`, 'a.id', 'NULL', 'NULL', 'NULL', 'NULL', LAST_ENTRY_AT, `FROM accounts a WHERE ${accounts.where}`),
    afterLockRow(`'c'`, 'NULL', 'NULL', 'NULL', 'NULL', 'NULL', '(extract(epoch FROM clock_timestamp()) * 1000)::bigint', ''),
  ];
  return {
    sql: `${frozen ? `WITH frozen AS (SELECT id, frozen_scope FROM users WHERE ${frozen.sql} ORDER BY id FOR KEY SHARE) ` : ''}${branches.join(' UNION ALL ')}`,
    params: [...(frozen?.params ?? []), ...totals.params, ...accounts.params],
  };
}

/** One branch of selectAfterLock: its columns, typed alike in every branch. */
function afterLockRow(k: string, accountId: string, ownerId: string, type: string, action: string, total: string, at: string, from: string): string {
  return `SELECT ${k}::text AS k, ${accountId}::bigint AS account_id, ${ownerId}::text AS owner_id, ${type}::text AS type, ${action}::text AS action, ${total}::text AS total, ${at}::bigint AS at ${from}`;
}

/** The posting stored with this posting key, if any. */
export function selectPosted(scope: string, key: string): Statement {
  return { sql: 'SELECT id, request_hash FROM ledger_transactions WHERE idempotency_scope = ? AND idempotency_key = ?', params: [scope, key] };
}

/**
 * Ids for the next ledger transactions. PostgreSQL: a block of them from the sequence, which
 * TransactionIds keeps for later postings once the transaction that drew it has committed (until
 * then a crash can undo the sequence's advance).
 * SQLite: the one AUTOINCREMENT would give, read in the transaction under the database's single
 * write lock; one at a time, since another process may write the same file between transactions.
 * After a posting staged in this transaction (`lastStaged`, not written yet, so not there to be
 * counted), the next is that one's successor: the lock is still held, so nobody else took it, and
 * nothing is read.
 */
export function nextTransactionIds(dialect: Dialect, lastStaged: string | undefined): Statement | { next: string } {
  if (dialect === 'postgres') {
    return { sql: `SELECT nextval(pg_get_serial_sequence('ledger_transactions', 'id'))::text AS id FROM generate_series(1, ${PG_ID_BLOCK})`, params: [] };
  }
  if (lastStaged !== undefined) return { next: String(BigInt(lastStaged) + 1n) };
  return {
    sql: `SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'ledger_transactions'), 0), COALESCE((SELECT MAX(id) FROM ledger_transactions), 0)) + 1 AS id`,
    params: [],
  };
}

const PG_ID_BLOCK = 128;

/**
 * The freeze scope of each of these users (null: not frozen; users without a row are absent).
 * Every row is read, frozen or not, and on PostgreSQL locked FOR KEY SHARE: that waits for an
 * operator's freeze in flight (it holds the row FOR UPDATE, see FreezesStore) and holds off a
 * freeze that starts later until the posting's transaction ends. A filter on frozen_scope would
 * skip, and not wait for, a row whose freeze is in flight.
 */
export function selectFreezes(dialect: Dialect, ownerIds: readonly string[]): Statement {
  const { sql: where, params } = inList(dialect, 'id', ownerIds, 'text');
  return { sql: `SELECT id, frozen_scope FROM users WHERE ${where}${dialect === 'postgres' ? ' ORDER BY id FOR KEY SHARE' : ''}`, params };
}

/** The users with these usernames, each joined with their account in `asset` (if any), oldest first. */
export function selectUsersWithAccount(dialect: Dialect, usernames: readonly string[], asset: string): Statement {
  const { sql: where, params } = inList(dialect, 'u.username', usernames, 'text');
  return {
    sql: `SELECT u.*, a.balance, a.locked FROM users u LEFT JOIN accounts a ON a.owner_id = u.id AND a.asset = ?
     WHERE ${where} ORDER BY u.created_at, u.id`,
    params: [asset, ...params],
  };
}

/**
 * Per asset, the number of user accounts and their balances and locked funds summed, as rows to
 * add up by asset: PostgreSQL sums exactly in the statement (one row per asset); SQLite has no
 * exact decimal SUM, so it gives one row per account.
 */
export function selectUserAccountSums(dialect: Dialect, systemPrefix: string): Statement {
  if (dialect === 'postgres') {
    return {
      sql: `SELECT asset, COUNT(*) AS accounts, SUM(balance)::text AS amount, SUM(locked)::text AS locked FROM accounts
       WHERE owner_id NOT LIKE ? GROUP BY asset`,
      params: [`${systemPrefix}%`],
    };
  }
  return { sql: 'SELECT asset, 1 AS accounts, balance AS amount, locked FROM accounts WHERE owner_id NOT LIKE ?', params: [`${systemPrefix}%`] };
}

/** What reading accounts for the PostingBuffer found (see readAccountsToHold). */
export interface AccountsRead {
  /** Every account found, locked, with its totals and last entry time, by accountKey. */
  readonly accounts: Map<string, HeldAccount>;
  /**
   * Freeze scopes read in the same round trips: SQLite, those of the accounts' owners; PostgreSQL,
   * those of the owners asked for (null for a user without a row).
   */
  readonly freezes: ReadonlyMap<string, FreezeScope | null>;
  /** PostgreSQL: the database's clock (ms), read after the lock. */
  readonly dbNow?: number;
}

type AfterLockRow = { k: 'f' | 't' | 'l' | 'c'; account_id: string | number | null; owner_id: string | null; type: string | null; action: string | null; total: string | null; at: string | number | null };

/**
 * Locks and reads the accounts of these pairs (a superset may come back) with their totals and
 * last entry times. PostgreSQL: two statements, the lock and then everything else (the freezes of
 * `freezeOwners` too), the second sent as the first's answer arrives (one connection runs one
 * statement at a time: node-postgres only queued the second anyway, and from pg 9 on it refuses a
 * query asked for while another runs). A lock that waited for another transaction re-reads the
 * locked row only, so totals joined into the locking statement could predate that transaction;
 * the second statement takes its snapshot after the lock is held (selectAfterLock).
 * SQLite: one statement, the owners' freezes included (selectAccountsWithTotals): the unit already
 * holds the database's single write lock, and a statement saved here is saved on every posting.
 */
export async function readAccountsToHold(reader: Reader, pairs: Pairs, freezeOwners: readonly string[] = []): Promise<AccountsRead> {
  if (reader.dialect === 'sqlite') return readAccountsInOne(reader, pairs);
  const accountsStatement = selectAccounts(reader.dialect, pairs, true);
  const afterLock = selectAfterLock(pairs, freezeOwners);
  const rows = await reader.query<{ id: string | number; owner_id: string; asset: string; balance: string; locked: string; seq: string | number }>(accountsStatement.sql, accountsStatement.params);
  const read = await reader.query<AfterLockRow>(afterLock.sql, afterLock.params);
  const lastAt = new Map<number, number>();
  const freezes = new Map<string, FreezeScope | null>(freezeOwners.map((id) => [id, null]));
  let dbNow = NaN;
  for (const row of read) {
    if (row.k === 'l') lastAt.set(Number(row.account_id), Number(row.at ?? 0));
    else if (row.k === 'f') freezes.set(row.owner_id!, row.type as FreezeScope | null);
    else if (row.k === 'c') dbNow = Number(row.at);
  }
  const byId = new Map<number, HeldAccount>();
  const accounts = new Map<string, HeldAccount>();
  for (const row of rows) {
    const state = { id: Number(row.id), ownerId: row.owner_id, asset: row.asset, balance: BigInt(row.balance), locked: BigInt(row.locked), seq: Number(row.seq) };
    const account = { state, totals: emptyTotals(), lastEntryAt: lastAt.get(state.id) ?? 0 };
    byId.set(state.id, account);
    accounts.set(accountKey(row.owner_id, row.asset), account);
  }
  for (const row of read) {
    if (row.k !== 't') continue;
    const account = byId.get(Number(row.account_id));
    if (account) account.totals[row.type as UserEntryType][row.action!] = BigInt(row.total!);
  }
  return { accounts, freezes, dbNow };
}

async function readAccountsInOne(reader: Reader, pairs: Pairs): Promise<AccountsRead> {
  const statement = selectAccountsWithTotals(pairs);
  const rows = await reader.query<{ id: number; owner_id: string; asset: string; balance: string; locked: string; seq: number; last_at: number | null; frozen_scope: FreezeScope | null; type: UserEntryType | null; action: string | null; total: string | null }>(
    statement.sql,
    statement.params,
  );
  const accounts = new Map<string, HeldAccount>();
  const freezes = new Map<string, FreezeScope | null>();
  for (const row of rows) {
    const key = accountKey(row.owner_id, row.asset);
    freezes.set(row.owner_id, row.frozen_scope);
    let account = accounts.get(key);
    if (!account) {
      account = { state: { id: Number(row.id), ownerId: row.owner_id, asset: row.asset, balance: BigInt(row.balance), locked: BigInt(row.locked), seq: Number(row.seq) }, totals: emptyTotals(), lastEntryAt: Number(row.last_at ?? 0) };
      accounts.set(key, account);
    }
    if (row.type !== null && row.action !== null && row.total !== null) account.totals[row.type][row.action] = BigInt(row.total);
  }
  return { accounts, freezes };
}
