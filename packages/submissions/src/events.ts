import { randomUUID } from 'node:crypto';
import type { OutboxEvent, OutboxEventType, RevisionAction, SubmissionStatus } from '@skema/core';

/** What an event says about a submission: ids, form, version, revision, status; never its data. */
export interface EventSubject {
  id: string;
  tenantId: string;
  formId: string;
  version: string;
  status: SubmissionStatus;
  revision: number;
}

/** Links relative to the API's origin; the dispatcher makes them absolute. */
export function submissionLinks(id: string, revision?: number): Record<string, string> {
  const base = `/api/v1/submissions/${encodeURIComponent(id)}`;
  return revision === undefined
    ? { submission: base }
    : { submission: base, document: `${base}/document.pdf?revision=${revision}` };
}

export function outboxEvent(
  type: OutboxEventType,
  subject: EventSubject,
  at: string,
  extra: Record<string, unknown> = {},
  dedupeKey?: string,
): OutboxEvent {
  const { id, tenantId, formId, version, status, revision } = subject;
  const links =
    type === 'submission.deleted'
      ? {}
      : { links: submissionLinks(id, type === 'submission.document-ready' ? revision : undefined) };
  return {
    id: randomUUID(),
    tenantId,
    type,
    submissionId: id,
    at,
    payload: { submissionId: id, formId, version, revision, status, ...extra, ...links },
    ...(dedupeKey !== undefined ? { dedupeKey } : {}),
  };
}

/**
 * The events a stored change reports, written by the store in the same write (issue #15): a new
 * submission, a status change (submitted, approved), a migration, and a new document whenever the
 * stored revision is not a draft and its content or status changed. A legal hold and an approval
 * still waiting for others report nothing.
 */
export function eventsOf(
  action: RevisionAction,
  before: Pick<EventSubject, 'status' | 'version'> | undefined,
  after: EventSubject,
  at: string,
): OutboxEvent[] {
  const types: OutboxEventType[] = [];
  const statusChanged = before !== undefined && before.status !== after.status;
  if (action === 'create') types.push('submission.created');
  if (action === 'migrate') types.push('submission.migrated');
  if (statusChanged) types.push('submission.status-changed');
  if (after.status === 'submitted' && (action === 'create' || statusChanged)) types.push('submission.submitted');
  if (after.status === 'approved' && statusChanged) types.push('submission.approved');
  const changed = action === 'create' || action === 'update' || action === 'migrate' || statusChanged;
  if (after.status !== 'draft' && changed) types.push('submission.document-ready');
  return types.map((type) =>
    outboxEvent(
      type,
      after,
      at,
      type === 'submission.status-changed'
        ? { previousStatus: before?.status }
        : type === 'submission.migrated'
          ? { previousVersion: before?.version }
          : {},
    ),
  );
}
