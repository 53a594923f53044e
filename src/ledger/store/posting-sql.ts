import type { Dialect } from '../../database/dialect.js';
import type { Statement } from '../../database/tx.js';
import type { AccountState } from '../ledger.types.js';
import { eventsAsJson, PG_INSERT_EVENTS_FROM_JSON } from './events-sql.js';
import type { StagedPosting } from './staged-posting.js';

/*
 * How staged postings are written, where the two databases differ: SQLite in multi-row
 * statements (five, or more where a batch's rows pass its parameter limit), PostgreSQL in one.
 */

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
 * SQLite writes every batch's postings this way, so the same few shapes come back again and
 * again. Keyed by the head itself (a constant, so no key is built per call); bounded, because
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
