import jsonPatch from 'fast-json-patch';
import type {
  AuditEntry,
  JsonPatchOperation,
  RevisionAction,
  Submission,
  SubmissionChange,
  ValidationReceipt,
} from '@skema/core';
import type { SubmissionActor } from './actor.js';

/** The document revisions' JSON Patches are computed on. */
export interface PatchDocument {
  status: string;
  version: string;
  data: unknown;
}

export const patchDocument = (s: PatchDocument): PatchDocument => ({
  status: s.status,
  version: s.version,
  data: s.data,
});

/** RFC 6902 operations from one state to the next, as revisions record them. */
export function diff(from: PatchDocument, to: PatchDocument): JsonPatchOperation[] {
  // fast-json-patch's operations are structurally JSON Patch operations: no cast needed.
  const operations: JsonPatchOperation[] = jsonPatch.compare(patchDocument(from), patchDocument(to));
  return operations;
}

/** The audit entry of a write by the actor, at `at`, on the submission. */
export function auditEntry(
  actor: SubmissionActor,
  at: string,
  action: RevisionAction,
  submissionId: string,
  details: Record<string, unknown>,
): Omit<AuditEntry, 'id'> {
  return { tenantId: actor.tenantId, at, actor: actor.id, action, submissionId, details };
}

/**
 * A content change (new data, perhaps under another version) on revision `revision`: with the
 * diff, and with no approvals, since a change of content voids those recorded before it.
 */
export function contentChange(
  current: Submission,
  revision: number,
  content: { action: 'update' | 'migrate'; version: string; data: unknown; receipt: ValidationReceipt },
  actor: SubmissionActor,
  at: string,
): SubmissionChange {
  const { action, version, data, receipt } = content;
  const changes = diff(current, { status: current.status, version, data });
  return { expectedRevision: revision, data, version, receipt, action, changes, approvals: [], by: actor.id, at };
}
