export {
  SkemaClient,
  type SkemaClientOptions,
  type WriteResult,
  type SubmissionListFilter,
  type AuditFilter,
} from './client.js';
export { SkemaAdminClient } from './admin.js';
export {
  SkemaDeliveriesClient,
  type WebhookSubscriptionView,
  type Delivery,
  type DeliveryStatus,
  type DeliveryListFilter,
  type DeliveryPage,
} from './deliveries.js';
export { SkemaAttachmentsClient } from './attachments.js';
export { uploadFile, type UploadOptions, type UploadProgress } from './upload.js';
export { SkemaCasesClient, type CaseListFilter, type CaseAnswer } from './cases.js';
export { SkemaApiError } from './errors.js';
export { Transport, apiBase, type TransportOptions, type CallOptions, type Answer } from './transport.js';
export { isIdempotent, type RetryOptions } from './retry.js';
export { toFormVersion, tenantRuleOptionsOf, tenantCalendarOf, type LoadedFormVersion } from './form-version.js';
export type { FormId, VersionOf, FormData } from './form-types.js';
// The API's bodies, under their wire names, for the client's users.
export type { Wire } from '@skema/core';
export type {
  Problem,
  ProblemIssue,
  ValidationIssue,
  ValidationResult,
  Submission,
  SubmissionListItem,
  SubmissionPage,
  SubmissionStatus,
  Revision,
  AuditEntry,
  AuditPage,
  FormSummary,
  Rule,
  FormDiff,
  FormConfigSummary,
  FormConfigRecord,
  FormConfigCheck,
  FormConfigPreview,
  ConfigProblem,
} from './wire.js';
