import type { Leg } from './ledger.types.js';
import { SYSTEM_ACCOUNTS } from './system-accounts.js';

/**
 * The two legs of an adjustment: a credit (positive) comes from the issuer and is `mining` for
 * the user; a withdrawal (negative) goes back to the issuer and is `spending`.
 */
export function adjustmentLegs(userId: string, asset: string, amount: bigint): Leg[] {
  return [
    { ownerId: userId, asset, amount, type: amount > 0n ? 'mining' : 'spending' },
    { ownerId: SYSTEM_ACCOUNTS.issuer, asset, amount: -amount, type: 'system' },
  ];
}
