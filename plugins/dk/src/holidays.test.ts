import { weekday } from '@skema/core';
import { describe, expect, it } from 'vitest';
import { danishHolidays, easterSunday } from './holidays.js';

describe('easterSunday', () => {
  it.each([
    [1818, '1818-03-22'], // earliest possible date
    [1943, '1943-04-25'], // latest possible date
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2023, '2023-04-09'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i → %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('is always a Sunday between 22 March and 25 April', () => {
    for (let year = 1583; year <= 2500; year++) {
      const easter = easterSunday(year);
      expect(weekday(easter)).toBe(0);
      expect(easter.slice(5) >= '03-22' && easter.slice(5) <= '04-25').toBe(true);
    }
  });

  it('rejects non-integer or out-of-range years', () => {
    expect(() => easterSunday(2025.5)).toThrow(RangeError);
    expect(() => easterSunday(0)).toThrow(RangeError);
    expect(() => easterSunday(10000)).toThrow(RangeError);
  });
});

const asMap = (year: number, options = {}) =>
  Object.fromEntries(danishHolidays(year, options).map((h) => [h.name, h.date]));

describe('danishHolidays', () => {
  it('lists 2025 with the default closing days, sorted', () => {
    expect(danishHolidays(2025)).toEqual([
      { date: '2025-01-01', name: 'Nytårsdag' },
      { date: '2025-04-17', name: 'Skærtorsdag' },
      { date: '2025-04-18', name: 'Langfredag' },
      { date: '2025-04-20', name: 'Påskedag' },
      { date: '2025-04-21', name: '2. påskedag' },
      { date: '2025-05-29', name: 'Kristi himmelfartsdag' },
      { date: '2025-06-05', name: 'Grundlovsdag' },
      { date: '2025-06-08', name: 'Pinsedag' },
      { date: '2025-06-09', name: '2. pinsedag' },
      { date: '2025-12-24', name: 'Juleaften' },
      { date: '2025-12-25', name: 'Juledag' },
      { date: '2025-12-26', name: '2. juledag' },
      { date: '2025-12-31', name: 'Nytårsaften' },
    ]);
  });

  it('includes store bededag up to 2023 and not from 2024', () => {
    expect(asMap(2023)['Store bededag']).toBe('2023-05-05');
    expect(asMap(2019)['Store bededag']).toBe('2019-05-17');
    expect(asMap(2024)['Store bededag']).toBeUndefined();
    expect(asMap(2025)['Store bededag']).toBeUndefined();
    expect(danishHolidays(2023)).toHaveLength(14);
    expect(danishHolidays(2024)).toHaveLength(13);
  });

  it('puts the movable holidays on the right weekdays', () => {
    for (let year = 1990; year <= 2060; year++) {
      const h = asMap(year);
      expect(weekday(h['Skærtorsdag']!)).toBe(4);
      expect(weekday(h['Langfredag']!)).toBe(5);
      expect(weekday(h['2. påskedag']!)).toBe(1);
      expect(weekday(h['Kristi himmelfartsdag']!)).toBe(4);
      expect(weekday(h['Pinsedag']!)).toBe(0);
      expect(weekday(h['2. pinsedag']!)).toBe(1);
      if (year <= 2023) expect(weekday(h['Store bededag']!)).toBe(5);
    }
  });

  it('computes 2024 and 2026 from their Easter dates', () => {
    expect(asMap(2024)).toMatchObject({
      Skærtorsdag: '2024-03-28',
      Langfredag: '2024-03-29',
      '2. påskedag': '2024-04-01',
      'Kristi himmelfartsdag': '2024-05-09',
      Pinsedag: '2024-05-19',
      '2. pinsedag': '2024-05-20',
    });
    expect(asMap(2026)).toMatchObject({
      Skærtorsdag: '2026-04-02',
      Langfredag: '2026-04-03',
      '2. påskedag': '2026-04-06',
      'Kristi himmelfartsdag': '2026-05-14',
      Pinsedag: '2026-05-24',
      '2. pinsedag': '2026-05-25',
    });
  });

  it('leaves out the optional closing days when switched off', () => {
    const h = asMap(2025, { grundlovsdag: false, juleaften: false, nytaarsaften: false });
    expect(h['Grundlovsdag']).toBeUndefined();
    expect(h['Juleaften']).toBeUndefined();
    expect(h['Nytårsaften']).toBeUndefined();
    expect(h['Juledag']).toBe('2025-12-25');
    expect(danishHolidays(2025, { juleaften: false })).toHaveLength(12);
  });

  it('adds extra closed days of the same year once', () => {
    const list = danishHolidays(2025, { extraClosedDays: ['2025-05-30', '2026-05-15', '2025-12-24', '2025-05-30'] });
    expect(list.filter((h) => h.name === 'Lukkedag')).toEqual([{ date: '2025-05-30', name: 'Lukkedag' }]);
    expect(list.filter((h) => h.date === '2025-12-24')).toHaveLength(1);
    expect(list.map((h) => h.date)).toEqual([...list.map((h) => h.date)].sort());
  });

  it('rejects a non-date among the extra closed days', () => {
    expect(() => danishHolidays(2025, { extraClosedDays: ['2025-02-30'] })).toThrow(RangeError);
  });
});
