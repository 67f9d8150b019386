import type { Submission, SubmissionStatus } from '../store.js';

/**
 * Retention (spec Q17, DP-03): days a submission is kept after it is closed, per form, with a
 * tenant-wide default. A form without a period and no default is kept (never deleted by the job).
 */
export interface RetentionPolicy {
  defaultDays?: number;
  forms?: Record<string, number>;
  /** Statuses that close a submission; the period runs from its last update. */
  closedStatuses?: SubmissionStatus[];
}

const CLOSED: SubmissionStatus[] = ['approved', 'rejected', 'withdrawn'];

/** The instant a submission may be deleted, or undefined when it is kept (open, on hold, no period). */
export function retentionExpiry(submission: Submission, policy: RetentionPolicy): Date | undefined {
  if (submission.legalHold) return undefined;
  if (!(policy.closedStatuses ?? CLOSED).includes(submission.status)) return undefined;
  const days = policy.forms?.[submission.formId] ?? policy.defaultDays;
  if (days === undefined) return undefined;
  return new Date(Date.parse(submission.updatedAt) + days * 86_400_000);
}

export function isExpired(submission: Submission, policy: RetentionPolicy, now: Date): boolean {
  const expiry = retentionExpiry(submission, policy);
  return expiry !== undefined && expiry.getTime() <= now.getTime();
}
