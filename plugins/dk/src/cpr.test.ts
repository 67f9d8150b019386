import { describe, expect, it } from 'vitest';
import {
  ageFromCprOn,
  ageOfPersonOn,
  ageOn,
  cprBirthDate,
  cprSex,
  formatCpr,
  isSubstituteCpr,
  isValidCpr,
  maskCpr,
  normalizeCpr,
} from './cpr.js';

// All CPR numbers below are fictitious.
describe('isValidCpr', () => {
  it('accepts both spellings', () => {
    expect(isValidCpr('010190-1234')).toBe(true);
    expect(isValidCpr('0101901234')).toBe(true);
  });

  it('does not apply the modulus-11 check', () => {
    // Numbers issued since 2007 may fail modulus 11; make sure these two really do.
    const mod11 = (digits: string) =>
      [4, 3, 2, 7, 6, 5, 4, 3, 2, 1].reduce((sum, w, i) => sum + w * Number(digits[i]), 0) % 11 === 0;
    expect(mod11('0101901234')).toBe(false);
    expect(mod11('0101901235')).toBe(false);
    expect(isValidCpr('010190-1234')).toBe(true);
    expect(isValidCpr('010190-1235')).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['010190-123', 'too short'],
    ['010190-12345', 'too long'],
    ['010190 1234', 'space instead of hyphen'],
    ['010190--1234', 'double hyphen'],
    [' 0101901234', 'leading space'],
    ['0101901234 ', 'trailing space'],
    ['01019O1234', 'letter O'],
    ['0101-901234', 'hyphen in the wrong place'],
  ])('rejects %j (%s)', (value) => {
    expect(isValidCpr(value)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isValidCpr(101901234)).toBe(false);
    expect(isValidCpr(null)).toBe(false);
    expect(isValidCpr(undefined)).toBe(false);
  });

  it.each([
    ['310299-1234', '31 February'],
    ['300299-1234', '30 February'],
    ['290299-1234', '29 February 1999'],
    ['290200-1234', '29 February 1900 (7th digit 1: not a leap year)'],
    ['290258-5234', '29 February 1858'],
    ['310490-1234', '31 April'],
    ['000190-1234', 'day 00'],
    ['320190-1234', 'day 32'],
    ['010090-1234', 'month 00'],
    ['011390-1234', 'month 13'],
  ])('rejects %s (%s)', (cpr) => {
    expect(isValidCpr(cpr)).toBe(false);
  });

  it('knows which century makes 29 February valid', () => {
    expect(isValidCpr('290200-4234')).toBe(true); // 2000 is a leap year
    expect(isValidCpr('290200-5234')).toBe(true); // 2000
    expect(isValidCpr('290260-5234')).toBe(true); // 1860
    expect(isValidCpr('290256-5234')).toBe(true); // 2056
    expect(isValidCpr('290296-1234')).toBe(true); // 1996
  });
});

describe('cprBirthDate: century from the 7th digit', () => {
  it.each([
    ['010100-0123', '1900-01-01'],
    ['311299-0123', '1999-12-31'],
    ['150636-3123', '1936-06-15'],
    ['150636-4123', '2036-06-15'],
    ['150637-4123', '1937-06-15'],
    ['150600-4123', '2000-06-15'],
    ['150699-4123', '1999-06-15'],
    ['150636-9123', '2036-06-15'],
    ['150637-9123', '1937-06-15'],
    ['150657-5123', '2057-06-15'],
    ['150658-5123', '1858-06-15'],
    ['150600-6123', '2000-06-15'],
    ['150657-7123', '2057-06-15'],
    ['150658-8123', '1858-06-15'],
    ['150699-8123', '1899-06-15'],
    ['150612-2123', '1912-06-15'],
  ])('%s → %s', (cpr, date) => {
    expect(cprBirthDate(cpr)).toBe(date);
    expect(cprBirthDate(cpr.replace('-', ''))).toBe(date);
  });

  it('throws for an invalid CPR number', () => {
    expect(() => cprBirthDate('310299-1234')).toThrow(RangeError);
    expect(() => cprBirthDate('abc')).toThrow(RangeError);
  });
});

describe('normalizeCpr and formatCpr', () => {
  it('normalises both spellings', () => {
    expect(normalizeCpr('010190-1234')).toBe('0101901234');
    expect(normalizeCpr('0101901234')).toBe('0101901234');
    expect(formatCpr('0101901234')).toBe('010190-1234');
    expect(formatCpr('010190-1234')).toBe('010190-1234');
  });

  it('returns undefined for invalid input', () => {
    expect(normalizeCpr('310299-1234')).toBeUndefined();
    expect(formatCpr('12345')).toBeUndefined();
  });
});

describe('cprSex', () => {
  it('reads the last digit', () => {
    expect(cprSex('010190-1234')).toBe('female');
    expect(cprSex('010190-1233')).toBe('male');
    expect(cprSex('0101901230')).toBe('female');
  });

  it('throws for an invalid CPR number', () => {
    expect(() => cprSex('010190-12')).toThrow(RangeError);
  });
});

