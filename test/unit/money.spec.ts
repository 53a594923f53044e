import { describe, expect, it } from '@jest/globals';
import {
  AmountFormatError, convertMinor, divideHalfEven, divideRatios, formatAmount, formatFixed, parseAmount, parseRatio, toDecimalString,
} from '../../src/common/money.js';

describe('money', () => {
  it('adds 0.1 and 0.2 exactly', () => {
    const sum = parseAmount(0.1, 8) + parseAmount('0.2', 8);
    expect(formatAmount(sum, 8)).toBe('0.3');
    expect(sum).toBe(parseAmount('0.3', 8));
  });

  it('keeps every digit of an 18-decimal eth amount', () => {
    const minor = parseAmount('123456789.123456789012345678', 18);
    expect(minor).toBe(123456789123456789012345678n);
    expect(formatAmount(minor, 18)).toBe('123456789.123456789012345678');
    expect(formatAmount(minor + parseAmount('0.000000000000000001', 18), 18)).toBe('123456789.123456789012345679');
  });

  it('handles more than 2^53 minor units', () => {
    const big = 2n ** 53n + 1n;
    const minor = parseAmount(formatAmount(big, 2), 2);
    expect(minor).toBe(big);
    expect(formatAmount(minor * 3n, 2)).toBe('270215977642229.79');
  });

  it('refuses too many decimals rather than rounding', () => {
    expect(() => parseAmount('1.001', 2)).toThrow(AmountFormatError);
    expect(() => parseAmount(0.001, 2)).toThrow(/more than 2 decimal places/);
    expect(parseAmount('1.0100', 2)).toBe(101n); // trailing zeros are not extra precision
  });

  it('refuses what is not a finite decimal number', () => {
    for (const bad of [NaN, Infinity, -Infinity, '1e5', '', ' ', '1.', '.5', '0x10', '1,5', null, undefined, {}, [], true]) {
      expect(() => parseAmount(bad, 8)).toThrow(AmountFormatError);
    }
  });

  it('refuses an amount beyond the whole-unit limit in any form, and takes one at it', () => {
    const max = 10n ** 15n;
    for (const huge of [1e300, 1e16, '10000000000000000', '-10000000000000000', '1000000000000000.000000000000000001', '9'.repeat(100)]) {
      expect(() => parseAmount(huge, 18, max)).toThrow(expect.objectContaining({ reason: 'too_large', message: 'amount must be at most 1000000000000000 per request (MAX_AMOUNT)' }));
    }
    expect(parseAmount('1000000000000000', 18, max)).toBe(10n ** 33n);
    expect(parseAmount(-1e15, 2, max)).toBe(-(10n ** 17n));
    expect(parseAmount('0001000000000000000.00', 2, max)).toBe(10n ** 17n); // leading zeros are not digits
    expect(parseAmount(1e300, 2)).toBe(10n ** 302n); // no limit asked for: stored values parse as they are
  });

  it('reads JSON numbers exactly as written, exponent forms included', () => {
    expect(toDecimalString(1e21)).toBe('1000000000000000000000');
    expect(toDecimalString(1.5e-7)).toBe('0.00000015');
    expect(toDecimalString(-0)).toBe('0');
    expect(parseAmount(1e-8, 8)).toBe(1n);
  });

  it('formats canonically', () => {
    expect(formatAmount(150000000n, 8)).toBe('1.5');
    expect(formatAmount(0n, 8)).toBe('0');
    expect(formatAmount(-1n, 8)).toBe('-0.00000001');
    expect(formatFixed(1200n, 2)).toBe('12.00');
    expect(formatFixed(-5n, 2)).toBe('-0.05');
    expect(formatFixed(7n, 0)).toBe('7');
  });

  it('rounds half to even', () => {
    expect(divideHalfEven(5n, 2n)).toBe(2n); // 2.5 -> 2
    expect(divideHalfEven(7n, 2n)).toBe(4n); // 3.5 -> 4
    expect(divideHalfEven(-5n, 2n)).toBe(-2n);
    expect(divideHalfEven(-7n, 2n)).toBe(-4n);
    expect(divideHalfEven(26n, 10n)).toBe(3n);
    expect(divideHalfEven(24n, 10n)).toBe(2n);
    expect(divideHalfEven(-26n, 10n)).toBe(-3n);
  });

  it('converts between scales half-even, with exact cross rates', () => {
    // 0.125 usd at scale 2: 12.5 cents -> 12 (even); 0.135 -> 14
    expect(convertMinor(125n, 3, parseRatio('1'), 2)).toBe(12n);
    expect(convertMinor(135n, 3, parseRatio('1'), 2)).toBe(14n);
    // 1 rents (scale 8) at 0.01 usd -> 1 cent
    expect(convertMinor(100000000n, 8, parseRatio('0.01'), 2)).toBe(1n);
    // cross rate rents->valu = 0.01 / 0.02 = 0.5
    const cross = divideRatios(parseRatio('0.01'), parseRatio('0.02'));
    expect(convertMinor(300000000n, 8, cross, 8)).toBe(150000000n);
    // 1/3 is not a terminating decimal: one rounding at the end
    expect(convertMinor(100n, 2, divideRatios(parseRatio('1'), parseRatio('3')), 2)).toBe(33n);
  });
});
