import { Injectable } from '@nestjs/common';
import { invalid, notFound } from '../common/errors.js';
import { Db, type Reader, type Tx } from '../database/db.service.js';
import { forUpdate } from '../database/sql-dialect.js';
import { AssetRegistry } from './asset-registry.js';
import { flushStagedPostings } from './ledger-sql.js';
import { isTransactionId } from './ledger-transaction.js';
import { LedgerService } from './ledger.service.js';
import type { EntryType } from './ledger.types.js';
import { isOneToOne, reversalLegs, type StoredEntry } from './reversal-plan.js';
import { namingShortAccount } from './short-account.js';

interface EntryRow {
  owner_id: string;
  asset: string;
  amount: string;
  type: EntryType;
  action: string;
}

const toEntry = (row: EntryRow): StoredEntry => ({ ownerId: row.owner_id, asset: row.asset, amount: BigInt(row.amount), type: row.type, action: row.action });

/**
 * Operators' reversals: a new transaction (kind `reversal`) whose entries mirror the original's
 * with the opposite sign. The original's row is locked first and what its reversals took back is
 * read under that lock, in the posting's transaction, so two reversals of one transaction are
 * checked one after the other and together never take back more than it moved.
 */
@Injectable()
export class ReversalsService {
  constructor(
    private readonly db: Db,
    private readonly ledger: LedgerService,
    private readonly assets: AssetRegistry,
  ) {}

  async reverseIn(tx: Tx, input: { transactionId: string; amount?: unknown; comment: string; admin: string }): Promise<{ transactionId: string; reverses: string }> {
    // Reads (and a row lock) only until the posting: a refusal has written nothing.
    const original = await this.db.read((reader) => this.lockOriginal(reader, input.transactionId));
    if (!original) throw notFound(`Transaction ${input.transactionId} not found`);
    if (original.kind === 'reversal') throw invalid('A reversal cannot be reversed');
    let amount: bigint | undefined;
    if (input.amount !== undefined) {
      if (!isOneToOne(original.entries)) throw invalid('amount is only allowed for a transaction with one debited and one credited entry; leave it out to reverse all of it');
      amount = this.assets.parse(original.entries[0].asset, input.amount);
    }
    const legs = reversalLegs(original.entries, original.reversed, amount);
    const posting = await namingShortAccount(() =>
      this.ledger.postIn(tx, { kind: 'reversal', action: 'reversal', metadata: { comment: input.comment, admin: input.admin }, legs, reverses: original.id }),
    );
    return { transactionId: posting.transactionId, reverses: original.id };
  }

  /** The original, its row locked for the rest of the transaction, with its entries and those of its reversals. */
  private async lockOriginal(reader: Reader, transactionId: string) {
    if (!isTransactionId(transactionId)) return null;
    await flushStagedPostings(reader);
    const [row] = await reader.query<{ id: string | number; kind: string }>(`SELECT id, kind FROM ledger_transactions WHERE id = ? ${forUpdate(reader.dialect)}`, [transactionId]);
    if (!row) return null;
    const entries = await reader.query<EntryRow>(
      `SELECT a.owner_id, e.asset, e.amount, e.type, e.action FROM ledger_entries e JOIN accounts a ON a.id = e.account_id
       WHERE e.transaction_id = ? ORDER BY e.id`,
      [transactionId],
    );
    const reversed = await reader.query<EntryRow>(
      `SELECT a.owner_id, e.asset, e.amount, e.type, e.action FROM ledger_transactions t
       JOIN ledger_entries e ON e.transaction_id = t.id JOIN accounts a ON a.id = e.account_id
       WHERE t.reverses = ?`,
      [transactionId],
    );
    return { id: String(row.id), kind: row.kind, entries: entries.map(toEntry), reversed: reversed.map(toEntry) };
  }
}
