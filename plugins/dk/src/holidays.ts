import { addDays, isIsoDate, type Holiday, type IsoDate } from '@skema/core';

/** Which optional closing days count as non-working. The defaults suit most public offices. */
export interface DanishHolidayOptions {
  /** Grundlovsdag, 5 June. Not a public holiday, but most public offices close. Default true. */
  grundlovsdag?: boolean;
  /** Juleaften, 24 December. Default true. */
  juleaften?: boolean;
  /** Nytårsaften, 31 December. Default true. */
  nytaarsaften?: boolean;
  /** Further closing days of the organisation (ISO dates), e.g. the day after Kristi himmelfart. */
  extraClosedDays?: readonly IsoDate[];
}

/**
 * The last year store bededag was a public holiday. «Lov om konsekvenser ved afskaffelsen af
 * store bededag som helligdag» (L 13, adopted 28 February 2023) abolished it from 1 January 2024.
 */
export const LAST_STORE_BEDEDAG_YEAR = 2023;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Easter Sunday in the (proleptic) Gregorian calendar, by the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher): the Paschal full moon from the 19-year lunar cycle with the solar and
 * lunar century corrections, then the following Sunday.
 */
export function easterSunday(year: number): IsoDate {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`Not a supported year: ${year}`);
  const golden = year % 19;
  const century = Math.floor(year / 100);
  const yearOfCentury = year % 100;
  const leapCenturies = Math.floor(century / 4);
  const centuryRest = century % 4;
  const moonCorrection = Math.floor((century + 8) / 25);
  const solarCorrection = Math.floor((century - moonCorrection + 1) / 3);
  // Days from 21 March to the Paschal full moon (epact-based).
  const epact = (19 * golden + century - leapCenturies - solarCorrection + 15) % 30;
  const leapYears = Math.floor(yearOfCentury / 4);
  const yearRest = yearOfCentury % 4;
  // Days from the full moon to the next Sunday.
  const toSunday = (32 + 2 * centuryRest + 2 * leapYears - epact - yearRest) % 7;
  // Correction that keeps Easter within 22 March – 25 April.
  const limit = Math.floor((golden + 11 * epact + 22 * toSunday) / 451);
  const dayOffset = epact + toSunday - 7 * limit + 114;
  const month = Math.floor(dayOffset / 31);
  const day = (dayOffset % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * The days Danish public offices are closed in `year`, sorted by date: the public holidays
 * (helligdage) plus the optional closing days. Throws `RangeError` for a non-date in
 * `extraClosedDays`. Sundays among them (påskedag, pinsedag) are listed
 * too, because they are holidays; weekends are non-working anyway.
 */
export function danishHolidays(year: number, options: DanishHolidayOptions = {}): Holiday[] {
  const easter = easterSunday(year);
  const fixed = (month: number, day: number): IsoDate => `${year}-${pad(month)}-${pad(day)}`;
  const list: Holiday[] = [
    { date: fixed(1, 1), name: 'Nytårsdag' },
    { date: addDays(easter, -3), name: 'Skærtorsdag' },
    { date: addDays(easter, -2), name: 'Langfredag' },
    { date: easter, name: 'Påskedag' },
    { date: addDays(easter, 1), name: '2. påskedag' },
    { date: addDays(easter, 39), name: 'Kristi himmelfartsdag' },
    { date: addDays(easter, 49), name: 'Pinsedag' },
    { date: addDays(easter, 50), name: '2. pinsedag' },
    { date: fixed(12, 25), name: 'Juledag' },
    { date: fixed(12, 26), name: '2. juledag' },
  ];
  // The fourth Friday after Easter Sunday.
  if (year <= LAST_STORE_BEDEDAG_YEAR) list.push({ date: addDays(easter, 26), name: 'Store bededag' });
  if (options.grundlovsdag ?? true) list.push({ date: fixed(6, 5), name: 'Grundlovsdag' });
  if (options.juleaften ?? true) list.push({ date: fixed(12, 24), name: 'Juleaften' });
  if (options.nytaarsaften ?? true) list.push({ date: fixed(12, 31), name: 'Nytårsaften' });
  const taken = new Set(list.map((h) => h.date));
  for (const date of options.extraClosedDays ?? []) {
    if (!isIsoDate(date)) throw new RangeError(`extraClosedDays holds a non-date: ${JSON.stringify(date)}`);
    if (Number(date.slice(0, 4)) !== year || taken.has(date)) continue;
    taken.add(date);
    list.push({ date, name: 'Lukkedag' });
  }
  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
