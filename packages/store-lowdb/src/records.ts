import { randomUUID } from 'node:crypto';
import type {
  AuditEntry,
  JsonPatchOperation,
  NewSubmission,
  Submission,
  SubmissionChange,
  SubmissionRevision,
} from '@skema/core';
import type { SubmissionDoc } from './doc.js';
import { normaliseInstant } from './doc.js';
import {
  approvalsAfter,
  assigneesAfter,
  assertChangeShape,
  statusChangedAtAfter,
  statusEnteredAt,
  submissionFromInput,
} from '@skema/core';

/** The audit entry as stored: an id, the operation's tenant and submission, a normalised time. */
export function auditFor(audit: Omit<AuditEntry, 'id'>, tenantId: string, submissionId?: string): AuditEntry {
  const entry: AuditEntry = {
    id: randomUUID(),
    tenantId,
    at: normaliseInstant(audit.at, 'audit.at'),
    actor: audit.actor,
    action: audit.action,
  };
  const sid = submissionId ?? audit.submissionId;
  if (sid !== undefined) entry.submissionId = sid;
  if (audit.details !== undefined) entry.details = audit.details;
  return entry;
}

export function newSubmission(input: NewSubmission): { submission: Submission; revision: SubmissionRevision } {
  const submission = submissionFromInput(input);
  return { submission, revision: revisionOf(submission, 'create', [], input.by, submission.createdAt) };
}

/**
 * Applies a change: fields left undefined keep their value; legalHold is kept only while true,
 * approvals only while there are any; statusChangedAt moves only with a new status.
 */
export function changedSubmission(
  prev: Submission,
  change: SubmissionChange,
): { submission: Submission; revision: SubmissionRevision } {
  assertChangeShape(change);
  const at = normaliseInstant(change.at, 'change.at');
  const { legalHold: _previousHold, approvals: _previousApprovals, assignees: _previousAssignees, ...rest } = prev;
  const hold = change.legalHold ?? prev.legalHold ?? false;
  const approvals = approvalsAfter(prev, change);
  const assignees = assigneesAfter(prev, change);
  const submission: Submission = {
    ...rest,
    data: change.data !== undefined ? change.data : prev.data,
    status: change.status ?? prev.status,
    version: change.version ?? prev.version,
    receipt: change.receipt,
    revision: prev.revision + 1,
    updatedAt: at,
    statusChangedAt: statusChangedAtAfter(prev, change, at),
    updatedBy: change.by,
    ...(hold ? { legalHold: true } : {}),
    ...(approvals ? { approvals } : {}),
    ...(assignees ? { assignees } : {}),
  };
  return { submission, revision: revisionOf(submission, change.action, change.changes, change.by, at) };
}

/**
 * Documents written before `statusChangedAt` existed get it from their revisions (when the current
 * status was entered), so a hold set after closure does not count as the closing time.
 */
export function withStatusChangedAt(doc: SubmissionDoc): SubmissionDoc {
  if (doc.submission.statusChangedAt !== undefined) return doc;
  const entered = statusEnteredAt(doc.revisions) ?? doc.submission.updatedAt;
  return { ...doc, submission: { ...doc.submission, statusChangedAt: normaliseInstant(entered, 'statusChangedAt') } };
}

function revisionOf(
  s: Submission,
  action: SubmissionRevision['action'],
  changes: JsonPatchOperation[],
  by: string,
  at: string,
): SubmissionRevision {
  const revision: SubmissionRevision = {
    submissionId: s.id,
    revision: s.revision,
    formId: s.formId,
    version: s.version,
    status: s.status,
    data: s.data,
    receipt: s.receipt,
    by,
    at,
    changes,
    action,
  };
  // Documents written before approvals were data have none.
  if (s.approvals) revision.approvals = s.approvals;
  return revision;
}

export function encodeSeqCursor(seq: number): string {
  return Buffer.from(JSON.stringify({ s: seq }), 'utf8').toString('base64url');
}

export function decodeSeqCursor(cursor: string): number {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s?: unknown };
    if (Number.isInteger(value.s) && (value.s as number) >= 0) return value.s as number;
  } catch {
    /* fall through */
  }
  throw new RangeError('Invalid cursor');
}
