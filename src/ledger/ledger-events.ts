import { Injectable } from '@nestjs/common';
import type { BalanceChange } from './ledger.types.js';

type Listener = (changes: readonly BalanceChange[]) => void;

/** A committed ledger transaction as operators see it: its users' entries (system accounts left out). */
export interface CommittedTransaction {
  readonly transactionId: string;
  readonly kind: string;
  readonly action: string;
  /** Epoch milliseconds (the service clock). */
  readonly createdAt: number;
  readonly entries: ReadonlyArray<{ readonly userId: string; readonly asset: string; readonly amount: bigint; readonly type: string }>;
}

type TransactionListener = (transaction: CommittedTransaction) => void;

/**
 * Committed balance changes, for whoever must react (the realtime push). The ledger publishes
 * only from an after-commit hook, so a listener never hears of a change that rolled back.
 */
@Injectable()
export class LedgerEvents {
  private readonly listeners = new Set<Listener>();
  private readonly transactionListeners = new Set<TransactionListener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(changes: readonly BalanceChange[]): void {
    if (changes.length === 0) return;
    for (const listener of this.listeners) listener(changes);
  }

  /** Every committed transaction that has a user entry (also published only after COMMIT). */
  subscribeTransactions(listener: TransactionListener): () => void {
    this.transactionListeners.add(listener);
    return () => this.transactionListeners.delete(listener);
  }

  get hasTransactionListeners(): boolean {
    return this.transactionListeners.size > 0;
  }

  publishTransaction(transaction: CommittedTransaction): void {
    for (const listener of this.transactionListeners) listener(transaction);
  }
}
