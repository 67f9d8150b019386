import type { CaseRecord } from '@skema/core';
import type { SubmissionActor } from '../actor.js';

/**
 * Roles that see every case of their tenant (the leader who distributes and follows up cases);
 * everyone else sees only the cases whose team names them (need to know).
 */
export const CASE_OVERSIGHT_ROLES: readonly string[] = ['leder'];

export function seesAllCases(actor: SubmissionActor): boolean {
  return actor.roles.some((r) => CASE_OVERSIGHT_ROLES.includes(r));
}

export function mayRead(actor: SubmissionActor, record: CaseRecord): boolean {
  return record.tenantId === actor.tenantId && (record.team.includes(actor.id) || seesAllCases(actor));
}
