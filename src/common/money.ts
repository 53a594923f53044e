/**
 * Exact money.
 *
 * Amounts live inside the service as `bigint` minor units of their asset (1.5 rents at
 * scale 8 is 150000000n). Why bigint rather than a decimal library: every ledger operation is
 * an integer add, subtract or compare, which bigint does exactly and natively, with no size
 * limit (an 18-decimal `eth` balance passes 2^63 minor units at about 9.2 ETH, so neither
 * `number` nor a 64-bit column would do). Only conversions between assets divide, and those
 * go through `Ratio` with one explicit half-even rounding at the end.
 *
 * Decimal strings are the exchange format at every edge: canonical, no exponent, no trailing
 * zeros ("1.5", "0", "-2").
 */

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;
const EXPONENTIAL = /^([+-]?)(\d+)(?:\.(\d+))?e([+-]?\d+)$/i;

export class AmountFormatError extends Error {
  constructor(
    message: string,
    readonly reason: 'malformed' | 'too_many_decimals' | 'too_large',
  ) {
    super(message);
  }
}

/** Turns a JSON number or a decimal string into the exact decimal string it denotes. */
export function toDecimalString(input: unknown): string {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new AmountFormatError('amount must be a finite number', 'malformed');
    // String(n) is the shortest text that reads back as n, so 0.1 stays "0.1".
    return expandExponent(Object.is(input, -0) ? '0' : String(input));
  }
  if (typeof input === 'string') {
    const text = input.trim();
    if (DECIMAL.test(text)) return text;
    throw new AmountFormatError('amount must be a decimal number such as "12.5"', 'malformed');
  }
  throw new AmountFormatError('amount must be a number or a decimal string', 'malformed');
}

function expandExponent(text: string): string {
  const m = EXPONENTIAL.exec(text);
  if (!m) return text;
  const [, sign, int, frac = '', expText] = m;
  const digits = int + frac;
  const point = int.length + Number(expText);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * Parses an amount into minor units at `scale`. More decimals than the asset has is refused,
 * never rounded: silently dropping a fraction of someone's money is a bug, not a convenience.
 * With `maxWhole`, an amount of more than that many whole units (either sign) is refused too:
 * the one bound every request amount passes (MAX_AMOUNT), whatever its form (1e300 included).
 */
export function parseAmount(input: unknown, scale: number, maxWhole?: bigint): bigint {
  const text = toDecimalString(input);
  const m = DECIMAL.exec(text);
  if (!m) throw new AmountFormatError('amount must be a decimal number', 'malformed');
  const [, sign, int, rawFrac = ''] = m;
  // Digits first, so a huge amount is refused before it is turned into a bigint.
  if (maxWhole !== undefined && int.replace(/^0+/, '').length > maxWhole.toString().length) throw tooLarge(maxWhole);
  const frac = rawFrac.replace(/0+$/, '');
  if (frac.length > scale) {
    throw new AmountFormatError(`amount has more than ${scale} decimal places`, 'too_many_decimals');
  }
  const minor = BigInt(int + frac.padEnd(scale, '0'));
  if (maxWhole !== undefined && exceedsWholeUnits(minor, scale, maxWhole)) throw tooLarge(maxWhole);
  return sign === '-' ? -minor : minor;
}

/** True when `minor` units at `scale` are more than `maxWhole` whole units, in either sign. */
export function exceedsWholeUnits(minor: bigint, scale: number, maxWhole: bigint): boolean {
  return (minor < 0n ? -minor : minor) > maxWhole * 10n ** BigInt(scale);
}

const tooLarge = (maxWhole: bigint) => new AmountFormatError(`amount must be at most ${maxWhole} per request (MAX_AMOUNT)`, 'too_large');

/** Canonical decimal string of `minor` units at `scale`: "1.5", "0", "-0.00000001". */
export function formatAmount(minor: bigint, scale: number): string {
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale).replace(/0+$/, '');
  const body = frac ? `${int}.${frac}` : int;
  return negative && body !== '0' ? `-${body}` : body;
}

/** Same as formatAmount but always with exactly `scale` decimals ("12.00"). */
export function formatFixed(minor: bigint, scale: number): string {
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale);
  const body = scale > 0 ? `${int}.${frac}` : int;
  return negative && minor !== 0n ? `-${body}` : body;
}

/** For JSON-number edges (the socket API speaks floats): the nearest double to the exact value. */
export function toJsonNumber(minor: bigint, scale: number): number {
  return Number(formatAmount(minor, scale));
}

/** Integer division rounding half to even (banker's rounding), for any signs. */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  if (denominator < 0n) return divideHalfEven(-numerator, -denominator);
  const quotient = numerator / denominator; // truncates toward zero
  const remainder = numerator % denominator;
  if (remainder === 0n) return quotient;
  const twice = 2n * (remainder < 0n ? -remainder : remainder);
  const away = numerator < 0n ? quotient - 1n : quotient + 1n;
  if (twice > denominator) return away;
  if (twice < denominator) return quotient;
  return quotient % 2n === 0n ? quotient : away;
}

/** An exact non-negative rational, used for exchange rates and conversions. */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

export function parseRatio(input: unknown): Ratio {
  const text = toDecimalString(input);
  const m = DECIMAL.exec(text);
  if (!m) throw new AmountFormatError('rate must be a decimal number', 'malformed');
  const [, sign, int, frac = ''] = m;
  if (sign === '-') throw new AmountFormatError('rate must not be negative', 'malformed');
  return { num: BigInt(int + frac), den: 10n ** BigInt(frac.length) };
}

export function ratioToString(ratio: Ratio, decimals: number): string {
  return formatAmount(divideHalfEven(ratio.num * 10n ** BigInt(decimals), ratio.den), decimals);
}

export function divideRatios(a: Ratio, b: Ratio): Ratio {
  if (b.num === 0n) throw new RangeError('division by a zero rate');
  return { num: a.num * b.den, den: a.den * b.num };
}

/** Converts minor units at `fromScale` by `rate` into minor units at `toScale`, half-even. */
export function convertMinor(minor: bigint, fromScale: number, rate: Ratio, toScale: number): bigint {
  const num = minor * rate.num * 10n ** BigInt(toScale);
  const den = rate.den * 10n ** BigInt(fromScale);
  return divideHalfEven(num, den);
}

/**
 * Integer division rounding half away from zero ("half-up" as printed figures are rounded:
 * 0.125 → 0.13, -0.125 → -0.13), for any signs. Only for surfaces that must print as another
 * system does (the legacy XML API); conversions inside the service stay half-even.
 */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  if (denominator < 0n) return divideHalfUp(-numerator, -denominator);
  const quotient = numerator / denominator; // truncates toward zero
  const remainder = numerator % denominator;
  const twice = 2n * (remainder < 0n ? -remainder : remainder);
  if (twice < denominator) return quotient;
  return numerator < 0n ? quotient - 1n : quotient + 1n;
}

/** convertMinor with one half-up rounding at the end instead of half-even. */
export function convertMinorHalfUp(minor: bigint, fromScale: number, rate: Ratio, toScale: number): bigint {
  const num = minor * rate.num * 10n ** BigInt(toScale);
  const den = rate.den * 10n ** BigInt(fromScale);
  return divideHalfUp(num, den);
}
