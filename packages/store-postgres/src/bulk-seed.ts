import type pg from 'pg';
import type { NewSubmission } from '@skema/core';
import { json, normaliseInstant } from './rows.js';
import type { Db } from './sql.js';

/** Bulk-loads benchmark data with multi-row inserts (no audit rows). Never use for real records. */
export async function bulkSeed(
  { pool, t }: Db,
  count: number,
  make: (i: number) => NewSubmission,
  batchSize: number,
): Promise<void> {
  for (let from = 0; from < count; from += batchSize) {
    const rows = Array.from({ length: Math.min(batchSize, count - from) }, (_, k) => make(from + k));
    const col = <T>(pick: (s: NewSubmission) => T): T[] => rows.map(pick);
    await inTransaction(pool, async (c) => {
      await c.query(
        `INSERT INTO ${t.submissions} (id, tenant_id, form_id, version, status, data, revision, receipt, created_at, updated_at, status_changed_at, created_by, updated_by)
         SELECT id, tenant, form, ver, st, d::jsonb, 1, r::jsonb, at, at, at, by, by
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::text[])
           AS u(id, tenant, form, ver, st, d, r, at, by)`,
        [
          col((s) => s.id),
          col((s) => s.tenantId),
          col((s) => s.formId),
          col((s) => s.version),
          col((s) => s.status),
          col((s) => json(s.data)),
          col((s) => json(s.receipt)),
          col((s) => normaliseInstant(s.at, 'at')),
          col((s) => s.by),
        ],
      );
      await c.query(
        `INSERT INTO ${t.revisions} (submission_id, revision, form_id, version, status, data, receipt, by, at, changes, action)
         SELECT id, 1, form_id, version, status, data, receipt, created_by, created_at, '[]'::jsonb, 'create'
         FROM ${t.submissions} WHERE id = ANY($1::text[])`,
        [col((s) => s.id)],
      );
    });
  }
  await pool.query(`ANALYZE ${t.submissions}`);
}

async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}
