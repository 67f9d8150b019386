import type { Approval, NewSubmission, Submission, SubmissionChange, SubmissionRevision } from './store.js';

/** An ISO date-time in its one canonical form (UTC, milliseconds); every store writes instants this way. */
export function normaliseInstant(value: string, field: string): string {
  const ms = Date.parse(value);
  if (typeof value !== 'string' || Number.isNaN(ms)) throw new RangeError(`${field} is not a valid ISO date-time`);
  return new Date(ms).toISOString();
}

/** The stored shape of a new submission (revision 1), the same in every store. */
export function submissionFromInput(input: NewSubmission): Submission {
  const at = normaliseInstant(input.at, 'at');
  return {
    id: input.id,
    tenantId: input.tenantId,
    formId: input.formId,
    version: input.version,
    status: input.status,
    data: input.data ?? null,
    revision: 1,
    receipt: input.receipt,
    createdAt: at,
    updatedAt: at,
    statusChangedAt: at,
    createdBy: input.by,
    updatedBy: input.by,
  };
}

/**
 * Refuses a change whose action does not match what it touches: a legal hold is set or released
 * only by action `legal-hold`, and that action changes nothing else. Keeps the revision history
 * honest about which revisions are content changes (pending approvals, retention depend on it).
 */
export function assertChangeShape(change: SubmissionChange): void {
  const hold = change.legalHold !== undefined;
  if (change.action === 'legal-hold') {
    if (!hold) throw new TypeError('A legal-hold change needs legalHold');
    if (change.data !== undefined || change.status !== undefined || change.version !== undefined) {
      throw new TypeError('A legal-hold change must not change data, status or version');
    }
  } else if (hold) {
    throw new TypeError(`legalHold is changed only with action legal-hold, not ${change.action}`);
  }
  if (change.assignees !== undefined && change.action !== 'assign')
    throw new TypeError(`assignees are changed only with action assign, not ${change.action}`);
  if (
    change.action === 'assign' &&
    (change.data !== undefined || change.status !== undefined || change.version !== undefined)
  ) {
    throw new TypeError('An assign change must not change data, status or version');
  }
}

/** The assignees after a change: the change's list when it gives one, else the stored one; `undefined` when none. */
export function assigneesAfter(prev: Submission, change: SubmissionChange): string[] | undefined {
  const next = change.assignees ?? prev.assignees;
  return next?.length ? next : undefined;
}

/** `statusChangedAt` after a change at `at` (normalised): moved only when the status really changes. */
export function statusChangedAtAfter(prev: Submission, change: SubmissionChange, at: string): string {
  if (change.status !== undefined && change.status !== prev.status) return at;
  return prev.statusChangedAt ?? prev.updatedAt;
}

/** The approvals after a change: the change's list when it gives one, else the stored one; `undefined` when none (stores keep the field only while non-empty). */
export function approvalsAfter(prev: Submission, change: SubmissionChange): Approval[] | undefined {
  const next = change.approvals ?? prev.approvals;
  return next?.length ? next : undefined;
}

/**
 * When the last revision entered its status: the time of the first revision of the final run of
 * revisions with that status. Derives `statusChangedAt` for records stored before it existed.
 */
export function statusEnteredAt(revisions: readonly SubmissionRevision[]): string | undefined {
  const last = revisions.at(-1);
  if (!last) return undefined;
  let entered = last.at;
  for (let i = revisions.length - 1; i >= 0 && revisions[i]!.status === last.status; i--) entered = revisions[i]!.at;
  return entered;
}
