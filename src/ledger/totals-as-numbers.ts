import { toJsonNumber } from '../common/money.js';
import { mapSchema, numberSchema, objectSchema } from '../common/json-schema.js';
import type { Totals } from './ledger.types.js';

/**
 * The spec's `transactions` map: per type, per action, as JSON numbers. A total that reversals
 * took back to zero is left out, as it was before the entries it nets out.
 */
export function totalsAsNumbers(totals: Totals, scale: number) {
  const numbers = (m: Record<string, bigint>) => Object.fromEntries(Object.entries(m).flatMap(([k, v]) => (v === 0n ? [] : [[k, toJsonNumber(v, scale)]])));
  return { spending: numbers(totals.spending), mining: numbers(totals.mining), buying: numbers(totals.buying) };
}

const perAction = (type: string) => mapSchema(numberSchema('Total, a positive number'), `Totals of ${type} entries, keyed by action name`);

/** The schema of what totalsAsNumbers makes (in getTransactions answers and user:balance pushes). */
export const TOTALS_SCHEMA = objectSchema(
  { spending: perAction('spending'), mining: perAction('mining'), buying: perAction('buying') },
  { description: "The user's TOKEN_ASSET totals per entry type, per action (totals that net to zero are left out)" },
);
