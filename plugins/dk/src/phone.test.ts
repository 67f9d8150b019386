import { describe, expect, it } from 'vitest';
import { formatDanishPhone, isDanishPhone, normalizeDanishPhone } from './phone.js';

describe('isDanishPhone', () => {
  it.each([
    '12345678',
    '12 34 56 78',
    '1234 5678',
    '+4512345678',
    '+45 12 34 56 78',
    '+45 1234 5678',
    '004512345678',
    '0045 12345678',
  ])('accepts %j', (value) => {
    expect(isDanishPhone(value)).toBe(true);
  });

  it.each([
    '',
    '1234567', // 7 digits
    '123456789', // 9 digits
    '+46 12 34 56 78', // Swedish prefix
    '45 12345678', // prefix without + or 00
    '+45  12345678', // double space
    ' 12345678',
    '12345678 ',
    '12-34-56-78',
    '(+45) 12345678',
    '1234567a',
    '+45',
  ])('rejects %j', (value) => {
    expect(isDanishPhone(value)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isDanishPhone(12345678)).toBe(false);
    expect(isDanishPhone(undefined)).toBe(false);
  });
});

describe('normalizeDanishPhone and formatDanishPhone', () => {
  it('normalises every accepted spelling to E.164', () => {
    for (const value of ['12345678', '12 34 56 78', '+45 12 34 56 78', '0045 1234 5678']) {
      expect(normalizeDanishPhone(value)).toBe('+4512345678');
      expect(formatDanishPhone(value)).toBe('12 34 56 78');
    }
  });

  it('returns undefined for anything else', () => {
    expect(normalizeDanishPhone('1234')).toBeUndefined();
    expect(formatDanishPhone('+46 12345678')).toBeUndefined();
  });
});
