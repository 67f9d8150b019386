import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type {
  AuditEntry,
  AuditFilter,
  CreateResult,
  FormConfigStore,
  FormStatus,
  NewSubmission,
  StoreHealth,
  Submission,
  SubmissionChange,
  SubmissionFilter,
  SubmissionPage,
  SubmissionRevision,
  SubmissionStore,
  TenantFormRecord,
} from '@skema/core';
import { NotFoundError, RevisionConflictError, submissionFromInput } from '@skema/core';
import { DuplicateSubmissionError } from './errors.js';
import { PostgresFormConfigs } from './form-configs.js';
import { migrate } from './migrations.js';
import type { AuditRow, RevisionRow, SubmissionRow } from './rows.js';
import { decodeCursor, encodeCursor, json, normaliseInstant, pageSize, toAudit, toRevision, toSubmission } from './rows.js';
import type { Tables } from './sql.js';
import { assertSchemaName, tables } from './sql.js';

export interface PostgresStoreOptions {
  /** Used when no pool is given. */
  connectionString?: string;
  /** PostgreSQL schema holding the tables (default `skema`). */
  schema?: string;
  /** An existing pool; the store then leaves closing it to the owner. */
  pool?: pg.Pool;
  /** Size of the pool the store creates (default 10). */
  poolSize?: number;
}

const UNIQUE_VIOLATION = '23505';

export class PostgresSubmissionStore implements SubmissionStore, FormConfigStore {
  readonly name = 'postgres';
  readonly schema: string;
  readonly pool: pg.Pool;
  private readonly ownsPool: boolean;
  private readonly t: Tables;
  private readonly formConfigs: PostgresFormConfigs;
  private lastPoolError: unknown;

  constructor(options: PostgresStoreOptions) {
    this.schema = options.schema ?? 'skema';
    assertSchemaName(this.schema);
    this.t = tables(this.schema);
    this.ownsPool = !options.pool;
    this.pool = options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
    // An idle client losing its connection must not crash the process; health() reports it.
    if (this.ownsPool) this.pool.on('error', (error) => (this.lastPoolError = error));
    this.formConfigs = new PostgresFormConfigs(this.pool, this.t);
  }

  async init(): Promise<void> {
    await migrate(this.pool, this.schema);
  }

  async close(): Promise<void> {
    if (this.ownsPool && !this.pool.ended) await this.pool.end();
  }

  private async tx<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
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

