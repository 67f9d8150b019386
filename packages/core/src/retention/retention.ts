import type { Submission, SubmissionStatus } from '../store.js';

/**
 * Retention (spec Q17, DP-03): days a submission is kept after it is closed, per form, with a
 * tenant-wide default. A form without a period and no default is kept (never deleted by the job).
 */
export interface RetentionPolicy {
  defaultDays?: number;
  forms?: Record<string, number>;
  /** Statuses that close a submission; the period runs from entering one of them. */
  closedStatuses?: SubmissionStatus[];
  /**
   * The tenant has no archive subscription and says so: retention deletes without waiting for the
   * final document to reach an archive. Without it, a submission is deleted only after an archive
   * acknowledged its final document (issue #15).
   */
  withoutArchive?: boolean;
}

const CLOSED: SubmissionStatus[] = ['approved', 'rejected', 'withdrawn'];

/**
 * The instant the retention period starts: when the submission entered its current status. A
 * later hold, release or migration moves `updatedAt`, not this. Records from before
 * `statusChangedAt` existed fall back to their last update.
 */
export function retentionStart(submission: Submission): string {
  return submission.statusChangedAt ?? submission.updatedAt;
}

/** The instant a submission may be deleted, or undefined when it is kept (open, on hold, no period). */
export function retentionExpiry(submission: Submission, policy: RetentionPolicy): Date | undefined {
  if (submission.legalHold) return undefined;
  if (!(policy.closedStatuses ?? CLOSED).includes(submission.status)) return undefined;
  const days = policy.forms?.[submission.formId] ?? policy.defaultDays;
  if (days === undefined) return undefined;
  return new Date(Date.parse(retentionStart(submission)) + days * 86_400_000);
}

export function isExpired(submission: Submission, policy: RetentionPolicy, now: Date): boolean {
  const expiry = retentionExpiry(submission, policy);
  return expiry !== undefined && expiry.getTime() <= now.getTime();
}
