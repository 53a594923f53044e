import { isUniqueViolation } from '../database/db-errors.js';
import type { LedgerService } from '../ledger/ledger.service.js';
import type { PostingResult } from '../ledger/ledger.types.js';
import { SYSTEM_ACCOUNTS } from '../ledger/system-accounts.js';

export interface BillingUpdate {
  readonly userId: string;
  readonly asset: string;
  /** Minor units, non-zero; negative withdraws. */
  readonly amount: bigint;
  readonly operator: string | null;
  readonly requestId: string | undefined;
  readonly requestHash: string;
}

export const BILLING_UPDATE_ACTION = 'billingUpdate';
export const BILLING_UPDATE_SCOPE = 'legacy:user_balance_update';

/**
 * Posts a billing integrator's balance change as an adjustment against the issuer: a credit is
 * `mining` for the user, a debit `spending`, both under the action `billingUpdate`. With a
 * request_id the ledger's idempotency makes a retried call add once.
 */
export async function postBillingUpdate(ledger: LedgerService, update: BillingUpdate): Promise<PostingResult> {
  const { userId, asset, amount, requestId } = update;
  const credit = amount > 0n;
  const request = {
    kind: 'adjustment',
    action: BILLING_UPDATE_ACTION,
    legs: [
      { ownerId: userId, asset, amount, type: credit ? ('mining' as const) : ('spending' as const) },
      { ownerId: SYSTEM_ACCOUNTS.issuer, asset, amount: -amount, type: 'system' as const },
    ],
    metadata: { source: 'legacy_api', operator: update.operator, requestId: requestId ?? null },
    idempotency: requestId === undefined ? undefined : { scope: BILLING_UPDATE_SCOPE, key: requestId, requestHash: update.requestHash },
  };
  try {
    return await ledger.post(request);
  } catch (error) {
    // Two first attempts with the same request_id racing (PostgreSQL): the loser hits the
    // unique index instead of seeing the winner's row. Once more, it sees the row and replays.
    if (requestId !== undefined && isUniqueViolation(error)) return ledger.post(request);
    throw error;
  }
}
