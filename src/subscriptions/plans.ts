export const PLANS = ['free', 'one_time_payment', 'subscription_week', 'subscription_month', 'subscription_6_months', 'subscription_year'] as const;
export type Plan = (typeof PLANS)[number];

const DAY_MS = 86_400_000;
const MONTHS: Partial<Record<Plan, number>> = { subscription_month: 1, subscription_6_months: 6, subscription_year: 12 };

export const isPlan = (value: string): value is Plan => (PLANS as readonly string[]).includes(value);

/** Recurring plans renew by charging again at the end of each period. */
export const isRecurring = (plan: Plan) => plan.startsWith('subscription_');

/**
 * End of period `index` (0-based) of a subscription that started at `anchor`, or null for plans
 * that never expire. Calendar periods are counted from the anchor, not from the previous end,
 * and clamp at month ends: Jan 31 + 1 month = Feb 28 (29), + 2 months = Mar 31.
 */
export function periodEnd(plan: Plan, anchor: number, index: number): number | null {
  if (!isRecurring(plan)) return null;
  if (plan === 'subscription_week') return anchor + (index + 1) * 7 * DAY_MS;
  return addMonthsClamped(anchor, MONTHS[plan]! * (index + 1));
}

export function addMonthsClamped(at: number, months: number): number {
  const d = new Date(at);
  const totalMonths = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(totalMonths / 12);
  const month = totalMonths % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}
