import { Injectable } from '@nestjs/common';
import { invalid, notFound } from '../common/errors.js';
import type { Tx } from '../database/db.service.js';
import { AssetRegistry } from './asset-registry.js';
import { isTransactionId } from './ledger-transaction.js';
import { LedgerService } from './ledger.service.js';
import { isOneToOne, reversalLegs } from './reversal-plan.js';
import { namingShortAccount } from './short-account.js';
import { LedgerStore } from './store/ledger.store.js';

/**
 * Operators' reversals: a new transaction (kind `reversal`) whose entries mirror the original's
 * with the opposite sign. The original's row is locked first and what its reversals took back is
 * read under that lock, in the posting's transaction, so two reversals of one transaction are
 * checked one after the other and together never take back more than it moved.
 */
@Injectable()
export class ReversalsService {
  constructor(
    private readonly store: LedgerStore,
    private readonly ledger: LedgerService,
    private readonly assets: AssetRegistry,
  ) {}

  async reverseIn(tx: Tx, input: { transactionId: string; amount?: unknown; comment: string; admin: string }): Promise<{ transactionId: string; reverses: string }> {
    // Reads (and a row lock) only until the posting: a refusal has written nothing.
    const original = isTransactionId(input.transactionId) ? await this.store.transactions.lockForReversal(input.transactionId) : null;
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
}
