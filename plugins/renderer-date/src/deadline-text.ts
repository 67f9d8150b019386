import type { DerivedDeadline, Locale, WorkingDayCalendar } from '@skema/core';

const UNITS: Record<Locale, Record<DerivedDeadline['basis']['unit'], [string, string]>> = {
  da: {
    arbejdsdage: ['arbejdsdag', 'arbejdsdage'],
    dage: ['dag', 'dage'],
    uger: ['uge', 'uger'],
    måneder: ['måned', 'måneder'],
    timer: ['time', 'timer'],
  },
  en: {
    arbejdsdage: ['working day', 'working days'],
    dage: ['day', 'days'],
    uger: ['week', 'weeks'],
    måneder: ['month', 'months'],
    timer: ['hour', 'hours'],
  },
};

/** `8. juni 2026` / `8 June 2026`, independent of the browser's time zone. */
export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(locale === 'da' ? 'da-DK' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function unit(locale: Locale, name: DerivedDeadline['basis']['unit'], n: number): string {
  const [one, many] = UNITS[locale][name];
  return `${n} ${Math.abs(n) === 1 ? one : many}`;
}

/**
 * One line per deadline: what is due, when, how it was computed, and (for pending deadlines) how
 * many working days remain on the reference date, counted with the Danish calendar.
 */
export function deadlineText(
  deadline: DerivedDeadline,
  locale: Locale,
  today: string,
  calendar: WorkingDayCalendar,
): string {
  const due = formatDate(deadline.due, locale);
  const basis = `${unit(locale, deadline.basis.unit, deadline.basis.amount)} ${locale === 'da' ? 'fra' : 'from'} ${formatDate(deadline.basis.from, locale)}`;
  const head = `${deadline.label[locale]}: ${due} (${basis})`;
  if (deadline.status === 'met') return `${head} – ${locale === 'da' ? 'overholdt' : 'met'}.`;
  if (deadline.status === 'overdue') return `${head} – ${locale === 'da' ? 'overskredet' : 'overdue'}.`;
  const left = calendar.workingDaysBetween(today, deadline.due);
  const rest =
    locale === 'da' ? `${unit('da', 'arbejdsdage', left)} tilbage` : `${unit('en', 'arbejdsdage', left)} left`;
  return `${head} – ${rest}.`;
}
