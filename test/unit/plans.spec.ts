import { describe, expect, it } from '@jest/globals';
import { addMonthsClamped, periodEnd } from '../../src/subscriptions/plans.js';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('subscription periods', () => {
  it('clamps calendar months at month ends, counting from the anchor', () => {
    const jan31 = at('2027-01-31T10:00:00.000Z');
    expect(iso(periodEnd('subscription_month', jan31, 0))).toBe('2027-02-28T10:00:00.000Z');
    expect(iso(periodEnd('subscription_month', jan31, 1))).toBe('2027-03-31T10:00:00.000Z');
    expect(iso(addMonthsClamped(at('2028-01-31T00:00:00.000Z'), 1))).toBe('2028-02-29T00:00:00.000Z');
    expect(iso(periodEnd('subscription_6_months', at('2027-08-31T00:00:00.000Z'), 0))).toBe('2028-02-29T00:00:00.000Z');
    expect(iso(periodEnd('subscription_year', at('2028-02-29T00:00:00.000Z'), 0))).toBe('2029-02-28T00:00:00.000Z');
    expect(iso(periodEnd('subscription_year', at('2028-02-29T00:00:00.000Z'), 3))).toBe('2032-02-29T00:00:00.000Z');
  });

  it('uses 7-day weeks and never ends one-time or free plans', () => {
    expect(iso(periodEnd('subscription_week', at('2027-03-01T00:00:00.000Z'), 1))).toBe('2027-03-15T00:00:00.000Z');
    expect(periodEnd('one_time_payment', 0, 0)).toBeNull();
    expect(periodEnd('free', 0, 5)).toBeNull();
  });
});
