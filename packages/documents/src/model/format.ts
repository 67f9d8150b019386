import type { Locale } from '@skema/core';
import { WORDS } from './words.js';

const MONTHS: Record<Locale, readonly string[]> = {
  da: [
    'januar',
    'februar',
    'marts',
    'april',
    'maj',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2026-12-07` → «7. december 2026» (en: «7 December 2026»); anything else unchanged. */
export function formatDate(iso: string, locale: Locale): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  const month = MONTHS[locale][Number(m[2]) - 1];
  if (!month) return iso;
  const day = Number(m[3]);
  return locale === 'da' ? `${day}. ${month} ${m[1]}` : `${day} ${month} ${m[1]}`;
}

// Case documents are Danish records: times are shown as on a Danish clock, whatever the server's zone.
const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An ISO date-time → «7. december 2026 kl. 14.05» in Danish time; not a date-time: unchanged. */
export function formatDateTime(iso: string, locale: Locale): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime()) || !/T/.test(iso)) return ISO_DATE.test(iso) ? formatDate(iso, locale) : iso;
  const parts = Object.fromEntries(clock.formatToParts(instant).map((p) => [p.type, p.value]));
  const date = formatDate(`${parts.year}-${parts.month}-${parts.day}`, locale);
  return locale === 'da' ? `${date} kl. ${parts.hour}.${parts.minute}` : `${date} at ${parts.hour}:${parts.minute}`;
}

const numberFormats: Record<Locale, Intl.NumberFormat> = {
  da: new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};

export function formatNumber(n: number, locale: Locale): string {
  return numberFormats[locale].format(n);
}

export function formatBoolean(b: boolean, locale: Locale): string {
  return b ? WORDS[locale].yes : WORDS[locale].no;
}

const CPR = /^(\d{6})-?(\d{4})$/;

/** DDMMYY-XXXX unless the tenant's policy shows CPR numbers in full (then written DDMMYY-SSSS). */
export function formatCpr(value: string, show: boolean): string {
  const m = CPR.exec(value.trim());
  if (!m) return show ? value : maskCprLike(value);
  return show ? `${m[1]}-${m[2]}` : `${m[1]}-XXXX`;
}

/** Every CPR-like number in a text with its last four digits masked. */
export function maskCprLike(text: string): string {
  return text.replace(/(?<!\d)(\d{6})(-?)\d{4}(?!\d)/g, '$1-XXXX');
}
