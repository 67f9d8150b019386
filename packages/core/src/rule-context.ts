import type { IsoDate } from './calendar.js';
import type { RuleContext } from './plugin.js';
import { isIsoDate, todayInDenmark } from './dates.js';
import { valueAt } from './data-access.js';
import { weekendCalendar } from './weekend-calendar.js';

/** A rule context with sensible defaults, for testing rules and running one rule on its own. */
export function createRuleContext(overrides: Partial<RuleContext> = {}): RuleContext {
  return {
    today: todayInDenmark(),
    locale: 'da',
    formId: 'test',
    version: '1.0.0',
    mode: 'submitted',
    options: {},
    calendar: weekendCalendar,
    label: (pointer) => {
      const name = pointer.split('/').pop() ?? '';
      return { da: name, en: name };
    },
    ...overrides,
  };
}

/** The date a rule judges ages and deadlines on: the submission's reference date, else today. */
export function judgedOn(ctx: Pick<RuleContext, 'today' | 'referenceDate'>): IsoDate {
  return ctx.referenceDate ?? ctx.today;
}

/**
 * The reference date of `data` for a form whose schema names its date field with
 * `x-skema-reference-date` (a JSON Pointer). A date after `today` is not used: the date a
 * submission is about cannot lie in the future, and a later date must not silence age rules.
 */
export function referenceDateOf(
  schema: Readonly<Record<string, unknown>>,
  data: unknown,
  today: IsoDate,
): IsoDate | undefined {
  const pointer = schema['x-skema-reference-date'];
  if (typeof pointer !== 'string') return undefined;
  const value = valueAt(data, pointer);
  return typeof value === 'string' && isIsoDate(value) && value <= today ? value : undefined;
}
