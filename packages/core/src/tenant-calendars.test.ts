import { describe, expect, it } from 'vitest';
import { SkemaEngine } from './engine.js';
import type { SkemaPlugin } from './plugin.js';
import { CalendarOptionsError } from './tenant-calendars.js';
import { createCalendar, weekendCalendar } from './weekend-calendar.js';

// A calendar plugin whose tenants may close on extra days.
const closable: SkemaPlugin = {
  name: 'closable',
  version: '1.0.0',
  calendar: weekendCalendar,
  calendarOptions: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { closed: { type: 'array', items: { type: 'string', format: 'date' } } },
    },
    create: (options) =>
      createCalendar('closable', () =>
        ((options.closed as string[] | undefined) ?? []).map((date) => ({ date, name: 'lukket' })),
      ),
  },
};

describe('SkemaEngine.calendarFor (tenant calendar options)', () => {
  it('is the default calendar without options', () => {
    const engine = new SkemaEngine({ plugins: [closable] });
    expect(engine.calendarFor(undefined)).toBe(engine.calendar);
    expect(engine.calendarFor({})).toBe(engine.calendar);
  });

  it("builds the tenant's calendar once per options object, and it counts the tenant's closing days", () => {
    const engine = new SkemaEngine({ plugins: [closable] });
    const options = { closed: ['2026-06-05'] };
    const calendar = engine.calendarFor(options);
    expect(engine.calendarFor(options)).toBe(calendar);
    expect(calendar.isWorkingDay('2026-06-05')).toBe(false);
    expect(engine.calendar.isWorkingDay('2026-06-05')).toBe(true);
  });

  it('refuses options the calendar does not take, naming them', () => {
    const engine = new SkemaEngine({ plugins: [closable] });
    expect(() => engine.calendarFor({ closed: ['5. juni'] })).toThrow(CalendarOptionsError);
    expect(() => engine.calendarFor({ grundlovsdag: false })).toThrow(/must NOT have additional properties/);
  });

  it('refuses options when no plugin has a configurable calendar', () => {
    expect(() => new SkemaEngine().calendarFor({ closed: [] })).toThrow(/no registered plugin/);
  });
});
