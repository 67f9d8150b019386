import { describe, expect, it } from 'vitest';
import { formatNumberInput, parseNumberInput } from './number-input.js';

describe('parseNumberInput', () => {
  it.each([
    ['6,5', 6.5],
    ['6.5', 6.5],
    ['1250.5', 1250.5],
    ['1250,5', 1250.5],
    ['1.250,50', 1250.5],
    ['1,250.50', 1250.5],
    ['1.250', 1250],
    ['1.250.000', 1250000],
    ['1 250,5', 1250.5],
    ['1\u00a0250', 1250],
    ['6,500', 6.5],
    ['0.250', 0.25],
    ['12.50', 12.5],
    ['-3,25', -3.25],
    ['\u22123', -3],
    ['+7', 7],
    [' 42 ', 42],
    ['-0', 0],
  ])('reads Danish «%s» as %s', (text, value) => {
    expect(parseNumberInput(text, 'da')).toBe(value);
  });

  it('lets the locale decide only the one ambiguous case (one separator before three digits)', () => {
    expect(parseNumberInput('1.250', 'en')).toBe(1.25);
    expect(parseNumberInput('1,250', 'en')).toBe(1250);
    expect(parseNumberInput('6,5', 'en')).toBe(6.5);
    expect(parseNumberInput('1,250.50', 'en')).toBe(1250.5);
  });

  it.each([
    '',
    'abc',
    '6,5,5',
    '1.25.0',
    '12.50.0',
    '1,2.3,4',
    '1e5',
    '6,',
    ',5',
    '6 5',
    '1.2345.678',
    '--1',
    '5 kr',
    '0x10',
    'NaN',
    'Infinity',
  ])('refuses «%s» instead of guessing', (text) => {
    expect(parseNumberInput(text, 'da')).toBeUndefined();
  });

  it('never drops a decimal separator: «6,5» is never 65', () => {
    for (const locale of ['da', 'en'] as const) expect(parseNumberInput('6,5', locale)).toBe(6.5);
  });

  it('refuses fractions in whole-number fields and too many decimals where capped', () => {
    expect(parseNumberInput('6,5', 'da', { integer: true })).toBeUndefined();
    expect(parseNumberInput('6,0', 'da', { integer: true })).toBe(6);
    expect(parseNumberInput('1.250', 'da', { integer: true })).toBe(1250);
    expect(parseNumberInput('12,345', 'da', { maxDecimals: 2 })).toBeUndefined();
    expect(parseNumberInput('12,50', 'da', { maxDecimals: 2 })).toBe(12.5);
  });
});

describe('formatNumberInput', () => {
  it('writes the decimal separator of the locale and keeps unread text as typed', () => {
    expect(formatNumberInput(6.5, 'da')).toBe('6,5');
    expect(formatNumberInput(6.5, 'en')).toBe('6.5');
    expect(formatNumberInput(1250, 'da')).toBe('1250');
    expect(formatNumberInput('6,5,5', 'da')).toBe('6,5,5');
    expect(formatNumberInput(undefined, 'da')).toBe('');
  });
});
