import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Submission, SubmissionRevision } from '@skema/core';

/** Which audit line (by sequence number) made each revision: lets recovery tell committed writes from aborted ones. */
export interface JournalEntry {
  revision: number;
  seq: number;
  auditId: string;
}

/** One file per submission: the current state, every revision and the idempotency key that created it. */
export interface SubmissionDoc {
  format: 1;
  submission: Submission;
  revisions: SubmissionRevision[];
  journal: JournalEntry[];
  idempotency?: { key: string; requestHash: string };
}

export const SUBMISSIONS_DIR = 'submissions';
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

/** Ids become file names, so only safe characters are allowed (UUIDs, ULIDs, slugs). */
export function assertSafeId(id: string): void {
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    throw new TypeError(
      'Submission id must be 1-128 characters of A-Z, a-z, 0-9, "_", "-", "." and start with a letter or digit',
    );
  }
}

/** Spreads files over 256 folders so no folder grows huge; the hash keeps the spread even for sequential ids. */
export function shardOf(id: string): string {
  return createHash('sha256').update(id).digest('hex').slice(0, 2);
}

export function docPath(dataDir: string, id: string): string {
  return path.join(dataDir, SUBMISSIONS_DIR, shardOf(id), `${id}.json`);
}

/** Stores compare and sort instants, so every timestamp is kept as ISO-8601 UTC with milliseconds. */
export { normaliseInstant } from '@skema/core';

const STATUSES = new Set(['draft', 'submitted', 'approved', 'rejected', 'withdrawn']);

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** Returns why a parsed document is not a valid submission document, or undefined when it is. */
export function shapeProblem(value: unknown, expectedId: string): string | undefined {
  if (!value || typeof value !== 'object') return 'not an object';
  const doc = value as Partial<SubmissionDoc>;
  if (doc.format !== 1) return 'unknown format';
  const s = doc.submission as Partial<Submission> | undefined;
  if (!s || typeof s !== 'object') return 'missing submission';
  if (s.id !== expectedId) return 'submission id does not match the file name';
  for (const key of ['tenantId', 'formId', 'version', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy'] as const) {
    if (!isString(s[key])) return `submission.${key} missing`;
  }
  if (!STATUSES.has(s.status as string)) return 'submission.status invalid';
  if (!Number.isInteger(s.revision) || (s.revision as number) < 1) return 'submission.revision invalid';
  if (Number.isNaN(Date.parse(s.updatedAt as string))) return 'submission.updatedAt invalid';
  // Absent in documents written before the field existed; readers derive it from the revisions.
  if (
    s.statusChangedAt !== undefined &&
    (!isString(s.statusChangedAt) || Number.isNaN(Date.parse(s.statusChangedAt)))
  ) {
    return 'submission.statusChangedAt invalid';
  }
  if (!s.receipt || typeof s.receipt !== 'object') return 'submission.receipt missing';
  if (s.approvals !== undefined && !Array.isArray(s.approvals)) return 'submission.approvals invalid';
  if (s.assignees !== undefined && !(Array.isArray(s.assignees) && s.assignees.every(isString)))
    return 'submission.assignees invalid';
  if (!Array.isArray(doc.revisions) || doc.revisions.length !== s.revision)
    return 'revisions do not match the revision number';
  if (!doc.revisions.every((r, i) => r && r.revision === i + 1 && r.submissionId === expectedId))
    return 'revision list broken';
  if (!Array.isArray(doc.journal)) return 'journal missing';
  if (doc.idempotency !== undefined && (!isString(doc.idempotency.key) || !isString(doc.idempotency.requestHash))) {
    return 'idempotency record invalid';
  }
  return undefined;
}
