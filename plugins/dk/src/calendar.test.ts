import { describe, expect, it } from 'vitest';
import { createDanishCalendar } from './calendar.js';

const dk = createDanishCalendar();

describe('createDanishCalendar', () => {
  it('is named and lists the holidays of a year', () => {
    expect(dk.name).toBe('dk');
    expect(dk.holidays(2024).map((h) => h.name)).not.toContain('Store bededag');
    expect(dk.holidays(2023).map((h) => h.name)).toContain('Store bededag');
  });

  it('knows working days', () => {
    expect(dk.isWorkingDay('2025-04-16')).toBe(true); // Wednesday before Easter
    expect(dk.isWorkingDay('2025-04-17')).toBe(false); // skærtorsdag
    expect(dk.isWorkingDay('2025-04-19')).toBe(false); // Saturday
    expect(dk.isWorkingDay('2023-05-05')).toBe(false); // store bededag
    expect(dk.isWorkingDay('2024-04-26')).toBe(true); // would-be store bededag
    expect(dk.isWorkingDay('2025-06-05')).toBe(false); // grundlovsdag
  });

  it('adds working days across Easter', () => {
    expect(dk.addWorkingDays('2025-04-16', 1)).toBe('2025-04-22');
    expect(dk.addWorkingDays('2025-04-16', 5)).toBe('2025-04-28');
    expect(dk.addWorkingDays('2025-04-22', -1)).toBe('2025-04-16');
    expect(dk.addWorkingDays('2024-03-27', 1)).toBe('2024-04-02');
  });

  it('adds working days across Christmas and New Year', () => {
    expect(dk.addWorkingDays('2025-12-23', 1)).toBe('2025-12-29');
    expect(dk.addWorkingDays('2025-12-23', 3)).toBe('2026-01-02');
    expect(dk.addWorkingDays('2026-01-02', -3)).toBe('2025-12-23');
  });

  it('skips weekends and a following holiday', () => {
    expect(dk.addWorkingDays('2025-06-06', 1)).toBe('2025-06-10'); // weekend, then 2. pinsedag
    expect(dk.addWorkingDays('2025-03-07', 1)).toBe('2025-03-10');
    expect(dk.addWorkingDays('2025-03-08', 0)).toBe('2025-03-08');
  });

  it('skips store bededag only while it existed', () => {
    expect(dk.addWorkingDays('2023-05-04', 1)).toBe('2023-05-08');
    expect(dk.addWorkingDays('2024-04-25', 1)).toBe('2024-04-26');
  });

  it('counts working days between two dates', () => {
    expect(dk.workingDaysBetween('2025-04-16', '2025-04-22')).toBe(1);
    expect(dk.workingDaysBetween('2025-04-22', '2025-04-16')).toBe(-1);
    expect(dk.workingDaysBetween('2025-12-19', '2026-01-05')).toBe(6);
    expect(dk.workingDaysBetween('2025-12-19', '2025-12-19')).toBe(0);
  });

  it('agrees with itself: n working days later is n working days between', () => {
    for (const n of [1, 5, 7, 30, 250]) {
      const due = dk.addWorkingDays('2025-12-20', n);
      expect(dk.workingDaysBetween('2025-12-20', due)).toBe(n);
    }
  });

  it('honours the options', () => {
    const open = createDanishCalendar({ grundlovsdag: false, juleaften: false, nytaarsaften: false });
    expect(open.addWorkingDays('2025-06-04', 1)).toBe('2025-06-05');
    expect(dk.addWorkingDays('2025-06-04', 1)).toBe('2025-06-06');
    expect(open.addWorkingDays('2025-12-23', 1)).toBe('2025-12-24');
    expect(open.addWorkingDays('2025-12-23', 3)).toBe('2025-12-30');
    expect(open.addWorkingDays('2025-12-30', 1)).toBe('2025-12-31');
    expect(open.addWorkingDays('2025-12-31', 1)).toBe('2026-01-02');
  });

  it('closes extra days', () => {
    const cal = createDanishCalendar({ extraClosedDays: ['2025-05-30'] });
    expect(cal.addWorkingDays('2025-05-28', 1)).toBe('2025-06-02');
    expect(dk.addWorkingDays('2025-05-28', 1)).toBe('2025-05-30');
  });

  it('copies its options, so later changes do not leak in', () => {
    const extra = ['2025-05-30'];
    const options = { grundlovsdag: true, extraClosedDays: extra };
    const cal = createDanishCalendar(options);
    extra.push('2025-06-02');
    options.grundlovsdag = false;
    expect(cal.isWorkingDay('2025-06-02')).toBe(true);
    expect(cal.isWorkingDay('2025-06-05')).toBe(false);
  });

  it('rejects non-dates among the extra closed days at creation', () => {
    expect(() => createDanishCalendar({ extraClosedDays: ['30-05-2025'] })).toThrow(RangeError);
  });
});
