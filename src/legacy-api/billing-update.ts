import type { Tx } from '../database/db.service.js';
import type { LedgerService } from '../ledger/ledger.service.js';
import type { PostingResult } from '../ledger/ledger.types.js';
import { adjustmentLegs } from '../ledger/adjustment.js';

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
 * Posts a billing integrator's balance change as an adjustment against the issuer under the
 * action `billingUpdate`, inside `tx` (so that it commits with the binding of its hash). With a
 * request_id the ledger's idempotency makes a retried call add once. A unique violation (a
 * request racing for the same request_id) is left to the caller, who runs the transaction again.
 */
export function postBillingUpdate(ledger: LedgerService, tx: Tx, update: BillingUpdate): Promise<PostingResult> {
  const { userId, asset, amount, requestId } = update;
  return ledger.postIn(tx, {
    kind: 'adjustment',
    action: BILLING_UPDATE_ACTION,
    // A billing integration moves the user's own money (unlike an operator's adjustment): a freeze refuses it.
    legs: adjustmentLegs(userId, asset, amount).map((leg) => (leg.ownerId === userId ? { ...leg, respectsFreeze: true } : leg)),
    metadata: { source: 'legacy_api', operator: update.operator, requestId: requestId ?? null },
    postingKey: requestId === undefined ? undefined : { scope: BILLING_UPDATE_SCOPE, key: requestId, requestHash: update.requestHash },
  });
}
