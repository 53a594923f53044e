import type { Dialect } from '../database/dialect.js';
import { sharedTxOf } from '../database/shared-tx.js';
import { forUpdate } from '../database/sql-dialect.js';
import type { Reader, Statement } from '../database/tx.js';
import type { AccountState } from './ledger.types.js';
import type { StagedPosting } from './staged-posting.js';
import { eventsAsJson, PG_INSERT_EVENTS_FROM_JSON } from '../events/events-sql.js';

/*
 * The ledger's SQL where the two databases differ: how a list of owners and assets is passed,
 * the lock clause, and how staged postings are written. The posting path itself (PostingBuffer,
 * LedgerService.postIn) is the same on both.
 */

type Pairs = ReadonlyArray<{ ownerId: string; asset: string }>;

/**
 * A shared transaction may hold postings back (PostingBuffer): a statement on the ledger's tables
 * (accounts, account_totals, ledger_transactions, ledger_entries, holds) made outside the buffer
 * runs them first, so it sees them and the buffer's cached accounts are read again after it.
 * See database/group-commit.md.
 */
export async function flushStagedPostings(connection: Reader): Promise<void> {
  await sharedTxOf(connection)?.flush();
}

/**
 * `owner_id` and `asset` among those of the pairs (owners x assets may be a superset of the
 * pairs). PostgreSQL takes one array each, so a named statement's cached plan fits any count;
 * SQLite takes flat IN lists, which stay within its expression-depth limit however many.
 */
