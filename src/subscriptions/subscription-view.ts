import { dateTimeSchema, numberSchema, objectSchema, stringSchema, type JsonSchema } from '../common/json-schema.js';
import { isoOrNull } from '../common/iso-time.js';
import { toJsonNumber } from '../common/money.js';
import type { AssetRegistry } from '../ledger/asset-registry.js';
import { PLANS } from './plans.js';
import type { Subscription } from './subscription.js';

/** A subscription as the Balance API answers it. */
export function subscriptionView(s: Subscription, assets: AssetRegistry) {
  return {
    id: s.id,
    roomId: s.productId,
    productType: s.productType,
    plan: s.plan,
    status: s.status,
    currency: s.currency,
    price: toJsonNumber(s.price, assets.get(s.currency).scale),
    walletAddress: s.walletAddress,
    periodStart: isoOrNull(s.currentPeriodStart),
    periodEnd: isoOrNull(s.currentPeriodEnd),
    createdAt: isoOrNull(s.createdAt),
    endedAt: isoOrNull(s.endedAt),
  };
}

const nullable = (schema: JsonSchema): JsonSchema => ({ ...schema, type: [schema.type, 'null'] });

export const PLAN_SCHEMA = stringSchema('The plan', { enum: [...PLANS] });

/** The schema of what subscriptionView makes. */
export const SUBSCRIPTION_VIEW_SCHEMA = objectSchema({
  id: stringSchema('Subscription id'),
  roomId: stringSchema('The product (room) subscribed to'),
  productType: stringSchema('The product type'),
  plan: PLAN_SCHEMA,
  status: stringSchema('Active, or expired (ended for good)', { enum: ['active', 'expired'] }),
  currency: stringSchema('The asset it is paid in'),
  price: numberSchema('The price charged each period, in `currency`'),
  walletAddress: nullable(stringSchema('The wallet of a crypto payment')),
  periodStart: nullable(dateTimeSchema('Start of the current period')),
  periodEnd: nullable(dateTimeSchema('End of the current period; null for a plan that never expires')),
  createdAt: nullable(dateTimeSchema('When it was created')),
  endedAt: nullable(dateTimeSchema('When it ended; null while active')),
});
