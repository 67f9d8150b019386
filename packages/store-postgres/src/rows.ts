import type {
  Approval,
  AuditEntry,
  JsonPatchOperation,
  Submission,
  SubmissionRevision,
  SubmissionStatus,
  ValidationReceipt,
} from '@skema/core';

export interface SubmissionRow {
  id: string;
  tenant_id: string;
  form_id: string;
  version: string;
  status: SubmissionStatus;
  data: unknown;
  revision: number;
  receipt: ValidationReceipt;
  created_at: Date;
  updated_at: Date;
  status_changed_at: Date;
  created_by: string;
  updated_by: string;
  legal_hold: boolean;
  approvals: Approval[] | null;
  /** Absent before the assignees migration ran (never after `init`). */
  assignees?: string[] | null;
}

export interface RevisionRow {
  submission_id: string;
  revision: number;
  form_id: string;
  version: string;
  status: SubmissionStatus;
  data: unknown;
  receipt: ValidationReceipt;
  by: string;
  at: Date;
  changes: JsonPatchOperation[];
  action: SubmissionRevision['action'];
  approvals: Approval[] | null;
}

export interface AuditRow {
  seq: string;
  id: string;
  tenant_id: string;
  at: Date;
  actor: string;
  action: AuditEntry['action'];
  submission_id: string | null;
  details: Record<string, unknown> | null;
}

/** legalHold appears only while true, approvals only while there are any, as in the embedded store. */
export function toSubmission(r: SubmissionRow): Submission {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    formId: r.form_id,
    version: r.version,
    status: r.status,
    data: r.data,
    revision: r.revision,
    receipt: r.receipt,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    statusChangedAt: r.status_changed_at.toISOString(),
    createdBy: r.created_by,
    updatedBy: r.updated_by,
    ...(r.legal_hold ? { legalHold: true } : {}),
    ...(r.approvals?.length ? { approvals: r.approvals } : {}),
    ...(r.assignees?.length ? { assignees: r.assignees } : {}),
  };
}

export function toRevision(r: RevisionRow): SubmissionRevision {
  return {
    submissionId: r.submission_id,
    revision: r.revision,
    formId: r.form_id,
    version: r.version,
    status: r.status,
    data: r.data,
    receipt: r.receipt,
    by: r.by,
    at: r.at.toISOString(),
    changes: r.changes,
    action: r.action,
    ...(r.approvals?.length ? { approvals: r.approvals } : {}),
  };
}

export function toAudit(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    at: r.at.toISOString(),
    actor: r.actor,
    action: r.action,
    ...(r.submission_id !== null ? { submissionId: r.submission_id } : {}),
    ...(r.details !== null ? { details: r.details } : {}),
  };
}

/** Timestamps are kept as instants; every store returns them as ISO-8601 UTC with milliseconds. */
export { normaliseInstant } from '@skema/core';

/** jsonb parameters are sent as JSON text: node-postgres would turn a JS array into a PostgreSQL array. */
export function json(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value);
}

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new RangeError('Invalid cursor');
  }
}

export function pageSize(limit: number | undefined, fallback = 50, max = 100): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.min(max, Math.max(1, Math.floor(limit)));
}
