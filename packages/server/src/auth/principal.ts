import type { Response } from 'express';
import type { CalendarOptions, RuleOptionsByRule, WorkingDayCalendar } from '@skema/core';
import type { Role } from './roles.js';

/** Who is calling: an API key of a tenant. The key id is the actor recorded in revisions and audit. */
export interface Principal {
  tenantId: string;
  keyId: string;
  roles: Role[];
  ruleOptions: RuleOptionsByRule;
  /** The tenant's working-day calendar options, and the calendar built from them (undefined: the engine's). */
  calendarOptions?: CalendarOptions;
  calendar?: WorkingDayCalendar;
  /** The tenant's list policy: data pointers a list item may show, by form id (none by default). */
  listFields?: Readonly<Record<string, readonly string[]>>;
}

/** The authenticated caller; only call behind `authenticate({ required: true })`. */
export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (!principal) throw new Error('principalOf() used on a route without authentication');
  return principal;
}

export function optionalPrincipalOf(res: Response): Principal | undefined {
  return res.locals.principal as Principal | undefined;
}
