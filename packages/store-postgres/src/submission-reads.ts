import type { Submission, SubmissionFilter, SubmissionPage, SubmissionRevision } from '@skema/core';
import type { RevisionRow, SubmissionRow } from './rows.js';
import { decodeCursor, encodeCursor, normaliseInstant, pageSize, toRevision, toSubmission } from './rows.js';
import type { Db } from './sql.js';
import { searchCondition } from './submission-search-sql.js';

export async function getSubmission({ pool, t }: Db, tenantId: string, id: string): Promise<Submission | undefined> {
  const result = await pool.query<SubmissionRow>(`SELECT * FROM ${t.submissions} WHERE id = $1 AND tenant_id = $2`, [
    id,
    tenantId,
  ]);
  const row = result.rows[0];
  return row ? toSubmission(row) : undefined;
}

/** A tenant's submissions, newest change first; the cursor is the (updated_at, id) of the last row shown. */
export async function listSubmissions(
  { pool, t }: Db,
  tenantId: string,
  filter: SubmissionFilter,
): Promise<SubmissionPage> {
  const limit = pageSize(filter.limit);
  const params: unknown[] = [tenantId];
  const where = ['tenant_id = $1'];
  const add = (sql: (n: string) => string, value: unknown): void => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (filter.formId !== undefined) add((n) => `form_id = ${n}`, filter.formId);
  if (filter.version !== undefined) add((n) => `version = ${n}`, filter.version);
  if (filter.status !== undefined) add((n) => `status = ${n}`, filter.status);
  if (filter.updatedSince !== undefined)
    add((n) => `updated_at >= ${n}`, normaliseInstant(filter.updatedSince, 'updatedSince'));
  if (filter.search) {
    where.push(
      searchCondition(filter.search, (value) => {
        params.push(value);
        return `$${params.length}`;
      }),
    );
  }
  if (filter.cursor) {
    const value = decodeCursor(filter.cursor);
    if (
      !Array.isArray(value) ||
      typeof value[0] !== 'string' ||
      typeof value[1] !== 'string' ||
      Number.isNaN(Date.parse(value[0]))
    ) {
      throw new RangeError('Invalid cursor');
    }
    params.push(value[0], value[1]);
    where.push(`(updated_at, id) < ($${params.length - 1}::timestamptz, $${params.length})`);
  }
  params.push(limit + 1);
  const result = await pool.query<SubmissionRow>(
    `SELECT * FROM ${t.submissions} WHERE ${where.join(' AND ')} ORDER BY updated_at DESC, id DESC LIMIT $${params.length}`,
    params,
  );
  const items = result.rows.slice(0, limit).map(toSubmission);
  const last = items.at(-1);
  return result.rows.length > limit && last
    ? { items, nextCursor: encodeCursor([last.updatedAt, last.id]) }
    : { items };
}

/** Joined with the submission row, so another tenant's id has no revisions. */
export async function submissionRevisions(
  { pool, t }: Db,
  tenantId: string,
  id: string,
): Promise<SubmissionRevision[]> {
  const result = await pool.query<RevisionRow>(
    `SELECT r.* FROM ${t.revisions} r JOIN ${t.submissions} s ON s.id = r.submission_id
     WHERE s.id = $1 AND s.tenant_id = $2 ORDER BY r.revision`,
    [id, tenantId],
  );
  return result.rows.map(toRevision);
}
