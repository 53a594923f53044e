import type { Plan } from './plans.js';

export interface Subscription {
  readonly id: string;
  readonly userId: string;
  readonly productType: string;
  readonly productId: string;
  readonly plan: Plan;
  /** The asset it is paid in and the price charged each period, in its minor units. */
  readonly currency: string;
  readonly price: bigint;
  readonly walletAddress: string | null;
  readonly status: 'active' | 'expired';
  readonly anchorAt: number;
  readonly periodIndex: number;
  readonly currentPeriodStart: number;
  readonly currentPeriodEnd: number | null;
  readonly createdAt: number;
  readonly endedAt: number | null;
  readonly endedReason: string | null;
}

export interface SubscriptionRow {
  id: string;
  user_id: string;
  product_type: string;
  product_id: string;
  plan: Plan;
  currency: string;
  price: string;
  wallet_address: string | null;
  status: 'active' | 'expired';
  anchor_at: string | number;
  period_index: string | number;
  current_period_start: string | number;
  current_period_end: string | number | null;
  created_at: string | number;
  ended_at: string | number | null;
  ended_reason: string | null;
}

const num = (v: string | number | null) => (v === null ? null : Number(v));

export function toSubscription(r: SubscriptionRow): Subscription {
  return {
    id: r.id,
    userId: r.user_id,
    productType: r.product_type,
    productId: r.product_id,
    plan: r.plan,
    currency: r.currency,
    price: BigInt(r.price),
    walletAddress: r.wallet_address,
    status: r.status,
    anchorAt: Number(r.anchor_at),
    periodIndex: Number(r.period_index),
    currentPeriodStart: Number(r.current_period_start),
    currentPeriodEnd: num(r.current_period_end),
    createdAt: Number(r.created_at),
    endedAt: num(r.ended_at),
    endedReason: r.ended_reason,
  };
}
