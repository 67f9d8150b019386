import type { Locale } from '@skema/core';

/**
 * The JSON Schema for a DKK amount in a form: kroner as a JSON number with whole øre.
 * `multipleOf: 0.01` needs Ajv's `multipleOfPrecision`: plain floating-point division rejects
 * amounts like 0.07 (0.07 / 0.01 = 7.000000000000001). Use `isDkkAmount` in rules until then.
 */
export const DKK_AMOUNT_SCHEMA = Object.freeze({ type: 'number', minimum: 0, multipleOf: 0.01 });

/** Larger amounts lose whole-øre precision as doubles. */
const MAX_KRONER = Math.floor(Number.MAX_SAFE_INTEGER / 100);

/** The amount times 100, computed on its shortest decimal text so 1.005 gives 100.5, not 100.49999… */
function shiftToOere(abs: number): number {
  const text = String(abs);
  return text.includes('e') ? abs * 100 : Number(`${text}e2`);
}

/** Whole øre of a finite amount, rounded half away from zero. */
function toOere(amount: number): number {
  return Math.sign(amount) * Math.round(shiftToOere(Math.abs(amount)));
}

/** True for a finite, non-negative amount in whole øre: its decimal text has at most two decimals. */
export function isDkkAmount(value: unknown): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_KRONER) return false;
  return Number.isInteger(shiftToOere(value));
}

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * `1.234,50 kr.` in Danish, `DKK 1,234.50` in English. Rounded to whole øre.
 * Written by hand rather than with `Intl.NumberFormat`, whose spacing differs between ICU versions,
 * so browser and server show the same text.
 */
export function formatDkk(amount: number, locale: Locale = 'da'): string {
  if (!Number.isFinite(amount) || Math.abs(amount) > MAX_KRONER)
    throw new RangeError(`Not a formattable amount: ${amount}`);
  const oere = toOere(amount);
  const kroner = String(Math.floor(Math.abs(oere) / 100));
  const fraction = String(Math.abs(oere) % 100).padStart(2, '0');
  const sign = oere < 0 ? '-' : '';
  return locale === 'da'
    ? `${sign}${groupThousands(kroner, '.')},${fraction} kr.`
    : `${sign}DKK ${groupThousands(kroner, ',')}.${fraction}`;
}

const SPACES = /[\s\u00a0\u202f]+/g;

/**
 * Reads an amount typed in the UI: `1.234,50`, `1234,5`, `1 234`, `-12,00 kr.`, `kr. 100`, `DKK 100`.
 * Group separators must sit between groups of three digits, so `12.50` (a Danish reader cannot
 * tell whether it means 12,50 or 1.250) is rejected rather than guessed. At most two decimals.
 * Returns undefined for anything else. `locale: 'en'` swaps the roles of `.` and `,`.
 */
export function parseDkk(text: string, locale: Locale = 'da'): number | undefined {
  const [group, decimal] = locale === 'da' ? ['.', ','] : [',', '.'];
  let s = text
    .trim()
    .replace(/^(?:kr\.?|dkk)\s*/i, '')
    .replace(/\s*(?:kr\.?|dkk)$/i, '');
  let negative = false;
  if (s.startsWith('-') || s.startsWith('\u2212')) {
    negative = true;
    s = s.slice(1);
  }
  const [whole = '', fraction, ...rest] = s.split(decimal);
  if (rest.length > 0) return undefined;
  if (fraction !== undefined && !/^\d{1,2}$/.test(fraction)) return undefined;
  const groups = whole.replace(SPACES, ' ').split(new RegExp(`[ ${group === '.' ? '\\.' : ','}]`));
  const [first = '', ...others] = groups;
  if (!/^\d+$/.test(first)) return undefined;
  if (others.length > 0 && (first.length > 3 || !others.every((g) => /^\d{3}$/.test(g)))) return undefined;
  const oere = Number(groups.join('')) * 100 + Number((fraction ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(oere)) return undefined;
  const amount = oere / 100;
  return negative && amount !== 0 ? -amount : amount;
}