function amongPairs(dialect: Dialect, pairs: Pairs, prefix = ''): { where: string; params: unknown[] } {
  const owners = [...new Set(pairs.map((p) => p.ownerId))];
  const assets = [...new Set(pairs.map((p) => p.asset))];
  if (dialect === 'postgres') return { where: `${prefix}owner_id = ANY(?::text[]) AND ${prefix}asset = ANY(?::text[])`, params: [owners, assets] };
  const list = (values: readonly string[]) => values.map(() => '?').join(', ');
  return { where: `${prefix}owner_id IN (${list(owners)}) AND ${prefix}asset IN (${list(assets)})`, params: [...owners, ...assets] };
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
export function selectTotals(dialect: Dialect, pairs: Pairs): Statement {
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
export function selectAccountsWithTotals(pairs: Pairs): Statement {
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
 * PostgreSQL: the database's clock (ms), and the created_at of each account's last entry (null:
 * none), read after the lock. One row with a null id when no account matches: the clock is always read.
 */
export function selectLastEntries(pairs: Pairs): Statement {
  const { where, params } = amongPairs('postgres', pairs, 'a.');
  return {
    sql: `SELECT c.db_now, a.id, ${LAST_ENTRY_AT} AS last_at
       FROM (SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS db_now) c LEFT JOIN accounts a ON ${where}`,
    params,
  };
}

/** The posting stored with this posting key, if any. */
export function selectPosted(scope: string, key: string): Statement {
  return { sql: 'SELECT id, request_hash FROM ledger_transactions WHERE idempotency_scope = ? AND idempotency_key = ?', params: [scope, key] };
}

/**
 * The id the next ledger transaction gets. PostgreSQL: a block from the sequence (a sequence
 * never hands one out twice, committed or not). SQLite: what AUTOINCREMENT would give, read in
 * the unit's transaction under the database's single write lock.
 */
export function nextTransactionIds(dialect: Dialect, block: number): Statement {
  if (dialect === 'postgres') {
    return { sql: `SELECT nextval(pg_get_serial_sequence('ledger_transactions', 'id'))::text AS id FROM generate_series(1, ${block})`, params: [] };
  }
  return {
    sql: `SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'ledger_transactions'), 0), COALESCE((SELECT MAX(id) FROM ledger_transactions), 0)) + 1 AS id`,
    params: [],
  };
}

/**
 * Writes staged postings: transactions, entries (in staging order, so entry ids still follow
 * each account's history), each account's last balance and change sequence, each total's last
 * value, and each transaction's `transaction.committed` event (the outbox, in posting order).
 */
export function writePostings(dialect: Dialect, postings: readonly StagedPosting[]): Statement[] {
  const txs = postings.map((p) => p.transaction);
  const entries = postings.flatMap((p) => p.entries.map((e) => ({ ...e, transactionId: p.transaction.id, createdAt: p.transaction.createdAt })));
  // Each account once, with its last balance and sequence; each total once, with its last value.
  const balances = new Map(postings.flatMap((p) => p.accounts.map((a) => [a.state.id, a.state] as const)));
  const totals = [...new Map(postings.flatMap((p) => p.totals.map((t) => [`${t.accountId}\u0000${t.type}\u0000${t.action}`, t] as const))).values()];
  if (dialect === 'sqlite') {
    return [
      ...insertRows(
        'INSERT INTO ledger_transactions (id, kind, action, metadata, idempotency_scope, idempotency_key, request_hash, created_at, reverses) VALUES',
        txs.map((t) => [t.id, t.kind, t.action, t.metadata, t.postingKey?.scope ?? null, t.postingKey?.key ?? null, t.postingKey?.requestHash ?? null, t.createdAt, t.reverses ?? null]),
      ),
      ...insertRows(
        'INSERT INTO ledger_entries (transaction_id, account_id, asset, amount, balance_after, type, action, created_at) VALUES',
        entries.map((e) => [e.transactionId, e.accountId, e.asset, e.amount, e.balanceAfter, e.type, e.action, e.createdAt]),
      ),
      ...updateBalances([...balances]),
      ...insertRows(
        'INSERT INTO account_totals (account_id, type, action, total) VALUES',
        totals.map((t) => [t.accountId, t.type, t.action, t.total]),
        'ON CONFLICT (account_id, type, action) DO UPDATE SET total = excluded.total',
      ),
      ...insertRows(
        'INSERT INTO events (type, created_at, payload) VALUES',
        postings.map((p) => ['transaction.committed', p.transaction.createdAt, p.event]),
      ),
    ];
  }
  // One statement, one round trip; its rows travel as JSON (cheaper to build than array
  // literals). Foreign keys are checked at the statement's end, when every part is in.
  // The plan is cached for every batch, so nothing may depend on the batch's size: the ids
  // repeated as an array keep the balance update on the primary key (not a scan of accounts).
  return [
    {
      sql: `WITH transactions AS (
         INSERT INTO ledger_transactions (id, kind, action, metadata, idempotency_scope, idempotency_key, request_hash, created_at, reverses)
         SELECT id, kind, action, metadata, scope, key, hash, at, reverses
         FROM json_to_recordset(?::json) AS t(id bigint, kind text, action text, metadata text, scope text, key text, hash text, at bigint, reverses bigint)
       ), events AS (
         ${PG_INSERT_EVENTS_FROM_JSON}
       ), entries AS (
         INSERT INTO ledger_entries (transaction_id, account_id, asset, amount, balance_after, type, action, created_at)
         SELECT tx, account, asset, amount, after, type, action, at
         FROM json_to_recordset(?::json) AS e(tx bigint, account bigint, asset text, amount numeric, after numeric, type text, action text, at bigint)
       ), balances AS (
         UPDATE accounts AS a SET balance = v.balance, seq = v.seq
         FROM json_to_recordset(?::json) AS v(id bigint, balance numeric, seq bigint) WHERE a.id = v.id AND a.id = ANY(?::bigint[])
       )
       INSERT INTO account_totals (account_id, type, action, total)
       SELECT account, type, action, total FROM json_to_recordset(?::json) AS t(account bigint, type text, action text, total numeric)
       ON CONFLICT (account_id, type, action) DO UPDATE SET total = excluded.total`,
      params: [
        JSON.stringify(
          txs.map((t) => ({
            id: t.id,
            kind: t.kind,
            action: t.action,
            metadata: t.metadata,
            scope: t.postingKey?.scope,
            key: t.postingKey?.key,
            hash: t.postingKey?.requestHash,
            at: t.createdAt,
            reverses: t.reverses,
          })),
        ),
        eventsAsJson(postings.map((p) => ({ type: 'transaction.committed', createdAt: p.transaction.createdAt, payload: p.event }))),
        JSON.stringify(
          entries.map((e) => ({ tx: e.transactionId, account: e.accountId, asset: e.asset, amount: e.amount.toString(), after: e.balanceAfter.toString(), type: e.type, action: e.action, at: e.createdAt })),
        ),
        JSON.stringify([...balances].map(([id, state]) => ({ id, balance: state.balance.toString(), seq: state.seq }))),
        [...balances.keys()],
        JSON.stringify(totals.map((t) => ({ account: t.accountId, type: t.type, action: t.action, total: t.total.toString() }))),
      ],
    },
  ];
}

/** SQLite: each account's new balance and sequence, all of them in one UPDATE (split to fit the parameter limit). */
function updateBalances(balances: ReadonlyArray<readonly [number, AccountState]>): Statement[] {
  const statements: Statement[] = [];
  const perStatement = Math.floor(SQLITE_MAX_PARAMS / 5);
  for (let i = 0; i < balances.length; i += perStatement) {
    const chunk = balances.slice(i, i + perStatement);
    const sql = sqlOfShape('UPDATE accounts', chunk.length, () => {
      const cases = chunk.map(() => 'WHEN ? THEN ?').join(' ');
      return `UPDATE accounts SET balance = CASE id ${cases} END, seq = CASE id ${cases} END WHERE id IN (${chunk.map(() => '?').join(', ')})`;
    });
    statements.push({ sql, params: [...chunk.flatMap(([id, a]) => [id, a.balance]), ...chunk.flatMap(([id, a]) => [id, a.seq]), ...chunk.map(([id]) => id)] });
  }
  return statements;
}

/**
 * The text of each statement shape (a statement's constant head and a row count), built once:
 * SQLite writes every posting at once, so the same few shapes come back thousands of times a
 * second. Keyed by the head itself (a constant, so no key is built per call); bounded, because
 * a row count goes up to the parameter limit only.
 */
const shapes = new Map<string, Map<number, string>>();
function sqlOfShape(head: string, rows: number, build: () => string): string {
  let byRows = shapes.get(head);
  if (byRows === undefined) shapes.set(head, (byRows = new Map()));
  let sql = byRows.get(rows);
  if (sql === undefined) byRows.set(rows, (sql = build()));
  return sql;
}

/** SQLite's default limit on parameters per statement is 999 (older builds); rows are split to fit. */
const SQLITE_MAX_PARAMS = 999;

/**
 * Multi-row INSERTs of these rows (none when there are none), each within SQLite's parameter
 * limit. A head always comes with the same tail (their text is cached by head and row count).
 */
function insertRows(head: string, rows: ReadonlyArray<readonly unknown[]>, tail = ''): Statement[] {
  if (rows.length === 0) return [];
  const perStatement = Math.max(1, Math.floor(SQLITE_MAX_PARAMS / rows[0].length));
  const statements: Statement[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.length <= perStatement ? rows : rows.slice(i, i + perStatement);
    const sql = sqlOfShape(head, chunk.length, () => {
      const values = chunk.map((row) => `(${row.map(() => '?').join(', ')})`).join(', ');
      return `${head} ${values}${tail ? ` ${tail}` : ''}`;
    });
    statements.push({ sql, params: chunk.flat() });
  }
  return statements;
}
