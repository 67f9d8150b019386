export { SkemaForm, type SkemaFormProps } from './SkemaForm.js';
export type { SkemaFormChange } from './FormView.js';
export type { SkemaFormError, SavedSubmission } from './use-submission.js';
export {
  SkemaClient,
  SkemaApiError,
  apiBase,
  toFormVersion,
  tenantCalendarOf,
  tenantRuleOptionsOf,
  type LoadedFormVersion,
  type ProblemIssue,
  type SubmissionWriteResult,
  type SubmissionListFilter,
  type SubmissionRevisionView,
} from './api.js';
// The list's item shape is an API contract, so it lives in core; re-exported for the client's users.
export type { SubmissionListItem } from '@skema/core';
export { getEngine, standardBrowserPlugins } from './engine.js';
export { skemaRenderers } from './renderers/skema-renderers.js';
export { vanillaFallback } from './renderers/vanilla-fallback.js';
export { ControlFrame, type ControlFrameProps, type FieldA11y } from './renderers/ControlFrame.js';
export { SKEMA_CONTROL_RANK, SKEMA_PLUGIN_RANK } from './renderers/controls.js';
export { pluginTester, SKEMA_EXPLICIT_RANK } from './renderers/plugin-tester.js';
export { controlSchema, schemaType, scopeName, scopeToPointer, isEnumSchema } from './renderers/schema-tests.js';
export {
  FormAttachmentsContext,
  useFormAttachments,
  type FormAttachments,
  type AttachmentUploadOptions,
  type AttachmentRemoval,
} from './attachments-context.js';
export { attachmentsAllowed } from './use-form-attachments.js';
export {
  SkemaFormContext,
  useSkemaForm,
  useFieldId,
  useFieldErrors,
  useFieldWarnings,
  useErrorCount,
  useFieldDeadlines,
  useRequiredNow,
  type SkemaFormContextValue,
} from './context.js';
export { IssueStore } from './issue-store.js';
export { ErrorSummary, type ErrorSummaryProps } from './ErrorSummary.js';
export { Receipt, type ReceiptProps } from './Receipt.js';
export {
  SubmissionApprovalsContext,
  useSubmissionApprovals,
  type SubmissionApprovals,
  type SignedInPerson,
} from './approvals-context.js';
export { approvalLine, formatApprovalTime, isVerifiedApproval, roleName } from './approval-text.js';
export { receiptSubject } from './receipt-subject.js';
export { SubmissionDocument } from './SubmissionDocument.js';
export { issuesToErrorObjects } from './ajv-errors.js';
export { fieldId, pathToPointer, pointerToPath, valueAtPointer, isWithin } from './pointer.js';
export { detailUiSchema, generateDetail } from './renderers/detail.js';
export {
  misreadByJsonForms,
  pathSafeProps,
  rebaseScope,
  safeConditionScope,
  safeUiSchema,
  scopeDataSegments,
  scopeToDataPath,
  type PathSafeProps,
  type RebasedControl,
} from './renderers/data-paths.js';
export { pathSafeControl, pathSafeControlTester, PATH_SAFE_RANK } from './renderers/PathSafeControl.js';
export { withSchemaDefaults } from './defaults.js';
export { useDraftValue } from './draft-value.js';
export { parseNumberInput, formatNumberInput } from './number-input.js';
export { NumberInput, type NumberInputProps } from './renderers/NumberInput.js';
export { PendingCommits } from './pending-commits.js';
export { createTranslate, type Translate } from './translate.js';
export { uiText, type ItemName, type UiText } from './ui-text.js';
export { SKEMA_CSS } from './styles.js';
export { rendererCss, type SkemaRendererEntry } from './renderer-styles.js';
