import { Injectable } from '@nestjs/common';
import { formatAmount } from '../common/money.js';
import { AssetRegistry } from './asset-registry.js';
import { LedgerStore } from './store/ledger.store.js';

/**
 * An owner's balances at an instant: for each account, the balance after its last entry at or
 * before it, one index lookup per account whatever the size of the ledger (BalancesStore.at).
 * Holds lock funds and move nothing, so they play no part.
 */
@Injectable()
export class BalancesAt {
  constructor(
    private readonly store: LedgerStore,
    private readonly assets: AssetRegistry,
  ) {}

  /** `at` in epoch milliseconds; an account with no entry by then stood at 0. */
  async of(ownerId: string, at: number): Promise<Array<{ asset: string; amount: string }>> {
    const balances = await this.store.balances.at(ownerId, at);
    return balances.map(({ asset, amount }) => ({ asset, amount: formatAmount(amount, this.assets.get(asset).scale) }));
  }
}
