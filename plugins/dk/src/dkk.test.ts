import { describe, expect, it } from 'vitest';
import { formatDkk, isDkkAmount, parseDkk } from './dkk.js';

describe('formatDkk', () => {
  it.each([
    [1234.5, '1.234,50 kr.'],
    [0, '0,00 kr.'],
    [-0, '0,00 kr.'],
    [0.07, '0,07 kr.'],
    [999, '999,00 kr.'],
    [1000, '1.000,00 kr.'],
    [1234567.891, '1.234.567,89 kr.'],
    [1.005, '1,01 kr.'],
    [-1234.5, '-1.234,50 kr.'],
    [-0.001, '0,00 kr.'],
  ])('da: %d → %s', (amount, text) => {
    expect(formatDkk(amount)).toBe(text);
    expect(formatDkk(amount, 'da')).toBe(text);
  });

  it.each([
    [1234.5, 'DKK 1,234.50'],
    [0.5, 'DKK 0.50'],
    [-1000000, '-DKK 1,000,000.00'],
  ])('en: %d → %s', (amount, text) => {
    expect(formatDkk(amount, 'en')).toBe(text);
  });

  it('rejects amounts it cannot show exactly', () => {
    expect(() => formatDkk(Number.NaN)).toThrow(RangeError);
    expect(() => formatDkk(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => formatDkk(1e20)).toThrow(RangeError);
  });
});

describe('parseDkk', () => {
  it.each([
    ['1.234,50', 1234.5],
    ['1234,50', 1234.5],
    ['1234,5', 1234.5],
    ['1234', 1234],
    ['1.234', 1234],
    ['1.234.567,89', 1234567.89],
    ['1 234,50', 1234.5],
    ['1\u00a0234,50', 1234.5],
    ['  12,00 kr. ', 12],
    ['12 kr', 12],
    ['kr. 100', 100],
    ['DKK 100', 100],
    ['100 dkk', 100],
    ['-12,50', -12.5],
    ['0,07', 0.07],
    ['-0', 0],
  ])('da: %j → %d', (text, amount) => {
    expect(parseDkk(text)).toBe(amount);
  });

  it.each([
    '',
    'kr.',
    'abc',
    '12.50', // ambiguous: a group separator before two digits
    '1234.567', // first group longer than three digits
    '1.23.456',
    '1,234,50',
    '12,345', // three decimals
    '12,',
    ',50',
    '+12',
    '1e3',
    '99999999999999999999',
  ])('da: rejects %j', (text) => {
    expect(parseDkk(text)).toBeUndefined();
  });

  it('reads English notation when asked', () => {
    expect(parseDkk('1,234.50', 'en')).toBe(1234.5);
    expect(parseDkk('DKK 1,234.50', 'en')).toBe(1234.5);
    expect(parseDkk('1.234,50', 'en')).toBeUndefined();
  });

  it('round-trips formatDkk', () => {
    for (const amount of [0, 0.01, 0.07, 0.29, 12.3, 999.99, 1000, 1234.56, 98765432.1]) {
      expect(parseDkk(formatDkk(amount))).toBe(amount);
      expect(parseDkk(formatDkk(amount, 'en'), 'en')).toBe(amount);
    }
  });
});

describe('isDkkAmount', () => {
  it('accepts non-negative amounts in whole øre', () => {
    for (const amount of [0, 0.07, 0.29, 1.1, 1234.56, 10000000000.07]) expect(isDkkAmount(amount)).toBe(true);
  });

  it('accepts every øre amount up to 2.000 kr.', () => {
    const rejected: number[] = [];
    for (let oere = 0; oere <= 200000; oere++) if (!isDkkAmount(oere / 100)) rejected.push(oere);
    expect(rejected).toEqual([]);
  });

  it('rejects fractions of an øre, negatives and non-numbers', () => {
    for (const value of [0.001, 1.005, 1e-7, -1, Number.NaN, Number.POSITIVE_INFINITY, '12', null]) {
      expect(isDkkAmount(value)).toBe(false);
    }
  });
});
