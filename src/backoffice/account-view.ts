import { formatAmount } from '../common/money.js';
import type { AssetRegistry } from '../ledger/asset-registry.js';
import type { AccountState, PostingResult } from '../ledger/ledger.types.js';

/** A user's account after a write: exact strings; `amount` includes `locked`. */
export function accountView(assets: AssetRegistry, account: Pick<AccountState, 'asset' | 'balance' | 'locked'>) {
  const { scale } = assets.get(account.asset);
  return {
    asset: account.asset,
    amount: formatAmount(account.balance, scale),
    locked: formatAmount(account.locked, scale),
    available: formatAmount(account.balance - account.locked, scale),
  };
}

/** The user's account as a posting left it. */
export function balanceAfter(assets: AssetRegistry, result: PostingResult, userId: string, asset: string) {
  const account = result.accounts.find((a) => a.ownerId === userId && a.asset === asset);
  return account ? accountView(assets, account) : null;
}

export const BALANCE_EXAMPLE = { asset: 'usd', amount: '100.3', locked: '20', available: '80.3' };
