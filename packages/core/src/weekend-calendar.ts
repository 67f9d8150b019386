import type { Holiday, IsoDate, WorkingDayCalendar } from './calendar.js';
import { dayToIsoDate, isoDateToDay } from './dates.js';

// Days since 1970-01-01 (a Thursday): integer arithmetic keeps working-day loops cheap.
const toDay = (date: IsoDate): number => {
  const day = isoDateToDay(date);
  if (Number.isNaN(day)) throw new RangeError(`Not an ISO date: ${JSON.stringify(date)}`);
  return day;
};
const fromDay = dayToIsoDate;
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
  // The year last looked up, as a day range: working-day loops stay inside one year mostly.
  let from = 0;
  let until = 0;
  let current = new Set<number>();
  const isHoliday = (day: number): boolean => {
    if (day < from || day >= until) {
      const year = Number(fromDay(day).slice(0, 4));
      let set = byYear.get(year);
      if (!set) {
        set = new Set(holidaysOf(year).map((h) => toDay(h.date)));
        byYear.set(year, set);
      }
      from = toDay(`${String(year).padStart(4, '0')}-01-01`);
      until = toDay(`${String(year + 1).padStart(4, '0')}-01-01`);
      current = set;
    }
    return current.has(day);
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
