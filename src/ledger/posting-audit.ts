import type { AuditChange } from '../audit/audit-record.js';
import type { AssetRegistry } from './asset-registry.js';
import type { PostingResult } from './ledger.types.js';

/**
 * The audit change of a posting that moved one user's account by `delta`: the target is the
 * user, `before` and `after` the account's balance and locked amount (decimal strings) either
 * side of it, and `after` names the ledger transaction that made the change. Null for a replay
 * (nothing was written, so there is nothing to record).
 */
export function postingChange(assets: AssetRegistry, action: string, result: PostingResult, userId: string, asset: string, delta: bigint): AuditChange | null {
  const account = result.accounts.find((a) => a.ownerId === userId && a.asset === asset);
  if (result.replayed || !account) return null;
  const locked = assets.format(asset, account.locked);
  return {
    action,
    target: `user:${userId}`,
    before: { asset, balance: assets.format(asset, account.balance - delta), locked },
    after: { asset, balance: assets.format(asset, account.balance), locked, transactionId: result.transactionId },
  };
}
