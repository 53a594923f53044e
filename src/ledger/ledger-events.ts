import { Injectable } from '@nestjs/common';
import type { BalanceChange } from './ledger.types.js';

type Listener = (changes: readonly BalanceChange[]) => void;

/**
 * Committed balance changes, for whoever must react (the realtime push). The ledger publishes
 * only from an after-commit hook, so a listener never hears of a change that rolled back.
 */
@Injectable()
export class LedgerEvents {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(changes: readonly BalanceChange[]): void {
    if (changes.length === 0) return;
    for (const listener of this.listeners) listener(changes);
  }
}
