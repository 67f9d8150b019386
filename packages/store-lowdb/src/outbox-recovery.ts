import type { CommitCheck } from './outbox.js';
import type { SubmissionReads } from './submission-reads.js';

/**
 * Settles an outbox line a crash left open by looking at the submission file, which recovery has
 * already settled: a committed write is in the file's journal; a committed delete left no file.
 */
export function outboxCommitCheck(reads: SubmissionReads): CommitCheck {
  return async ({ auditId, kind, submissionId }) => {
    const doc = await reads.readDoc(submissionId);
    if (kind === 'delete') return doc === undefined;
    return doc?.journal.some((j) => j.auditId === auditId) ?? false;
  };
}