  async create(
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
      ? `INSERT INTO ${this.t.keys} (tenant_id, key, request_hash, submission_id) VALUES ($2, $13, $14, $1)
         ON CONFLICT DO NOTHING RETURNING submission_id`
      : `SELECT $1::text AS submission_id WHERE $13::text IS NULL AND $14::text IS NULL`;
    const sql = `
      WITH k AS (${claim}),
      s AS (
        INSERT INTO ${this.t.submissions} (id, tenant_id, form_id, version, status, data, revision, receipt, created_at, updated_at, created_by, updated_by)
        SELECT $1, $2, $3, $4, $5, $6::jsonb, 1, $7::jsonb, $8, $8, $9, $9 WHERE EXISTS (SELECT 1 FROM k)
        RETURNING *
      ),
      r AS (
        INSERT INTO ${this.t.revisions} (submission_id, revision, form_id, version, status, data, receipt, by, at, changes, action)
        SELECT id, revision, form_id, version, status, data, receipt, created_by, created_at, '[]'::jsonb, 'create' FROM s
      ),
      a AS (
        INSERT INTO ${this.t.audit} (id, tenant_id, at, actor, action, submission_id, details)
        SELECT $10, $2, $11, $12, $15, $1, $16::jsonb FROM s
      )
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
    ];
    // A key whose submission was deleted in between disappears with it (cascade): try again then.
    for (let attempt = 0; attempt < 3; attempt++) {
      let created: boolean;
      try {
        // A concurrent statement claiming the same key makes this one wait until it commits or rolls back.
        created = (await this.pool.query<{ created: number }>(sql, params)).rows[0]?.created === 1;
      } catch (error) {
        if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new DuplicateSubmissionError(input.id);
        throw error;
      }
      if (created) return { created: true, submission };
      const winner = await this.pool.query<SubmissionRow & { request_hash: string }>(
        `SELECT s.*, k.request_hash FROM ${this.t.keys} k JOIN ${this.t.submissions} s ON s.id = k.submission_id
         WHERE k.tenant_id = $1 AND k.key = $2`,
        [input.tenantId, idempotency?.key],
      );
      const row = winner.rows[0];
      if (row && idempotency) {
        return {
          created: false,
          submission: toSubmission(row),
          idempotency: { key: idempotency.key, tenantId: input.tenantId, requestHash: row.request_hash, submissionId: row.id },
        };
      }
    }
    throw new Error('Idempotency key kept changing hands; try again');
  }

  private async insertAudit(c: pg.PoolClient | pg.Pool, audit: Omit<AuditEntry, 'id'>, tenantId: string, submissionId: string | undefined, at: string): Promise<AuditEntry> {
    const result = await c.query<AuditRow>(
      `INSERT INTO ${this.t.audit} (id, tenant_id, at, actor, action, submission_id, details) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) RETURNING *`,
      [randomUUID(), tenantId, at, audit.actor, audit.action, submissionId ?? null, audit.details === undefined ? null : json(audit.details)],
    );
    return toAudit(result.rows[0] as AuditRow);
  }

  async get(tenantId: string, id: string): Promise<Submission | undefined> {
    const result = await this.pool.query<SubmissionRow>(`SELECT * FROM ${this.t.submissions} WHERE id = $1 AND tenant_id = $2`, [id, tenantId]);
    const row = result.rows[0];
    return row ? toSubmission(row) : undefined;
  }

  async update(tenantId: string, id: string, change: SubmissionChange, audit: Omit<AuditEntry, 'id'>): Promise<Submission> {
    const at = normaliseInstant(change.at, 'change.at');
    const auditAt = normaliseInstant(audit.at, 'audit.at');
    // One statement: the conditional update, its revision row and its audit entry commit together.
    // Of two racing writers with the same expected revision, the second re-checks the condition
    // after the first commits and matches nothing.
    const updated = await this.pool.query<SubmissionRow>(
      `WITH u AS (
         UPDATE ${this.t.submissions} SET
           data = CASE WHEN $4 THEN $5::jsonb ELSE data END,
           status = COALESCE($6, status),
           version = COALESCE($7, version),
           receipt = $8::jsonb,
           legal_hold = COALESCE($9, legal_hold),
           revision = revision + 1,
           updated_at = $10,
           updated_by = $11
         WHERE id = $1 AND tenant_id = $2 AND revision = $3
         RETURNING *
       ),
       r AS (
         INSERT INTO ${this.t.revisions} (submission_id, revision, form_id, version, status, data, receipt, by, at, changes, action)
         SELECT id, revision, form_id, version, status, data, receipt, updated_by, updated_at, $12::jsonb, $13 FROM u
       ),
       a AS (
         INSERT INTO ${this.t.audit} (id, tenant_id, at, actor, action, submission_id, details)
         SELECT $14, $2, $15, $16, $17, $1, $18::jsonb FROM u
       )
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
      ],
    );
    const row = updated.rows[0];
    if (row) return toSubmission(row);
    const current = await this.pool.query<{ revision: number }>(`SELECT revision FROM ${this.t.submissions} WHERE id = $1 AND tenant_id = $2`, [id, tenantId]);
    const stored = current.rows[0];
    if (!stored) throw new NotFoundError(`Submission ${id} not found`);
    throw new RevisionConflictError(change.expectedRevision, stored.revision);
  }

  async list(tenantId: string, filter: SubmissionFilter): Promise<SubmissionPage> {
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
    if (filter.updatedSince !== undefined) add((n) => `updated_at >= ${n}`, normaliseInstant(filter.updatedSince, 'updatedSince'));
    if (filter.cursor) {
      const value = decodeCursor(filter.cursor);
      if (!Array.isArray(value) || typeof value[0] !== 'string' || typeof value[1] !== 'string' || Number.isNaN(Date.parse(value[0]))) {
        throw new RangeError('Invalid cursor');
      }
      params.push(value[0], value[1]);
      where.push(`(updated_at, id) < ($${params.length - 1}::timestamptz, $${params.length})`);
    }
    params.push(limit + 1);
    const result = await this.pool.query<SubmissionRow>(
      `SELECT * FROM ${this.t.submissions} WHERE ${where.join(' AND ')} ORDER BY updated_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    const items = result.rows.slice(0, limit).map(toSubmission);
    const last = items.at(-1);
    return result.rows.length > limit && last ? { items, nextCursor: encodeCursor([last.updatedAt, last.id]) } : { items };
  }

  async revisions(tenantId: string, id: string): Promise<SubmissionRevision[]> {
    const result = await this.pool.query<RevisionRow>(
      `SELECT r.* FROM ${this.t.revisions} r JOIN ${this.t.submissions} s ON s.id = r.submission_id
       WHERE s.id = $1 AND s.tenant_id = $2 ORDER BY r.revision`,
      [id, tenantId],
    );
    return result.rows.map(toRevision);
  }

  async appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry> {
    return this.insertAudit(this.pool, entry, entry.tenantId, entry.submissionId, normaliseInstant(entry.at, 'at'));
  }

  async queryAudit(tenantId: string, filter: AuditFilter): Promise<{ items: AuditEntry[]; nextCursor?: string }> {
    const limit = pageSize(filter.limit, 100, 1000);
    const params: unknown[] = [tenantId];
    const where = ['tenant_id = $1'];
    if (filter.submissionId !== undefined) {
      params.push(filter.submissionId);
      where.push(`submission_id = $${params.length}`);
    }
    if (filter.since !== undefined) {
      params.push(normaliseInstant(filter.since, 'since'));
      where.push(`at >= $${params.length}`);
    }
    if (filter.cursor) {
      const value = decodeCursor(filter.cursor) as { s?: unknown };
      if (typeof value?.s !== 'string' || !/^\d+$/.test(value.s)) throw new RangeError('Invalid cursor');
      params.push(value.s);
      where.push(`seq > $${params.length}`);
    }
    params.push(limit + 1);
    const result = await this.pool.query<AuditRow>(
      `SELECT * FROM ${this.t.audit} WHERE ${where.join(' AND ')} ORDER BY seq LIMIT $${params.length}`,
      params,
    );
    const rows = result.rows.slice(0, limit);
    const last = rows.at(-1);
    const items = rows.map(toAudit);
    return result.rows.length > limit && last ? { items, nextCursor: encodeCursor({ s: last.seq }) } : { items };
  }

  async delete(tenantId: string, id: string, audit: Omit<AuditEntry, 'id'>): Promise<boolean> {
    const auditAt = normaliseInstant(audit.at, 'audit.at');
    // One statement: the row lock taken by DELETE makes a concurrent legal-hold update either land
    // first (and the re-checked condition refuses) or wait. Revisions and the idempotency key cascade.
    const result = await this.pool.query<{ deleted: number }>(
      `WITH d AS (
         DELETE FROM ${this.t.submissions} WHERE id = $1 AND tenant_id = $2 AND NOT legal_hold RETURNING id
       ),
       a AS (
         INSERT INTO ${this.t.audit} (id, tenant_id, at, actor, action, submission_id, details)
         SELECT $3, $2, $4, $5, $6, $1, $7::jsonb FROM d
       )
       SELECT count(*)::int AS deleted FROM d`,
      [id, tenantId, randomUUID(), auditAt, audit.actor, audit.action, audit.details === undefined ? null : json(audit.details)],
    );
    return result.rows[0]?.deleted === 1;
  }

  listFormConfigs(tenantId: string): Promise<TenantFormRecord[]> {
    return this.formConfigs.list(tenantId);
  }

  getFormConfig(tenantId: string, kind: TenantFormRecord['kind'], formId: string, version: string): Promise<TenantFormRecord | undefined> {
    return this.formConfigs.get({ tenantId, kind, formId, version });
  }

  saveFormConfigDraft(record: TenantFormRecord, audit: Omit<AuditEntry, 'id'>): Promise<TenantFormRecord> {
    return this.formConfigs.saveDraft(record, audit);
  }

  setFormConfigStatus(
    tenantId: string,
    kind: TenantFormRecord['kind'],
    formId: string,
    version: string,
    status: Exclude<FormStatus, 'draft'>,
    audit: Omit<AuditEntry, 'id'>,
  ): Promise<TenantFormRecord> {
    return this.formConfigs.setStatus({ tenantId, kind, formId, version }, status, audit);
  }

  async health(): Promise<StoreHealth> {
    try {
      await this.pool.query('SELECT 1');
      return { ok: true, store: this.name, details: { schema: this.schema, pool: { total: this.pool.totalCount, idle: this.pool.idleCount } } };
    } catch (error) {
      return { ok: false, store: this.name, details: { schema: this.schema, error: (error as Error).message } };
    }
  }

  /** Bulk-loads benchmark data with multi-row inserts (no audit rows). Never use for real records. */
  async unsafeBulkSeed(count: number, make: (i: number) => NewSubmission, batchSize = 2000): Promise<void> {
    for (let from = 0; from < count; from += batchSize) {
      const rows = Array.from({ length: Math.min(batchSize, count - from) }, (_, k) => make(from + k));
      const col = <T>(pick: (s: NewSubmission) => T): T[] => rows.map(pick);
      await this.tx(async (c) => {
        await c.query(
          `INSERT INTO ${this.t.submissions} (id, tenant_id, form_id, version, status, data, revision, receipt, created_at, updated_at, created_by, updated_by)
           SELECT id, tenant, form, ver, st, d::jsonb, 1, r::jsonb, at, at, by, by
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
          `INSERT INTO ${this.t.revisions} (submission_id, revision, form_id, version, status, data, receipt, by, at, changes, action)
           SELECT id, 1, form_id, version, status, data, receipt, created_by, created_at, '[]'::jsonb, 'create'
           FROM ${this.t.submissions} WHERE id = ANY($1::text[])`,
          [col((s) => s.id)],
        );
      });
    }
    await this.pool.query(`ANALYZE ${this.t.submissions}`);
  }

  /** The last error an idle pooled connection reported (the pool replaces such connections itself). */
  get poolError(): unknown {
    return this.lastPoolError;
  }
}

export function createPostgresStore(options: PostgresStoreOptions): PostgresSubmissionStore {
  return new PostgresSubmissionStore(options);
}
