/**
 * Money is shown exactly as the API sends it: decimal strings, never through a float. The only
 * conversion to a number is `plotValue`, for drawing charts, where a rounding error of a pixel
 * does not matter; the figures next to a chart are always the strings.
 */
export type Decimal = string;

/** The string itself, as the API sent it (so it can be copied into a form unchanged); absent is a dash. */
export function showAmount(amount: Decimal | null | undefined): string {
  return amount === null || amount === undefined ? '—' : amount;
}

export const isNegative = (amount: Decimal) => amount.startsWith('-');

/** A decimal amount as the API accepts it (checked before the request, so the message is quick). */
export const DECIMAL_PATTERN = '-?[0-9]+(\\.[0-9]+)?';

/** For charts only: a float is fine for a pixel position, never for a figure shown. */
export const plotValue = (amount: Decimal): number => Number(amount);
