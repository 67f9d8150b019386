export { Submissions } from './submissions.js';
export type { SubmissionActor, TenantRuleSettings } from './actor.js';
export type { SubmissionsDeps, SubmissionValidator, SubmissionValidateOptions } from './deps.js';
export type { CreateInput } from './create.js';
export type { UpdateInput } from './update.js';
export type { LegalHoldInput } from './legal-hold.js';
export type { ExpectedRevision } from './preconditions.js';
export type { SubmissionListPage, AuditPage } from './reads.js';
export { submissionAt, type SubmissionWrite, type CreatedSubmission } from './write-result.js';
export {
  SubmissionError,
  SubmissionNotFoundError,
  PreconditionRequiredError,
  PreconditionFailedError,
  RevisionConflict,
  ValidationFailedError,
  MigrationInvalidError,
  MigrationImpossibleError,
  GuardDeniedError,
  RoleRequiredError,
  SubmissionConflictError,
  InvalidInputError,
  errorCount,
  errorIssues,
  type SubmissionErrorCode,
  type SubmissionIssue,
} from './errors.js';
export { ALLOWED_TRANSITIONS, TRANSITION_ROLES, COMPLETE_STATUSES, EDITABLE_STATUSES, isAllowedTransition } from './status-graph.js';
export { SensitiveAccess, type SensitiveAuditDetails } from './sensitive-access.js';
export { listedData, identifyingFields, type ListedData } from './list-policy.js';
export { diff, patchDocument, type PatchDocument } from './records.js';
export { withApproval } from './approvals.js';
