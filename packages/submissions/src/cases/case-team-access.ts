import type { CaseStore } from '@skema/core';
import type { CaseAccessHooks } from '../access-policy.js';

/**
 * The case team as a need-to-know group (`SubmissionsDeps.caseAccess`): the case a submission
 * belongs to, and the actor ids on that case's team, read from the case store. Looked up only
 * when nothing cheaper (creator, assignee, granted role, approver) decided.
 */
export function caseTeamAccess(cases: Pick<CaseStore, 'caseOfSubmission' | 'getCase'>): CaseAccessHooks {
  return {
    caseOf: (tenantId, submissionId) => cases.caseOfSubmission(tenantId, submissionId),
    teamOf: async (tenantId, caseId) => (await cases.getCase(tenantId, caseId))?.team,
  };
}