describe('maskCpr', () => {
  it('hides the serial digits', () => {
    expect(maskCpr('010190-1234')).toBe('010190-XXXX');
    expect(maskCpr('0101901234')).toBe('010190-XXXX');
  });

  it('masks everything that is not CPR-shaped', () => {
    expect(maskCpr('01019012')).toBe('XXXXXX-XXXX');
    expect(maskCpr('hello')).toBe('XXXXXX-XXXX');
  });
});

describe('ageOn', () => {
  it('counts completed years, the birthday included', () => {
    expect(ageOn('150610-4123', '2025-06-14')).toBe(14);
    expect(ageOn('150610-4123', '2025-06-15')).toBe(15);
    expect(ageOn('150610-4123', '2025-06-16')).toBe(15);
    expect(ageOn('150610-4123', '2010-06-15')).toBe(0);
  });

  it('accepts a birth date instead of a CPR number', () => {
    expect(ageOn('1990-12-31', '2025-12-30')).toBe(34);
    expect(ageOn('1990-12-31', '2025-12-31')).toBe(35);
    expect(ageOn('1990-01-01', '2025-01-01')).toBe(35);
  });

  it('makes someone born 29 February older on 1 March in non-leap years', () => {
    expect(ageOn('2008-02-29', '2023-02-28')).toBe(14);
    expect(ageOn('2008-02-29', '2023-03-01')).toBe(15);
    expect(ageOn('290208-4123', '2023-02-28')).toBe(14);
    expect(ageOn('290208-4123', '2023-03-01')).toBe(15);
    // In a leap year the birthday exists.
    expect(ageOn('2008-02-29', '2024-02-28')).toBe(15);
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16);
  });

  it('uses the century rules', () => {
    expect(ageOn('010137-4123', '2025-01-01')).toBe(88); // 1937
    expect(ageOn('010158-5123', '2025-01-01')).toBe(167); // 1858
  });

  it('throws for invalid input or a reference date before the birth', () => {
    expect(() => ageOn('310299-1234', '2025-01-01')).toThrow(RangeError);
    expect(() => ageOn('010190-1234', '2025-02-30')).toThrow(RangeError);
    expect(() => ageOn('010136-4123', '2025-01-01')).toThrow(RangeError); // born 2036
  });
});

describe('ageFromCprOn', () => {
  it('returns the age for a valid CPR number', () => {
    expect(ageFromCprOn('150610-4123', '2025-06-15')).toBe(15);
    expect(ageFromCprOn('1506104123', '2025-06-14')).toBe(14);
  });

  it('returns undefined for anything it cannot answer', () => {
    expect(ageFromCprOn('310299-1234', '2025-01-01')).toBeUndefined();
    expect(ageFromCprOn(undefined, '2025-01-01')).toBeUndefined();
    expect(ageFromCprOn(1234567890, '2025-01-01')).toBeUndefined();
    expect(ageFromCprOn('010190-1234', 'not a date')).toBeUndefined();
    expect(ageFromCprOn('010136-4123', '2025-01-01')).toBeUndefined();
    // A birth date is not a CPR number.
    expect(ageFromCprOn('1990-01-01', '2025-01-01')).toBeUndefined();
  });
});

describe('erstatningspersonnumre (children and others without a CPR number)', () => {
  it('accepts a substitute number with the day raised by 60 (CPR-kontoret: a person born the 7th gets 67)', () => {
    expect(isValidCpr('670315-4001')).toBe(true);
    expect(isSubstituteCpr('670315-4001')).toBe(true);
    expect(isSubstituteCpr('070315-4001')).toBe(false);
    expect(cprBirthDate('670315-4001')).toBe('2015-03-07');
    expect(ageFromCprOn('670315-4001', '2026-06-01')).toBe(11);
    expect(maskCpr('670315-4001')).toBe('670315-XXXX');
  });

  it('refuses a substitute number without a real date behind it', () => {
    for (const bad of ['920315-4001', '900215-4001', '600315-4001', '320315-4001'])
      expect(isValidCpr(bad), bad).toBe(false);
  });

  it('ageOfPersonOn takes the CPR number, else the birth date («intet CPR-nummer»)', () => {
    expect(ageOfPersonOn({ cpr: '670315-4001' }, '2026-06-01')).toBe(11);
    expect(ageOfPersonOn({ foedselsdato: '2011-06-02' }, '2026-06-01')).toBe(14);
    expect(ageOfPersonOn({ foedselsdato: '2011-06-01' }, '2026-06-01')).toBe(15);
    expect(ageOfPersonOn({ foedselsdato: '2027-01-01' }, '2026-06-01')).toBeUndefined();
    expect(ageOfPersonOn({}, '2026-06-01')).toBeUndefined();
  });
});
