import type { Submission, SubmissionRevision, ValidationResult } from '@skema/core';
import type { SubmissionWrite } from '@skema/submissions';

/** The JSON body of a write: the submission, its receipt, the warnings and deadlines, and roles still to approve. */
export interface SubmissionWriteResult {
  submission: Submission;
  receipt: Submission['receipt'];
  warnings: ValidationResult['warnings'];
  deadlines: ValidationResult['derived']['deadlines'];
  pendingApprovals?: string[];
}

export function writeResult({ submission, validation, pendingApprovals }: SubmissionWrite): SubmissionWriteResult {
  return {
    submission,
    receipt: submission.receipt,
    warnings: validation.warnings,
    deadlines: validation.derived.deadlines,
    ...(pendingApprovals.length ? { pendingApprovals } : {}),
  };
}

/** A revision as the API shows it: who, when, what kind of change, the JSON Patch (not the full data) and its approvals. */
export function revisionView(r: SubmissionRevision) {
  return {
    revision: r.revision,
    action: r.action,
    by: r.by,
    at: r.at,
    status: r.status,
    formId: r.formId,
    version: r.version,
    changes: r.changes,
    // Who approved or co-signed as of this revision (persons with subject and name).
    ...(r.approvals?.length ? { approvals: r.approvals } : {}),
    // The date the revision was judged on (stamped on the first submission): provable per revision.
    ...(r.receipt.referenceDate ? { referenceDate: r.receipt.referenceDate } : {}),
  };
}
