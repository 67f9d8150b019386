import { randomUUID } from 'node:crypto';
import type { AuditEntry, OutboxEvent, Submission, SubmissionChange } from '@skema/core';
import { assertChangeShape, NotFoundError, RevisionConflictError } from '@skema/core';
import type { SubmissionRow } from './rows.js';
import { json, normaliseInstant, toSubmission } from './rows.js';
import { eventCtes, outboxTablesOf } from './outbox-sql.js';
import type { Db } from './sql.js';

/** Applies a change when the stored revision is the one the caller saw; otherwise says why not. */
export async function updateSubmission(
  { pool, t }: Db,
  tenantId: string,
  id: string,
  change: SubmissionChange,
  audit: Omit<AuditEntry, 'id'>,
): Promise<Submission> {
  assertChangeShape(change);
  const at = normaliseInstant(change.at, 'change.at');
  const auditAt = normaliseInstant(audit.at, 'audit.at');
  // One statement: the conditional update, its revision row and its audit entry commit together.
  // Of two racing writers with the same expected revision, the second re-checks the condition
  // after the first commits and matches nothing.
  const updated = await pool.query<SubmissionRow>(
    `WITH u AS (
       UPDATE ${t.submissions} SET
         data = CASE WHEN $4 THEN $5::jsonb ELSE data END,
         status = COALESCE($6, status),
         -- SET sees the old row: the time moves only when the status really changes.
         status_changed_at = CASE WHEN $6::text IS NOT NULL AND $6::text <> status THEN $10 ELSE status_changed_at END,
         version = COALESCE($7, version),
         receipt = $8::jsonb,
         legal_hold = COALESCE($9, legal_hold),
         -- Given approvals replace the stored ones ([] clears them, kept as NULL); none given keeps them.
         approvals = CASE WHEN $19 THEN NULLIF($20::jsonb, '[]'::jsonb) ELSE approvals END,
         assignees = CASE WHEN $22 THEN NULLIF($23::jsonb, '[]'::jsonb) ELSE assignees END,
         revision = revision + 1,
         updated_at = $10,
         updated_by = $11
       WHERE id = $1 AND tenant_id = $2 AND revision = $3
       RETURNING *
     ),
     r AS (
       INSERT INTO ${t.revisions} (submission_id, revision, form_id, version, status, data, receipt, by, at, changes, action, approvals)
       SELECT id, revision, form_id, version, status, data, receipt, updated_by, updated_at, $12::jsonb, $13, approvals FROM u
     ),
     a AS (
       INSERT INTO ${t.audit} (id, tenant_id, at, actor, action, submission_id, details)
       SELECT $14, $2, $15, $16, $17, $1, $18::jsonb FROM u
     ),${eventCtes(outboxTablesOf(t), 21, 'u')}
     SELECT * FROM u`,
    [
      id,
      tenantId,
      change.expectedRevision,
      change.data !== undefined,
      json(change.data),
      change.status ?? null,
      change.version ?? null,
      json(change.receipt),
      change.legalHold ?? null,
      at,
      change.by,
      json(change.changes),
      change.action,
      randomUUID(),
      auditAt,
      audit.actor,
      audit.action,
      audit.details === undefined ? null : json(audit.details),
      change.approvals !== undefined,
      json(change.approvals ?? []),
      change.events?.length ? json(change.events) : null,
      change.assignees !== undefined,
      json(change.assignees ?? []),
    ],
  );
  const row = updated.rows[0];
  if (row) return toSubmission(row);
  const current = await pool.query<{ revision: number }>(
    `SELECT revision FROM ${t.submissions} WHERE id = $1 AND tenant_id = $2`,
    [id, tenantId],
  );
  const stored = current.rows[0];
  if (!stored) throw new NotFoundError(`Submission ${id} not found`);
  throw new RevisionConflictError(change.expectedRevision, stored.revision);
}

/** Deletes a submission not under legal hold; false when there is none to delete. */
export async function deleteSubmission(
  { pool, t }: Db,
  tenantId: string,
  id: string,
  audit: Omit<AuditEntry, 'id'>,
  events?: OutboxEvent[],
): Promise<boolean> {
  const auditAt = normaliseInstant(audit.at, 'audit.at');
  // One statement: the row lock taken by DELETE makes a concurrent legal-hold update either land
  // first (and the re-checked condition refuses) or wait. Revisions and the idempotency key cascade.
  const result = await pool.query<{ deleted: number }>(
    `WITH d AS (
       DELETE FROM ${t.submissions} WHERE id = $1 AND tenant_id = $2 AND NOT legal_hold RETURNING id
     ),
     a AS (
       INSERT INTO ${t.audit} (id, tenant_id, at, actor, action, submission_id, details)
       SELECT $3, $2, $4, $5, $6, $1, $7::jsonb FROM d
     ),${eventCtes(outboxTablesOf(t), 8, 'd')}
     SELECT count(*)::int AS deleted FROM d`,
    [
      id,
      tenantId,
      randomUUID(),
      auditAt,
      audit.actor,
      audit.action,
      audit.details === undefined ? null : json(audit.details),
      events?.length ? json(events) : null,
    ],
  );
  return result.rows[0]?.deleted === 1;
}
