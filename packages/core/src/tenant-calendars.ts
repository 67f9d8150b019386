import type { ValidateFunction } from 'ajv';
import type { Ajv2020 } from './ajv.js';
import type { WorkingDayCalendar } from './calendar.js';
import type { CalendarOptionsDefinition } from './plugin.js';

/** A tenant's calendar options that cannot be used: unknown or malformed, or no plugin takes any. */
export class CalendarOptionsError extends Error {
  override readonly name = 'CalendarOptionsError';
  constructor(readonly problems: string[]) {
    super(`Calendar options refused: ${problems.join('; ')}`);
  }
}

export type CalendarOptions = Readonly<Record<string, unknown>>;

/**
 * Tenants' working-day calendars, built by the configurable calendar's plugin. One calendar per
 * options object (a tenant's configuration is loaded once), so validation never rebuilds one.
 */
export class TenantCalendars {
  private readonly built = new WeakMap<CalendarOptions, WorkingDayCalendar>();
  private check: ValidateFunction | undefined;

  constructor(
    private readonly ajv: Ajv2020,
    private readonly source: CalendarOptionsDefinition | undefined,
  ) {}

  /** The calendar for these options; no options (or none set) is the engine's default. */
  for(options: CalendarOptions | undefined, fallback: WorkingDayCalendar): WorkingDayCalendar {
    if (!options || Object.keys(options).length === 0) return fallback;
    const cached = this.built.get(options);
    if (cached) return cached;
    if (!this.source) throw new CalendarOptionsError(['no registered plugin has a configurable working-day calendar']);
    this.check ??= this.ajv.compile(this.source.schema);
    if (!this.check(options)) {
      throw new CalendarOptionsError(
        (this.check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`),
      );
    }
    const calendar = this.source.create(options);
    this.built.set(options, calendar);
    return calendar;
  }
}
