import type { Response } from 'express';
import type { CalendarOptions, RuleOptionsByRule, WorkingDayCalendar } from '@skema/core';
import type { SubmissionActor } from '@skema/submissions';
import type { Role } from './roles.js';

/**
 * What an embed session may do: load, validate and create (at most `maxCreates`) submissions of
 * one form version, and read those submissions; nothing else (see `embed-scope.ts`).
 */
export interface EmbedScope {
  kind: 'embed';
  formId: string;
  version: string;
  maxCreates: number;
  /** The session's id (not its token), to count its submissions. */
  sessionId: string;
  /** The version as the portal named it (e.g. `latest`), also accepted in URLs. */
  requestedVersion: string;
  /** The submissions the session created, as of this request. */
  created: readonly string[];
}

/**
 * Who is calling: a person signed in through the tenant's identity provider, or a system (an API
 * key, or an embed session a portal's backend opened). The key id is the actor recorded in
 * revisions and audit (`oidc:<subject>` for a person).
 */
export interface Principal {
  tenantId: string;
  keyId: string;
  /** A person (OIDC access token) or a system (API key, embed session). Personal approvals need `person`. */
  kind: 'person' | 'system';
  /** The token's subject for a person, the key id for a key, `embed:<session>` for an embed session. */
  subject: string;
  /** A person's display name from the token, when the provider sends one. */
  name?: string;
  /** Narrower than the roles: set for embed sessions. */
  scope?: EmbedScope;
  roles: Role[];
  ruleOptions: RuleOptionsByRule;
  /** The tenant's working-day calendar options, and the calendar built from them (undefined: the engine's). */
  calendarOptions?: CalendarOptions;
  calendar?: WorkingDayCalendar;
  /** The tenant's list policy: data pointers a list item may show, by form id (none by default). */
  listFields?: Readonly<Record<string, readonly string[]>>;
  /** The tenant's need-to-know grants: roles that see every submission of a form, by form id. */
  formAccess?: Readonly<Record<string, { roles: readonly string[] }>>;
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

const actors = new WeakMap<Principal, SubmissionActor>();

/** The principal as the submission use cases see it: the key id is the actor, a person's kind, subject and name with it. Built once per principal object. */
export function actorOf(principal: Principal): SubmissionActor {
  let actor = actors.get(principal);
  if (!actor) {
    const { tenantId, keyId, kind, subject, name, roles, ruleOptions, calendarOptions, calendar, formAccess } =
      principal;
    actor = {
      tenantId,
      id: keyId,
      kind,
      // Only a person's subject is one at an identity provider; a key's is its id.
      ...(kind === 'person' ? { subject } : {}),
      ...(name ? { name } : {}),
      roles,
      ruleOptions,
      ...(calendarOptions ? { calendarOptions } : {}),
      ...(calendar ? { calendar } : {}),
      ...(formAccess ? { formAccess } : {}),
    };
    actors.set(principal, actor);
  }
  return actor;
}
