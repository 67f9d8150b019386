import type { Actor, CalendarOptions, RuleOptionsByRule, WorkingDayCalendar } from '@skema/core';

/** The tenant's settings a validation runs with: rule options and working-day calendar. */
export interface TenantRuleSettings {
  ruleOptions: RuleOptionsByRule;
  /** The tenant's calendar options (for validations in a worker) and the calendar built from them (undefined: the engine's). */
  calendarOptions?: CalendarOptions;
  calendar?: WorkingDayCalendar;
}

/**
 * Who acts on submissions: an actor (id, optional name, roles) of a tenant, with the tenant's rule
 * settings. The server builds it from its API key principal; the CLI or a job builds its own.
 */
export interface SubmissionActor extends Actor, TenantRuleSettings {
  tenantId: string;
  /**
   * The tenant's need-to-know grants: roles that see every submission of a form, by form id
   * (tenant configuration `access`). See `AccessPolicy`.
   */
  formAccess?: Readonly<Record<string, { roles: readonly string[] }>>;
}
