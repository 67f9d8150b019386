import { arrayAt, isIsoDate, valueAt, type IsoDate } from '@skema/core';

export const LEVERANCEAFTALE = 'leveranceaftale';

/** Statuses the agreement can only reach after the fagkonsulent has approved it. */
export const STATUSES_AFTER_FAGKONSULENT = ['Godkendt af fagkonsulent', 'Afventer leder', 'Godkendt', 'Afsluttet'];
/** Statuses that mean the agreement as a whole is approved (the forløb may run). */
export const STATUSES_APPROVED = ['Godkendt', 'Afsluttet'];

/** A valid ISO date at the pointer, or undefined (bad dates are the schema's `format` error). */
export function dateAt(data: unknown, ptr: string): IsoDate | undefined {
  const v = valueAt(data, ptr);
  return isIsoDate(v) ? v : undefined;
}

/** True when the pointer holds a non-blank string. */
export function hasText(data: unknown, ptr: string): boolean {
  const v = valueAt(data, ptr);
  return typeof v === 'string' && v.trim().length > 0;
}

/** A non-negative finite number at the pointer, else 0 (negative amounts are the schema's error). */
export function amountAt(data: unknown, ptr: string): number {
  const v = valueAt(data, ptr);
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0;
}

/** A name compared the way people write it: case, surrounding and repeated spaces ignored. */
// (Danish has no locale-specific case mappings, so the much cheaper toLowerCase is exact.)
export function normalizedName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const n = value.trim().replace(/\s+/g, ' ').toLowerCase();
  return n.length > 0 ? n : undefined;
}

/** CPR digits without the hyphen, for comparing two CPR numbers; undefined when not CPR-shaped. */
export function cprDigits(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const digits = value.replace('-', '');
  return /^\d{10}$/.test(digits) ? digits : undefined;
}

/** A number option, falling back to its default when the configuration holds something else. */
/** Like core's `numberOption`, but `null` (or absence) switches the check off. */
export function optionalNumberOption(options: Readonly<Record<string, unknown>>, name: string): number | undefined {
  const v = options[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export interface BudgetTotals {
  hours: number;
  /** Each activity's fee in DKK (or its hours at the hourly rate), plus transport and every expense line. */
  amountDkk: number;
}

/** A fee entered in kroner (from leveranceaftale 1.1.0), or undefined when the activity has none. */
function feeAt(data: unknown, ptr: string): number | undefined {
  const v = valueAt(data, ptr);
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
}

/**
 * The budget's totals, as the højpris check (LEV-07) and the leverandør price comparison see them.
 * The seed prices in kroner («honoreres efter punkt vedrørende økonomi i rammekontrakten», 001
 * §5.1.3): an activity's fee replaces its hours × the (placeholder) hourly rate; its hours still
 * count towards an hours threshold.
 */
export function budgetTotals(data: unknown, hourlyRateDkk: number): BudgetTotals {
  let hours = 0;
  let amountDkk = 0;
  arrayAt(data, '/aktiviteter').forEach((_, i) => {
    const timer = amountAt(data, `/aktiviteter/${i}/timer`);
    const fee = feeAt(data, `/aktiviteter/${i}/honorar`);
    hours += timer;
    amountDkk += (fee ?? timer * hourlyRateDkk) + amountAt(data, `/aktiviteter/${i}/transportomkostninger`);
    arrayAt(data, `/aktiviteter/${i}/udgifter`).forEach((__, j) => {
      amountDkk += amountAt(data, `/aktiviteter/${i}/udgifter/${j}/beloeb`);
    });
  });
  return { hours, amountDkk };
}

/** Amounts as a Danish caseworker reads them: 100.000. */
export function formatAmount(n: number): string {
  return new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 }).format(n);
}

/** Dates in messages as a Danish reader writes them: 18.02.2026. */
export function formatDate(date: IsoDate): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

/** `valueAt` for string enum fields. */
export function enumAt(data: unknown, ptr: string): string | undefined {
  const v = valueAt(data, ptr);
  return typeof v === 'string' ? v : undefined;
}
