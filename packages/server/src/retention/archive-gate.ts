import type { OutboxStore, RetentionPolicy, Submission, SubmissionStore } from '@skema/core';

/** Revision actions that change neither content nor status: the document of the revision before stands. */
const NO_NEW_DOCUMENT = new Set<string>(['legal-hold', 'approval']);

/**
 * Issue #15, archive before deletion: does the submission have to stay because its final document
 * has not reached the tenant's archive? The final document is that of the last revision that
 * changed content or status; an archive subscription must have acknowledged (2xx) a
 * `submission.document-ready` of that revision or a later one. A policy with `withoutArchive`
 * (the tenant has no archive and says so) never holds.
 */
export async function archiveHolds(
  options: { store: SubmissionStore; outbox?: OutboxStore },
  submission: Submission,
  policy: RetentionPolicy,
): Promise<boolean> {
  if (policy.withoutArchive === true) return false;
  if (!options.outbox) return true;
  const revisions = await options.store.revisions(submission.tenantId, submission.id);
  const final = revisions
    .filter((r) => !NO_NEW_DOCUMENT.has(r.action))
    .reduce((max, r) => Math.max(max, r.revision), 1);
  const archived = await options.outbox.archivedRevision(submission.tenantId, submission.id);
  return archived === undefined || archived < final;
}
