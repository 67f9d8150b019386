import type { AuditEntry, CaseStore } from '@skema/core';
import type { SubmissionActor } from '../actor.js';
import type { SubmissionsDeps } from '../deps.js';

/** What the case use cases need: the submission deps and a case store (usually the same store object). */
export interface CasesDeps extends SubmissionsDeps {
  cases: CaseStore;
}

/** A case audit entry: ids, revision and status only; never the title or the borger (personal data). */
export function caseAudit(
  actor: SubmissionActor,
  at: string,
  action: AuditEntry['action'],
  caseId: string,
  details: Record<string, unknown> = {},
): Omit<AuditEntry, 'id'> {
  return { tenantId: actor.tenantId, at, actor: actor.id, action, details: { caseId, ...details } };
}
