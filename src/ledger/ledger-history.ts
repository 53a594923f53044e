import { Injectable } from '@nestjs/common';
import { formatAmount } from '../common/money.js';
import { Db } from '../database/db.service.js';
import { AssetRegistry } from './asset-registry.js';
import { SYSTEM_PREFIX } from './system-accounts.js';

export interface EntryFilter {
  readonly asset?: string;
  readonly type?: string;
  readonly action?: string;
  readonly from?: number;
  readonly to?: number;
}

interface EntryRow {
  id: string | number;
  owner_id: string;
  transaction_id: string | number;
  asset: string;
  amount: string;
  balance_after: string;
  type: string;
  action: string;
  kind: string;
  metadata: string;
  created_at: string | number;
  reverses: string | number | null;
}

/** Users' ledger entries, newest first: read-only history (system accounts left out). */
@Injectable()
export class LedgerHistory {
  constructor(
    private readonly db: Db,
    private readonly assets: AssetRegistry,
  ) {}

  /** One user's entries, or with `userId` null every user's. */
  async list(userId: string | null, filter: EntryFilter, page: { readonly offset: number; readonly limit: number }) {
    const conditions = userId === null ? ['a.owner_id NOT LIKE ?'] : ['a.owner_id = ?'];
    const params: unknown[] = userId === null ? [`${SYSTEM_PREFIX}%`] : [userId];
    const add = (sql: string, value: unknown) => {
      conditions.push(sql);
      params.push(value);
    };
    if (filter.asset !== undefined) add('e.asset = ?', filter.asset);
    if (filter.type !== undefined) add('e.type = ?', filter.type);
    if (filter.action !== undefined) add('e.action = ?', filter.action);
    if (filter.from !== undefined) add('e.created_at >= ?', filter.from);
    if (filter.to !== undefined) add('e.created_at < ?', filter.to);
    const where = conditions.join(' AND ');

    // One connection for both queries (and, on SQLite, one turn of its lock).
    return this.db.read(async (reader) => {
      const [{ n }] = await reader.query<{ n: string | number }>(`SELECT COUNT(*) AS n FROM ledger_entries e JOIN accounts a ON a.id = e.account_id WHERE ${where}`, params);
      const rows = await reader.query<EntryRow>(
        `SELECT e.id, a.owner_id, e.transaction_id, e.asset, e.amount, e.balance_after, e.type, e.action, t.kind, t.metadata, e.created_at, t.reverses
         FROM ledger_entries e JOIN accounts a ON a.id = e.account_id JOIN ledger_transactions t ON t.id = e.transaction_id
         WHERE ${where}
         ORDER BY e.id DESC LIMIT ? OFFSET ?`,
        [...params, page.limit, page.offset],
      );
      return { total: Number(n), entries: rows.map((row) => this.view(row, userId === null)) };
    });
  }

  /** With `withUser` (the all-users list) each entry names its user. */
  private view(row: EntryRow, withUser: boolean) {
    const scale = this.assets.get(row.asset).scale;
    return {
      entryId: String(row.id),
      transactionId: String(row.transaction_id),
      ...(withUser ? { userId: row.owner_id } : {}),
      asset: row.asset,
      amount: formatAmount(BigInt(row.amount), scale),
      balanceAfter: formatAmount(BigInt(row.balance_after), scale),
      type: row.type,
      action: row.action,
      kind: row.kind,
      metadata: JSON.parse(row.metadata) as Record<string, unknown>,
      ...(row.reverses === null ? {} : { reverses: String(row.reverses) }),
      createdAt: new Date(Number(row.created_at)).toISOString(),
    };
  }
}
