import type { Submission, SubmissionRevision, ValidationResult } from '@skema/core';

/** What a write returns: the stored submission, the validation it passed, and roles still to approve. */
export interface SubmissionWrite {
  submission: Submission;
  validation: ValidationResult;
  /** Roles whose approval is still needed before the requested status is reached (empty when none). */
  pendingApprovals: string[];
}

export interface CreatedSubmission extends SubmissionWrite {
  /** True when an idempotent retry got the first result back and nothing was stored. */
  replayed: boolean;
}

/**
 * The submission as it was at a revision (used to replay an idempotent create). `statusChangedAt`
 * is the revision's time, which is right for revision 1 (the creation), the only one replayed.
 */
export function submissionAt(
  tenantId: string,
  r: SubmissionRevision,
  createdAt: string,
  createdBy: string,
): Submission {
  return {
    id: r.submissionId,
    tenantId,
    formId: r.formId,
    version: r.version,
    status: r.status,
    data: r.data,
    revision: r.revision,
    receipt: r.receipt,
    createdAt,
    updatedAt: r.at,
    statusChangedAt: r.at,
    createdBy,
    updatedBy: r.by,
  };
}
