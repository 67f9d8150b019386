import type { Submission, SubmissionRevision, ValidationResult } from '@skema/core';
import type { ProblemIssue } from '../http/problem.js';

export interface SubmissionWriteResult {
  submission: Submission;
  receipt: Submission['receipt'];
  warnings: ValidationResult['warnings'];
  deadlines: ValidationResult['derived']['deadlines'];
  pendingApprovals?: string[];
}

export function writeResult(submission: Submission, result: ValidationResult, pendingApprovals?: string[]): SubmissionWriteResult {
  return {
    submission,
    receipt: submission.receipt,
    warnings: result.warnings,
    deadlines: result.derived.deadlines,
    ...(pendingApprovals?.length ? { pendingApprovals } : {}),
  };
}

/** A revision as the API shows it: who, when, what kind of change and the JSON Patch, not the full data. */
export function revisionView(r: SubmissionRevision) {
  return { revision: r.revision, action: r.action, by: r.by, at: r.at, status: r.status, formId: r.formId, version: r.version, changes: r.changes };
}

/**
 * The submission as it was at a revision (used to replay an idempotent create). `statusChangedAt`
 * is the revision's time, which is right for revision 1 (the creation), the only one replayed.
 */
export function submissionAt(tenantId: string, r: SubmissionRevision, createdAt: string, createdBy: string): Submission {
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

/** Every error found, also those left out of `errors` past the engine's issue cap. */
export function errorCount(result: ValidationResult): number {
  return result.truncated?.errors ?? result.errors.length;
}

export function errorIssues(result: ValidationResult): ProblemIssue[] {
  return result.errors.map((e) => ({ path: e.path, code: e.code, message: e.message, severity: e.severity }));
}

/** The document JSON Patches in revisions are computed on. */
export function patchDocument(s: { status: string; version: string; data: unknown }) {
  return { status: s.status, version: s.version, data: s.data };
}
