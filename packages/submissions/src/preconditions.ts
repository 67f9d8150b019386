import { RevisionConflictError, type Submission, type SubmissionStore } from '@skema/core';
import { PreconditionFailedError, PreconditionRequiredError, SubmissionNotFoundError } from './errors.js';

/**
 * The revision a change expects: a number (it must be the current one), `'any'` (whichever is
 * current), or `undefined` (none given: refused, since a change without one races any other).
 */
export type ExpectedRevision = number | 'any' | undefined;

/** Concurrent writers with `'any'` each win within this many rounds in practice; a bound keeps a pathological case finite. */
const MAX_ANY_ATTEMPTS = 50;

/** Another tenant's submission reads as absent. */
export async function loadOwned(store: SubmissionStore, tenantId: string, id: string): Promise<Submission> {
  const submission = await store.get(tenantId, id);
  if (!submission) throw new SubmissionNotFoundError();
  return submission;
}

/** The revision to write against; `PreconditionRequiredError` without an expectation, `PreconditionFailedError` when stale. */
export function revisionToWrite(expected: ExpectedRevision, submission: Submission): number {
  if (expected === undefined) throw new PreconditionRequiredError();
  if (expected === 'any') return submission.revision;
  if (expected !== submission.revision) throw new PreconditionFailedError(submission.revision);
  return expected;
}

/**
 * Loads the submission and runs a write on its current revision. With `'any'`, when another change
 * lands between the read and the write, the submission is read again and the write retried (it
 * runs again on the new revision: checks, guards and validation included) instead of failing.
 */
export async function writeCurrent<T>(
  store: SubmissionStore,
  tenantId: string,
  id: string,
  expected: ExpectedRevision,
  write: (current: Submission, revision: number) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const current = await loadOwned(store, tenantId, id);
    const revision = revisionToWrite(expected, current);
    try {
      return await write(current, revision);
    } catch (e) {
      if (!(e instanceof RevisionConflictError) || expected !== 'any' || attempt >= MAX_ANY_ATTEMPTS) throw e;
    }
  }
}
