import { randomUUID } from 'node:crypto';
import type { AuditEntry, CreateResult, NewSubmission } from '@skema/core';
import { DuplicateSubmissionError, submissionFromInput } from '@skema/core';
import type { SubmissionRow } from './rows.js';
import { json, normaliseInstant, toSubmission } from './rows.js';
import { eventCtes, outboxTablesOf } from './outbox-sql.js';
import type { Db } from './sql.js';

const UNIQUE_VIOLATION = '23505';

/** Stores a new submission; with an idempotency key, a retry gets the submission the key first created. */
export async function createSubmission(
  { pool, t }: Db,
  input: NewSubmission,
  audit: Omit<AuditEntry, 'id'>,
  idempotency?: { key: string; requestHash: string },
): Promise<CreateResult> {
  const submission = submissionFromInput(input);
  const at = submission.createdAt;
  const auditAt = normaliseInstant(audit.at, 'audit.at');
  const auditId = randomUUID();
  // One statement, so one implicit transaction: key claim, submission, revision 1 and audit entry
  // are stored together or not at all. Without a key the claim CTE is replaced by a constant row.
  const claim = idempotency
    ? `INSERT INTO ${t.keys} (tenant_id, key, request_hash, submission_id) VALUES ($2, $13, $14, $1)
       ON CONFLICT DO NOTHING RETURNING submission_id`
    : `SELECT $1::text AS submission_id WHERE $13::text IS NULL AND $14::text IS NULL`;
  const sql = `
    WITH k AS (${claim}),
    s AS (
      INSERT INTO ${t.submissions} (id, tenant_id, form_id, version, status, data, revision, receipt, created_at, updated_at, status_changed_at, created_by, updated_by)
      SELECT $1, $2, $3, $4, $5, $6::jsonb, 1, $7::jsonb, $8, $8, $8, $9, $9 WHERE EXISTS (SELECT 1 FROM k)
      RETURNING *
    ),
    r AS (
      INSERT INTO ${t.revisions} (submission_id, revision, form_id, version, status, data, receipt, by, at, changes, action)
      SELECT id, revision, form_id, version, status, data, receipt, created_by, created_at, '[]'::jsonb, 'create' FROM s
    ),
    a AS (
      INSERT INTO ${t.audit} (id, tenant_id, at, actor, action, submission_id, details)
      SELECT $10, $2, $11, $12, $15, $1, $16::jsonb FROM s
    ),${eventCtes(outboxTablesOf(t), 17, 's')}
    SELECT count(*)::int AS created FROM s`;
  const params = [
    input.id,
    input.tenantId,
    input.formId,
    input.version,
    input.status,
    json(submission.data),
    json(input.receipt),
    at,
    input.by,
    auditId,
    auditAt,
    audit.actor,
    idempotency?.key ?? null,
    idempotency?.requestHash ?? null,
    audit.action,
    audit.details === undefined ? null : json(audit.details),
    input.events?.length ? json(input.events) : null,
  ];
  // A key whose submission was deleted in between disappears with it (cascade): try again then.
  for (let attempt = 0; attempt < 3; attempt++) {
    let created: boolean;
    try {
      // A concurrent statement claiming the same key makes this one wait until it commits or rolls back.
      created = (await pool.query<{ created: number }>(sql, params)).rows[0]?.created === 1;
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new DuplicateSubmissionError(input.id);
      throw error;
    }
    if (created) return { created: true, submission };
    const winner = await pool.query<SubmissionRow & { request_hash: string }>(
      `SELECT s.*, k.request_hash FROM ${t.keys} k JOIN ${t.submissions} s ON s.id = k.submission_id
       WHERE k.tenant_id = $1 AND k.key = $2`,
      [input.tenantId, idempotency?.key],
    );
    const row = winner.rows[0];
    if (row && idempotency) {
      return {
        created: false,
        submission: toSubmission(row),
        idempotency: {
          key: idempotency.key,
          tenantId: input.tenantId,
          requestHash: row.request_hash,
          submissionId: row.id,
        },
      };
    }
  }
  throw new Error('Idempotency key kept changing hands; try again');
}
