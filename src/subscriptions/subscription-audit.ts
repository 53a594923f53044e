import type { AuditChange, AuditFields } from '../audit/audit-record.js';
import { isoOrNull } from '../common/iso-time.js';
import type { AssetRegistry } from '../ledger/asset-registry.js';
import type { Subscription } from './subscription.js';

/**
 * The audit change of a subscription an operator expired (REST or socket): only an active one
 * can be, so before it was the same, active and not ended.
 */
export function expiryChange(assets: AssetRegistry, expired: Subscription): AuditChange {
  const after = fields(assets, expired);
  return { action: 'subscription.expire', target: `subscription:${expired.id}`, before: { ...after, status: 'active', endedAt: null, endedReason: null }, after };
}

function fields(assets: AssetRegistry, s: Subscription): AuditFields {
  return {
    userId: s.userId,
    productType: s.productType,
    productId: s.productId,
    plan: s.plan,
    status: s.status,
    currency: s.currency,
    price: assets.format(s.currency, s.price),
    periodIndex: s.periodIndex,
    periodEnd: isoOrNull(s.currentPeriodEnd),
    endedAt: isoOrNull(s.endedAt),
    endedReason: s.endedReason,
  };
}
