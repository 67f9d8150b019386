export type * from './issues.js';
export type * from './calendar.js';
export type * from './plugin.js';
export type { SubmissionAccessRule } from './access.js';
export type * from './form.js';
export type * from './store.js';
export * from './outbox.js';
export { OutboxState, type OutboxSnapshot } from './outbox-state.js';
export {
  DuplicateSubmissionError,
  NotFoundError,
  RevisionConflictError,
  StoreCorruptionError,
  StoreUnavailableError,
} from './store.js';
export * from './dates.js';
export { createCalendar, weekendCalendar } from './weekend-calendar.js';
export { CalendarOptionsError, type CalendarOptions } from './tenant-calendars.js';
export { createAjv, type Ajv2020 } from './ajv.js';
export { TransitionGuardRegistry, type TransitionGuard, type TransitionRequest, type GuardDecision } from './guards.js';
export { ApprovalTransitions, type ApprovalTransition } from './approval-transition.js';
export { CPR_MASK, scrubText, scrubValue, scrubDetails } from './scrub.js';
export { SkemaEngine, FormPluginError, DEFAULT_MAX_ISSUES, type CompiledForm, type ValidateOptions } from './engine.js';
export { FormRegistry, FormNotFoundError } from './registry.js';
export { canonicalJson, contentHash, formContentHash } from './hash.js';
export { KEYWORD_MESSAGES } from './keyword-messages.js';
export { i18nKeyForPointer, interpolate } from './labels.js';
export {
  checkRuleOptions,
  countOption,
  numberOption,
  type CatalogueEntry,
  type RuleOptionsByRule,
  type RuleOptionProblem,
} from './rule-options.js';
export { listAtLeast, listAtMost, optionSchemaViolation } from './option-bounds.js';
export { createRuleContext, judgedOn, referenceDateOf } from './rule-context.js';
export { describeJudgedDate } from './judged-date.js';
export { matchesSearch, searchFold, searchSegments, stringsAt, type SubmissionSearch } from './submission-search.js';
export { valueAt, isFilled, arrayAt, stringAt, pointer } from './data-access.js';
export * from './diff/index.js';
export * from './untrusted/index.js';
export * from './overlay/index.js';
export * from './migration/index.js';
export * from './sensitive/index.js';
export * from './attachments/index.js';
export type { FormConfigStore, ListFormConfigsOptions, TenantFormRecord } from './form-config-store.js';
export type {
  CaseStore,
  CaseRecord,
  CaseBorger,
  CaseMember,
  CaseChange,
  CaseFilter,
  CasePage,
  CaseStatus,
} from './case-store.js';
export { CaseMembershipError, applyCaseChange, caseMatches, compareCases, pageCases } from './case-store.js';
export type { CaseContext, CaseDocument, CaseAttachment } from './case-context.js';
export type { BlobStore, BlobLimits, BlobInspector, AttachmentRecord, AttachmentOwner } from './blob-store.js';
export { BLOB_HEAD_BYTES, BLOB_TAIL_BYTES, BlobTooLargeError } from './blob-store.js';
export { blobIntake, type BlobIntake, type BlobHasher } from './blob-intake.js';
export { createCaseContext } from './case-context.js';
export type {
  PrefillSpec,
  PrefillMapping,
  PrefillFrom,
  PrefillTransform,
  PrefillProvenance,
  PrefillSources,
  PrefillResult,
} from './prefill.js';
export { applyPrefill, prefillSpecProblem } from './prefill.js';
export { compareFormConfigs, compareVersions, ImmutableVersionError } from './form-config-store.js';
export { retentionExpiry, retentionStart, isExpired, type RetentionPolicy } from './retention/retention.js';
export {
  approvalsAfter,
  assigneesAfter,
  assertChangeShape,
  normaliseInstant,
  statusChangedAtAfter,
  statusEnteredAt,
  submissionFromInput,
} from './store-records.js';
export { wireSchemas, type WireSchemaName } from './wire/index.js';
export type * as Wire from './wire/wire-types.js';
export {
  isEmbedSessionStore,
  liveReservations,
  reservedEmbedSession,
  committedEmbedSession,
  type EmbedSessionRecord,
  type EmbedSessionStore,
} from './embed-session-store.js';
