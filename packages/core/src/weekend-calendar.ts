import type { Holiday, IsoDate, WorkingDayCalendar } from './calendar.js';
import { formatIsoDate, parseIsoDate } from './dates.js';

const DAY_MS = 86_400_000;
// Days since 1970-01-01 (a Thursday): integer arithmetic keeps working-day loops cheap.
const toDay = (date: IsoDate): number => Math.round(parseIsoDate(date).getTime() / DAY_MS);
const fromDay = (day: number): IsoDate => formatIsoDate(new Date(day * DAY_MS));
const isWeekend = (day: number): boolean => {
  const wd = (((day + 4) % 7) + 7) % 7; // 0 = Sunday
  return wd === 0 || wd === 6;
};

/**
 * Builds a working-day calendar from a holiday list. Weekends are never working days.
 * With no holidays it is the neutral fallback the engine uses when no calendar plugin is registered.
 */
export function createCalendar(name: string, holidaysOf: (year: number) => Holiday[] = () => []): WorkingDayCalendar {
  const byYear = new Map<number, Set<number>>();
  const isHoliday = (day: number): boolean => {
    const year = new Date(day * DAY_MS).getUTCFullYear();
    let set = byYear.get(year);
    if (!set) {
      set = new Set(holidaysOf(year).map((h) => toDay(h.date)));
      byYear.set(year, set);
    }
    return set.has(day);
  };
  const working = (day: number): boolean => !isWeekend(day) && !isHoliday(day);
  return {
    name,
    isWorkingDay: (date) => working(toDay(date)),
    holidays: holidaysOf,
    addWorkingDays(date, n) {
      const step = n < 0 ? -1 : 1;
      let remaining = Math.abs(n);
      let day = toDay(date);
      while (remaining > 0) {
        day += step;
        if (working(day)) remaining--;
      }
      return fromDay(day);
    },
    workingDaysBetween(from, to) {
      const a = toDay(from);
      const b = toDay(to);
      const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
      let count = 0;
      for (let day = lo + 1; day <= hi; day++) if (working(day)) count++;
      return sign * count;
    },
  };
}

export const weekendCalendar: WorkingDayCalendar = createCalendar('weekends');
