import { Injectable } from '@nestjs/common';
import { formatAmount } from '../common/money.js';
import { Db } from '../database/db.service.js';
import { AssetRegistry } from './asset-registry.js';

interface TransactionRow {
  id: string | number;
  kind: string;
  action: string;
  metadata: string;
  created_at: string | number;
  reverses: string | number | null;
}

interface EntryRow {
  owner_id: string;
  owner_kind: 'user' | 'system';
  asset: string;
  amount: string;
  balance_after: string;
  type: string;
  action: string;
}

/** A transaction id as stored (a positive bigint); anything else names no transaction. */
const TRANSACTION_ID = /^[1-9][0-9]{0,17}$/;
export const isTransactionId = (id: string) => TRANSACTION_ID.test(id);

/** One ledger transaction with every entry, system accounts included: what an operator proves a movement with. */
@Injectable()
export class LedgerTransaction {
  constructor(
    private readonly db: Db,
    private readonly assets: AssetRegistry,
  ) {}

  /** The transaction, or null when no transaction has this id (a non-numeric id included). */
  async find(transactionId: string) {
    if (!isTransactionId(transactionId)) return null;
    return this.db.read(async (reader) => {
      const [transaction] = await reader.query<TransactionRow>('SELECT id, kind, action, metadata, created_at, reverses FROM ledger_transactions WHERE id = ?', [transactionId]);
      if (!transaction) return null;
      const entries = await reader.query<EntryRow>(
        `SELECT a.owner_id, a.owner_kind, e.asset, e.amount, e.balance_after, e.type, e.action
         FROM ledger_entries e JOIN accounts a ON a.id = e.account_id
         WHERE e.transaction_id = ? ORDER BY e.id`,
        [transactionId],
      );
      const reversals = await reader.query<{ id: string | number }>('SELECT id FROM ledger_transactions WHERE reverses = ? ORDER BY id', [transactionId]);
      return this.view(transaction, entries, reversals.map((r) => String(r.id)));
    });
  }

  private view(transaction: TransactionRow, entries: EntryRow[], reversedBy: string[]) {
    const metadata = JSON.parse(transaction.metadata) as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    const comment = text(metadata.comment);
    const actor = text(metadata.admin);
    return {
      transactionId: String(transaction.id),
      createdAt: new Date(Number(transaction.created_at)).toISOString(),
      kind: transaction.kind,
      action: transaction.action,
      ...(comment === undefined ? {} : { comment }),
      ...(actor === undefined ? {} : { actor: { id: actor } }),
      ...(transaction.reverses === null ? {} : { reverses: String(transaction.reverses) }),
      reversedBy,
      entries: entries.map((entry) => {
        const scale = this.assets.get(entry.asset).scale;
        return {
          ...(entry.owner_kind === 'user' ? { userId: entry.owner_id } : {}),
          account: entry.owner_id,
          asset: entry.asset,
          amount: formatAmount(BigInt(entry.amount), scale),
          type: entry.type,
          action: entry.action,
          balanceAfter: formatAmount(BigInt(entry.balance_after), scale),
        };
      }),
    };
  }
}
