import type { CalendarOptions, WorkingDayCalendar } from '@skema/core';
import type { TenantConfig } from '../config/server-config.js';
import type { Principal } from './principal.js';

/** The part of a principal that comes from its tenant: the same for every key and person of it. */
export type TenantSettings = Pick<
  Principal,
  'tenantId' | 'ruleOptions' | 'calendarOptions' | 'calendar' | 'listFields' | 'formAccess'
>;

/** Built once per tenant at start (the calendar compiles once). */
export function tenantSettings(
  tenant: TenantConfig,
  calendarFor?: (options: CalendarOptions) => WorkingDayCalendar,
): TenantSettings {
  return {
    tenantId: tenant.id,
    ruleOptions: tenant.ruleOptions ?? {},
    ...(tenant.calendar && calendarFor
      ? { calendarOptions: tenant.calendar, calendar: calendarFor(tenant.calendar) }
      : {}),
    ...(tenant.listPolicy?.fields ? { listFields: tenant.listPolicy.fields } : {}),
    ...(tenant.access ? { formAccess: tenant.access } : {}),
  };
}
