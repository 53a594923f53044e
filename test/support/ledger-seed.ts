import type { Reader } from '../../src/database/tx.js';

/** Rows per INSERT: well under either database's limit of bound parameters. */
const ROWS_PER_INSERT = 500;

/**
 * Appends `count` adjustments crediting `userId` one minor unit of `asset` each (the issuer's
 * side debited), written straight as rows so that a large ledger takes seconds, not minutes.
 * They are what the ledger itself would have written: balanced transactions, each account's
 * balance_after following on, the accounts' balances and the user's running total moved to
 * match, times never earlier than the accounts' last entries, ids beyond any the ledger has
 * handed out (PostgreSQL's sequence moved past them). The user needs one real adjustment in
 * `asset` first (its accounts and totals exist then); call it inside one transaction.
 */
export async function seedAdjustments(db: Reader, userId: string, asset: string, count: number): Promise<void> {
  const accounts = await db.query<{ id: string | number; owner_id: string; balance: string }>(
    `SELECT id, owner_id, balance FROM accounts WHERE asset = ? AND owner_id IN (?, 'system:issuer')`,
    [asset, userId],
  );
  const user = accounts.find((a) => a.owner_id === userId);
  const issuer = accounts.find((a) => a.owner_id === 'system:issuer');
  if (!user || !issuer) throw new Error(`seedAdjustments: ${userId} has no ${asset} account yet; post one adjustment first`);
  const [last] = await db.query<{ type: string; action: string; created_at: string | number }>(
    'SELECT type, action, created_at FROM ledger_entries WHERE account_id = ? ORDER BY id DESC LIMIT 1',
    [user.id],
  );
  const createdAt = Number((await db.query<{ t: string | number }>('SELECT MAX(created_at) AS t FROM ledger_entries'))[0].t);
  const firstId = await reserveTransactionIds(db, count);

  let userBalance = BigInt(user.balance);
  let issuerBalance = BigInt(issuer.balance);
  for (let start = 0; start < count; start += ROWS_PER_INSERT) {
    const ids = Array.from({ length: Math.min(ROWS_PER_INSERT, count - start) }, (_, i) => firstId + BigInt(start + i));
    await db.query(
      `INSERT INTO ledger_transactions (id, kind, action, metadata, created_at) VALUES ${ids.map(() => `(?, 'adjustment', ?, ?, ?)`).join(', ')}`,
      ids.flatMap((id) => [id, last.action, JSON.stringify({ comment: `seeded ${id}` }), createdAt]),
    );
    const entries = ids.flatMap((id) => {
      userBalance += 1n;
      issuerBalance -= 1n;
      return [
        [id, user.id, asset, 1n, userBalance, last.type, last.action, createdAt],
        [id, issuer.id, asset, -1n, issuerBalance, 'system', last.action, createdAt],
      ];
    });
    await db.query(
      `INSERT INTO ledger_entries (transaction_id, account_id, asset, amount, balance_after, type, action, created_at) VALUES ${entries.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      entries.flat(),
    );
  }
  await db.query('UPDATE accounts SET balance = ? WHERE id = ?', [userBalance, user.id]);
  await db.query('UPDATE accounts SET balance = ? WHERE id = ?', [issuerBalance, issuer.id]);
  const [total] = await db.query<{ total: string }>('SELECT total FROM account_totals WHERE account_id = ? AND type = ? AND action = ?', [user.id, last.type, last.action]);
  await db.query('UPDATE account_totals SET total = ? WHERE account_id = ? AND type = ? AND action = ?', [BigInt(total.total) + BigInt(count), user.id, last.type, last.action]);
}

/** The first of `count` transaction ids nobody has been or will be given. */
async function reserveTransactionIds(db: Reader, count: number): Promise<bigint> {
  if (db.dialect === 'sqlite') {
    const [row] = await db.query<{ id: string | number }>('SELECT COALESCE(MAX(id), 0) + 1 AS id FROM ledger_transactions');
    return BigInt(row.id);
  }
  // Past the blocks of ids the running server may hold already (it takes 128 at a time).
  const [row] = await db.query<{ last: string }>(
    `SELECT setval(pg_get_serial_sequence('ledger_transactions', 'id'), nextval(pg_get_serial_sequence('ledger_transactions', 'id')) + 1000 + ?)::text AS last`,
    [count],
  );
  return BigInt(row.last) - BigInt(count) + 1n;
}
