/**
 * The API client is `@skema/client` (one typed client for the component, the web component, the
 * demo and the CLI); re-exported here so the component's users keep one import.
 */
export {
  SkemaClient,
  SkemaApiError,
  apiBase,
  toFormVersion,
  tenantCalendarOf,
  tenantRuleOptionsOf,
  type LoadedFormVersion,
  type ProblemIssue,
  type SubmissionListFilter,
} from '@skema/client';
import type { Revision, WriteResult } from '@skema/client';

/** What the API returns for a stored submission, with the entity tag for the next change. */
export type SubmissionWriteResult = WriteResult;
/** One revision of a submission (`GET /submissions/{id}/revisions`). */
export type SubmissionRevisionView = Revision;
