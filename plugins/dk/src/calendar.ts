import { createCalendar, isIsoDate, type WorkingDayCalendar } from '@skema/core';
import { danishHolidays, type DanishHolidayOptions } from './holidays.js';

export type DanishCalendarOptions = DanishHolidayOptions;

export const DANISH_CALENDAR_NAME = 'dk';

/**
 * The Danish working-day calendar: weekends, public holidays and the optional closing days are
 * non-working. Throws `RangeError` at creation when `extraClosedDays` holds a non-date, so a bad
 * tenant configuration fails early instead of silently counting a day wrong.
 */
export function createDanishCalendar(options: DanishCalendarOptions = {}): WorkingDayCalendar {
  const extraClosedDays = [...(options.extraClosedDays ?? [])];
  const invalid = extraClosedDays.filter((d) => !isIsoDate(d));
  if (invalid.length > 0) throw new RangeError(`extraClosedDays holds non-dates: ${JSON.stringify(invalid)}`);
  // A private copy: later changes to the caller's object must not disagree with the per-year cache.
  const own: DanishHolidayOptions = { ...options, extraClosedDays };
  return createCalendar(DANISH_CALENDAR_NAME, (year) => danishHolidays(year, own));
}
