import type { IsoDate } from './calendar.js';

// Dates are handled as whole days since 1970-01-01 with integer arithmetic (the proleptic
// Gregorian "days from civil" conversion): deadline rules run on every validation, and
// building Date objects and regular-expression matches per step was their main cost.

const DIGIT_0 = 48;
const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : month === 4 || month === 6 || month === 9 || month === 11
      ? 30
      : 31;

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Days since 1970-01-01 of a civil date. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Days since 1970-01-01 of a YYYY-MM-DD string, or NaN when it is not a real calendar date. */
export function isoDateToDay(value: string): number {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return Number.NaN;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  return daysFromCivil(year, month, day);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** The YYYY-MM-DD date of a day number (days since 1970-01-01). */
export function dayToIsoDate(dayNumber: number): IsoDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** True for a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && !Number.isNaN(isoDateToDay(value));
}

function dayOf(date: IsoDate): number {
  const day = isoDateToDay(date);
  if (Number.isNaN(day)) throw new RangeError(`Not an ISO date: ${JSON.stringify(date)}`);
  return day;
}

/** Accepts a date or a date-time string and returns its date part; throws on anything else. */
export function toIsoDate(value: string): IsoDate {
  const date = value.slice(0, 10);
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date: ${JSON.stringify(value)}`);
  return date;
}

/** UTC midnight of the date; arithmetic in UTC avoids daylight-saving surprises. */
export function parseIsoDate(date: IsoDate): Date {
  return new Date(dayOf(date) * 86_400_000);
}

export function formatIsoDate(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return dayToIsoDate(dayOf(date) + days);
}

/** Calendar months; the 31st plus one month ends on the last day of a shorter month. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  dayOf(date);
  const monthIndex = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return dayToIsoDate(daysFromCivil(year, month, day));
}

/** Negative, zero or positive like a comparator. ISO dates compare correctly as strings. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayOf(to) - dayOf(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayOf(date) + 4) % 7) + 7) % 7;
}

/** Today's date in Denmark, the legal reference for every deadline. */
export function todayInDenmark(now: Date = new Date()): IsoDate {
  // Danish offsets are whole hours, so the date can only change on a minute boundary:
  // validations within the same minute share one (costly) Intl formatting.
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastToday = danishDate.format(now);
    lastMinute = minute;
  }
  return lastToday;
}

let lastMinute = Number.NaN;
let lastToday = '';

// Building an Intl formatter is expensive; one is enough (en-CA formats as YYYY-MM-DD).
const danishDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
