import { Injectable } from '@nestjs/common';
import { formatAmount } from '../common/money.js';
import { AssetRegistry } from './asset-registry.js';
import type { EntryFilter } from './ledger.types.js';
import { LedgerStore } from './store/ledger.store.js';
import type { HistoryRow } from './store/transactions.store.js';

/** Users' ledger entries, newest first: read-only history (system accounts left out). */
@Injectable()
export class LedgerHistory {
  constructor(
    private readonly store: LedgerStore,
    private readonly assets: AssetRegistry,
  ) {}

  /** One user's entries, or with `userId` null every user's. */
  async list(userId: string | null, filter: EntryFilter, page: { readonly offset: number; readonly limit: number }) {
    const { total, rows } = await this.store.transactions.history(userId, filter, page);
    return { total, entries: rows.map((row) => this.view(row, userId === null)) };
  }

  /** With `withUser` (the all-users list) each entry names its user. */
  private view(row: HistoryRow, withUser: boolean) {
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
