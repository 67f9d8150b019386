export { Submissions } from './submissions.js';
export type { SubmissionActor, TenantRuleSettings } from './actor.js';
export type { SubmissionsDeps, SubmissionValidator, SubmissionValidateOptions } from './deps.js';
export type { CreateInput } from './create.js';
export type { UpdateInput } from './update.js';
export type { LegalHoldInput } from './legal-hold.js';
export type { ExpectedRevision } from './preconditions.js';
export type { SubmissionListPage, AuditPage } from './reads.js';
export type { DocumentSource } from './document-read.js';
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
  PersonRequiredError,
  AlreadyApprovedError,
  errorCount,
  errorIssues,
  type SubmissionErrorCode,
  type SubmissionIssue,
} from './errors.js';
export {
  ALLOWED_TRANSITIONS,
  TRANSITION_ROLES,
  COMPLETE_STATUSES,
  EDITABLE_STATUSES,
  isAllowedTransition,
} from './status-graph.js';
export { SensitiveAccess, type SensitiveAuditDetails } from './sensitive-access.js';
export { listedData, identifyingFields, type ListedData } from './list-policy.js';
export { buildSearch, searchableFields, SEARCH_MAX_LENGTH } from './list-search.js';
export type { ListCaseLookup, ListedCase, ListedCreator } from './list-view.js';
export { diff, patchDocument, type PatchDocument } from './records.js';
export { withApproval, countingApprovals, approvalBy, isPerson } from './approvals.js';
export { APPROVAL_ROLES, type ApprovalInput, type ApprovalResult } from './approve.js';
export type { ApprovalWithTransition, ApprovalTransitionOutcome } from './approval-move.js';
export { ASSIGN_ROLES, type AssignInput } from './assign.js';
export { AccessPolicy, type AccessInput, type CaseAccessHooks } from './access-policy.js';
export { SubmissionVisibility } from './visibility.js';
export { eventsOf, outboxEvent, submissionLinks, type EventSubject } from './events.js';
export * from './cases/index.js';
export * from './attachments/index.js';
export { STAMP_REFUSED, storedJudgedDate } from './reference-date.js';
