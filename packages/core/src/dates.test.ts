import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dayToIsoDate,
  daysBetween,
  isIsoDate,
  isoDateToDay,
  parseIsoDate,
  todayInDenmark,
  toIsoDate,
  weekday,
} from './dates.js';

describe('ISO dates as day numbers', () => {
  it('agrees with Date for every day from 1899 to 2101', () => {
    for (let day = -25_600; day <= 47_500; day++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      expect(dayToIsoDate(day)).toBe(iso);
      expect(isoDateToDay(iso)).toBe(day);
    }
  });

  it('refuses what is not a real calendar date', () => {
    for (const bad of [
      '2025-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-04-31',
      '2024-4-01',
      '2024-04-01T00:00',
      '24-04-01',
      '2024/04/01',
      '202a-04-01',
      '',
    ]) {
      expect(isIsoDate(bad), bad).toBe(false);
      expect(Number.isNaN(isoDateToDay(bad)), bad).toBe(true);
    }
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate(20240229)).toBe(false);
    expect(() => addDays('2025-02-29', 1)).toThrow(RangeError);
  });

  it('adds days and months, clamping to the end of a shorter month', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-11-15', 8)).toBe('2025-07-15');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2024-01-10', -13)).toBe('2022-12-10');
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2024-03-01', '2024-02-01')).toBe(-29);
  });

  it('knows weekdays, date-times and today in Denmark', () => {
    expect(weekday('2026-11-23')).toBe(1);
    expect(weekday('2026-11-22')).toBe(0);
    expect(toIsoDate('2026-11-23T23:30:00Z')).toBe('2026-11-23');
    expect(parseIsoDate('2026-11-23').toISOString()).toBe('2026-11-23T00:00:00.000Z');
    // 23:30 UTC on 23 November is already the 24th in Copenhagen (UTC+1).
    expect(todayInDenmark(new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-24');
    // Consecutive calls across Danish midnight (and a summer-time one) see the date change.
    expect(todayInDenmark(new Date('2026-11-23T22:59:59.999Z'))).toBe('2026-11-23');
    expect(todayInDenmark(new Date('2026-11-23T23:00:00.000Z'))).toBe('2026-11-24');
    expect(todayInDenmark(new Date('2026-06-30T21:59:59.999Z'))).toBe('2026-06-30');
    expect(todayInDenmark(new Date('2026-06-30T22:00:00.000Z'))).toBe('2026-07-01');
  });
});
