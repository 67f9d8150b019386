import type { RuleContext } from './plugin.js';
import { todayInDenmark } from './dates.js';
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
