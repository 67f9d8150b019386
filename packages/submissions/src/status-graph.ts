import type { SubmissionStatus } from '@skema/core';
import { RoleRequiredError } from './errors.js';

/**
 * The status changes any submission may make. `submitted → draft` returns it for rework;
 * `approved` and `withdrawn` are final. Forms add conditions through transition guards.
 */
export const ALLOWED_TRANSITIONS: Readonly<Record<SubmissionStatus, readonly SubmissionStatus[]>> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['approved', 'rejected', 'draft', 'withdrawn'],
  rejected: ['draft', 'withdrawn'],
  approved: [],
  withdrawn: [],
};

/** Roles that may ask for a status at all (admins manage, they take no professional decision). */
export const TRANSITION_ROLES: Readonly<Record<SubmissionStatus, readonly string[]>> = {
  draft: ['caseworker', 'fagkonsulent', 'leder'],
  submitted: ['caseworker', 'fagkonsulent', 'leder'],
  approved: ['fagkonsulent', 'leder'],
  rejected: ['fagkonsulent', 'leder'],
  withdrawn: ['caseworker', 'fagkonsulent', 'leder'],
};

/** Statuses that require data without validation errors. */
export const COMPLETE_STATUSES: ReadonlySet<SubmissionStatus> = new Set(['submitted', 'approved']);

/** Statuses in which the data may still be changed. */
export const EDITABLE_STATUSES: ReadonlySet<SubmissionStatus> = new Set(['draft', 'submitted']);

export function isAllowedTransition(from: SubmissionStatus, to: SubmissionStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/** `RoleRequiredError` unless the actor holds one of the roles. */
export function assertAnyRole(actor: { roles: readonly string[] }, roles: readonly string[]): void {
  if (!actor.roles.some((r) => roles.includes(r))) throw new RoleRequiredError(roles);
}
