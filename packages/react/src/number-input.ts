import type { Locale } from '@skema/core';

/**
 * The one reader of numbers typed into a form (number, integer and amount fields alike). Rules:
 *
 * - Spaces (also non-breaking), `.` and `,` may group thousands; a leading `+`, `-` or `−` is a sign.
 * - With both `.` and `,`, the last one is the decimal separator (it must occur once) and the other
 *   groups thousands: `1.250,50` and `1,250.50` are both 1250.5.
 * - One kind of separator occurring several times groups thousands: `1.250.000`.
 * - One separator occurring once is a decimal separator (`6,5`, `1250.5`, `0.250`), except when it
 *   could group thousands (1–3 digits, not starting with 0, then exactly three): then the locale
 *   decides, as its readers would — Danish `1.250` is 1250 and `6,500` is 6.5; English the reverse.
 * - Thousands groups must be of three digits (`12.50.0` is not a number); no exponents, no letters.
 * - `integer` accepts only whole numbers (`6,0` is 6, `6,5` is not read); `maxDecimals` caps decimals.
 *
 * Returns undefined for text that is not a number by these rules: the caller keeps the text, never
 * a guess (the data must not change silently).
 */
export function parseNumberInput(
  text: string,
  locale: Locale,
  options: { integer?: boolean; maxDecimals?: number } = {},
): number | undefined {
  let s = text.trim();
  let sign = '';
  if (/^[-+\u2212]/.test(s)) {
    sign = s[0] === '+' ? '' : '-';
    s = s.slice(1).trimStart();
  }
  if (!/^\d[\d.,\s\u00a0\u202f]*$/.test(s) || /[.,\s\u00a0\u202f]$/.test(s)) return undefined;
  const decimal = decimalSeparator(s, locale);
  if (decimal === null) return undefined;
  const [whole = '', fraction = '', ...rest] = decimal ? s.split(decimal) : [s];
  if (rest.length > 0 || (decimal && !/^\d+$/.test(fraction))) return undefined;
  const groups = whole.split(/[.,\s\u00a0\u202f]/);
  if (groups.length > 1 && (!/^\d{1,3}$/.test(groups[0] ?? '') || !groups.slice(1).every((g) => /^\d{3}$/.test(g))))
    return undefined;
  if (options.integer && /[1-9]/.test(fraction)) return undefined;
  if (options.maxDecimals !== undefined && fraction.replace(/0+$/, '').length > options.maxDecimals) return undefined;
  const value = Number(`${sign}${groups.join('')}${fraction ? `.${fraction}` : ''}`);
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) return undefined;
  return value === 0 ? 0 : value;
}

/** `''` when there is none, null when the separators contradict each other. */
function decimalSeparator(s: string, locale: Locale): '.' | ',' | '' | null {
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  if (dots && commas) {
    const last = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    return (last === '.' ? dots : commas) === 1 ? last : null;
  }
  if (!dots && !commas) return '';
  const only = dots ? '.' : ',';
  if (dots + commas > 1) return '';
  const groupLike =
    new RegExp(`(^|[\\s\\u00a0\\u202f])[1-9]\\d{0,2}\\${only}\\d{3}$`).test(s) || /[\s\u00a0\u202f]/.test(s);
  if (!groupLike) return only;
  return only === (locale === 'da' ? '.' : ',') ? '' : only;
}

/** A number as the input shows it in the locale: Danish decimal comma, no grouping (`6,5`). */
export function formatNumberInput(value: unknown, locale: Locale): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  const text = String(value);
  return locale === 'da' ? text.replace('.', ',') : text;
}
