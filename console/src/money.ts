/**
 * Money is shown exactly as the API sends it: decimal strings, never through a float. The only
 * conversion to a number is `plotValue`, for drawing charts, where a rounding error of a pixel
 * does not matter; the figures next to a chart are always the strings.
 */
export type Decimal = string;

/** Digits grouped by thousands, the string itself otherwise untouched ("-1234567.5" → "-1 234 567.5"). */
export function showAmount(amount: Decimal | null | undefined): string {
  if (amount === null || amount === undefined) return '—';
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(amount);
  if (!match) return amount;
  const [, sign, whole = '', fraction = ''] = match;
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009')}${fraction}`;
}

export const isNegative = (amount: Decimal) => amount.startsWith('-');

/** A decimal amount as the API accepts it (checked before the request, so the message is quick). */
export const DECIMAL_PATTERN = '-?[0-9]+(\\.[0-9]+)?';

/** For charts only: a float is fine for a pixel position, never for a figure shown. */
export const plotValue = (amount: Decimal): number => Number(amount);
