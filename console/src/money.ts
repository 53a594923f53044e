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

/**
 * A positive amount the asset can hold exactly: at most `scale` decimals (`12.50` for a
 * 2-decimal asset, not `12.505`). For the pattern attribute of an input, so the browser says
 * what is wrong before any request.
 */
export const amountPattern = (scale: number): string => (scale === 0 ? '[0-9]+' : `[0-9]+(\\.[0-9]{1,${scale}})?`);

export const fitsScale = (amount: Decimal, scale: number): boolean => new RegExp(`^(?:${amountPattern(scale)})$`).test(amount) && /[1-9]/.test(amount);

/** Minor units (bigint, exact) of a decimal string with at most `scale` decimals. */
export function toMinor(amount: Decimal, scale: number): bigint {
  const negative = isNegative(amount);
  const [whole = '0', fraction = ''] = amount.replace(/^[-+]/, '').split('.');
  const minor = BigInt(whole + fraction.padEnd(scale, '0').slice(0, scale));
  return negative ? -minor : minor;
}

/** The decimal string of `minor` units, without trailing zeros (as the API writes amounts). */
export function fromMinor(minor: bigint, scale: number): Decimal {
  const sign = minor < 0n ? '-' : '';
  const digits = (minor < 0n ? -minor : minor).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** The amount with its sign turned (`-5` ↔ `5`). */
export const negated = (amount: Decimal): Decimal => (isNegative(amount) ? amount.slice(1) : amount === '0' ? amount : `-${amount}`);

/** At most this many decimals are shown (eth holds 18); the exact digits are in the tooltip and the copy. */
export const MAX_DISPLAY_DECIMALS = 8;

/** How many decimals an asset of `scale` shows: its scale, up to MAX_DISPLAY_DECIMALS. */
export const displayDecimals = (scale: number): number => Math.min(scale, MAX_DISPLAY_DECIMALS);

const grouped = (whole: string) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * An amount as an operator reads it: thousands separators, and `decimals` decimals when known
 * (`1234.5` → `1,234.50`). More digits than that are rounded half up on the string (never through a
 * float), and `rounded` says so; without `decimals` the digits are the API's own.
 */
export function readableAmount(amount: Decimal, decimals?: number): { text: string; rounded: boolean } {
  const negative = isNegative(amount);
  const [whole = '0', fraction = ''] = amount.replace(/^[-+]/, '').split('.');
  if (decimals === undefined) return { text: `${negative ? '-' : ''}${grouped(whole)}${fraction ? `.${fraction}` : ''}`, rounded: false };
  const rounded = fraction.length > decimals && /[1-9]/.test(fraction.slice(decimals));
  let minor = BigInt(whole + fraction.padEnd(decimals, '0').slice(0, decimals));
  if (rounded && Number(fraction[decimals]) >= 5) minor += 1n;
  const digits = minor.toString().padStart(decimals + 1, '0');
  const head = digits.slice(0, digits.length - decimals);
  const tail = digits.slice(digits.length - decimals);
  const sign = negative && (minor !== 0n || rounded) ? '-' : '';
  return { text: `${sign}${grouped(head)}${decimals > 0 ? `.${tail}` : ''}`, rounded };
}

/** What is free to move: the amount less what holds lock, exact. */
export const availableOf = (amount: Decimal, locked: Decimal, scale: number): Decimal => fromMinor(toMinor(amount, scale) - toMinor(locked, scale), scale);
