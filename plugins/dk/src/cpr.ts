import { isIsoDate, type IsoDate } from '@skema/core';

/** `DDMMYY-SSSS` or `DDMMYYSSSS`: exactly these two spellings, no surrounding spaces. */
const CPR_SHAPE = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/;

/** The CPR number split into its parts, with the century resolved from the 7th digit. */
interface CprParts {
  digits: string;
  birthDate: IsoDate;
  /** An erstatningspersonnummer: the day's first digit raised by 6 (see `SUBSTITUTE_DAY_OFFSET`). */
  substitute: boolean;
}

/*
 * Erstatningspersonnumre (substitute numbers for people CPR cannot number, e.g. a child not yet
 * registered). CPR-kontoret, «Erstatningspersonnummer i eksterne systemer» (cpr.dk): «Første ciffer i
 * fødselsdato forhøjes med 6, hvilket betyder, at en person født den 7. i en måned får datoen 67»;
 * positions 3–6 are month and year, 7–10 a serial whose 7th digit gives the century as for real
 * numbers. Such a number can never be mistaken for a real one (no real day is above 31).
 */
const SUBSTITUTE_DAY_OFFSET = 60;

/**
 * The birth year's century from the 7th digit (the first serial digit) and YY,
 * per CPR-kontoret's table:
 *   0–3: 1900–1999
 *   4, 9: 2000–2036 when YY ≤ 36, else 1937–1999
 *   5–8: 2000–2057 when YY ≤ 57, else 1858–1899
 */
function centuryOf(seventh: number, yy: number): number {
  if (seventh <= 3) return 1900;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

function parseCpr(value: unknown): CprParts | undefined {
  if (typeof value !== 'string') return undefined;
  const m = CPR_SHAPE.exec(value);
  if (!m) return undefined;
  const [, dd, mm, yy, serial] = m as unknown as [string, string, string, string, string];
  const year = centuryOf(Number(serial[0]), Number(yy)) + Number(yy);
  const substitute = Number(dd) > SUBSTITUTE_DAY_OFFSET;
  const day = substitute ? String(Number(dd) - SUBSTITUTE_DAY_OFFSET).padStart(2, '0') : dd;
  const birthDate = `${year}-${mm}-${day}`;
  // isIsoDate rejects 31 Feb, 29 Feb in non-leap years (incl. 1900), month 13 and day 00.
  if (!isIsoDate(birthDate)) return undefined;
  return { digits: `${dd}${mm}${yy}${serial}`, birthDate, substitute };
}

/** True for an erstatningspersonnummer (day + 60) with a real birth date. */
export function isSubstituteCpr(value: unknown): boolean {
  return parseCpr(value)?.substitute === true;
}

/**
 * True for a CPR number with a real birth date, or an erstatningspersonnummer (day + 60). There is deliberately no modulus-11 check:
 * CPR numbers issued since 2007 need not satisfy it. A birth date in the future is not rejected
 * here (it depends on the reference date); `ageOn` reports it.
 */
export function isValidCpr(value: unknown): value is string {
  return parseCpr(value) !== undefined;
}

/** The ten digits without hyphen (`DDMMYYSSSS`), or undefined for an invalid CPR number. */
export function normalizeCpr(value: unknown): string | undefined {
  return parseCpr(value)?.digits;
}

/** The display spelling `DDMMYY-SSSS`, or undefined for an invalid CPR number. */
export function formatCpr(value: unknown): string | undefined {
  const digits = normalizeCpr(value);
  return digits === undefined ? undefined : `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

/** The birth date encoded in the CPR number. Throws `RangeError` for an invalid CPR number. */
export function cprBirthDate(cpr: string): IsoDate {
  const parts = parseCpr(cpr);
  if (!parts) throw new RangeError('Not a valid CPR number');
  return parts.birthDate;
}

export type CprSex = 'female' | 'male';

/** Legal sex as the CPR number records it: an even last digit is female, odd is male. */
export function cprSex(cpr: string): CprSex {
  const parts = parseCpr(cpr);
  if (!parts) throw new RangeError('Not a valid CPR number');
  return Number(parts.digits[9]) % 2 === 0 ? 'female' : 'male';
}

/**
 * `DDMMYY-XXXX` for safe display: the serial digits identify the person, the birth date alone does not.
 * Input that is not CPR-shaped is masked entirely, so nothing typed ever leaks.
 */
export function maskCpr(value: string): string {
  const m = CPR_SHAPE.exec(value);
  return m ? `${m[1]}${m[2]}${m[3]}-XXXX` : 'XXXXXX-XXXX';
}

/**
 * Completed years of age on `today`, from a CPR number or an ISO birth date.
 * The birthday itself counts (a youth is «fyldt 15 år» on the 15th birthday).
 * Someone born 29 February turns a year older on 1 March in non-leap years (our choice:
 * on 28 February the full year has not yet passed, so the conservative answer is the lower age).
 * Throws `RangeError` for an invalid CPR number or date, or when `today` precedes the birth.
 */
export function ageOn(cprOrBirthDate: string, today: IsoDate): number {
  const birth = isIsoDate(cprOrBirthDate) ? cprOrBirthDate : cprBirthDate(cprOrBirthDate);
  if (!isIsoDate(today)) throw new RangeError(`Not an ISO date: ${JSON.stringify(today)}`);
  if (today < birth) throw new RangeError('The reference date precedes the birth date');
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  // Comparing MM-DD strings: '02-28' < '02-29' < '03-01' gives the 1 March rule for leaplings.
  return today.slice(5) < birth.slice(5) ? years - 1 : years;
}

/**
 * Age in completed years from a CPR number (or erstatningspersonnummer) or an ISO birth date, for a
 * person recorded either way («intet CPR-nummer» with a fødselsdato). Undefined when neither is
 * usable or the birth lies after `today`.
 */
export function ageOfPersonOn(person: { cpr?: unknown; foedselsdato?: unknown }, today: IsoDate): number | undefined {
  const fromCpr = ageFromCprOn(person.cpr, today);
  if (fromCpr !== undefined) return fromCpr;
  const birth = person.foedselsdato;
  if (typeof birth !== 'string' || !isIsoDate(birth) || !isIsoDate(today) || today < birth) return undefined;
  return ageOn(birth, today);
}

/**
 * Age in completed years from a CPR number, or undefined when the CPR number or date is invalid
 * or the birth date lies after `today`. Rules use it so bad input is left to the `cpr` format check.
 */
export function ageFromCprOn(cpr: unknown, today: IsoDate): number | undefined {
  const parts = parseCpr(cpr);
  if (!parts || !isIsoDate(today) || today < parts.birthDate) return undefined;
  return ageOn(parts.birthDate, today);
}
