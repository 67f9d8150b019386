import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { AuditAction, AuditEntry, FormStatus, TenantFormRecord } from '@skema/core';
import { compareFormConfigs, ImmutableVersionError, NotFoundError, contentHash } from '@skema/core';
import type { FormConfigKey, FormConfigRow } from './form-config-rows.js';
import { assertFormConfigKey, describeKey, toFormConfig } from './form-config-rows.js';
import { json, normaliseInstant } from './rows.js';
import type { Tables } from './sql.js';

const ACTION: Record<FormStatus, AuditAction> = {
  draft: 'form-config.draft',
  published: 'form-config.publish',
  deprecated: 'form-config.deprecate',
};

/** The only moves a status change may make: draft → published → deprecated. */
const FROM: Partial<Record<FormStatus, FormStatus>> = { published: 'draft', deprecated: 'published' };

const KEY = 'tenant_id = $1 AND kind = $2 AND form_id = $3 AND version = $4';

/**
 * Tenants' form configurations in `form_configs`. Every write is one statement whose CTEs store
 * the row and its audit entry together, and whose condition (`WHERE status = …`) is re-checked by
 * PostgreSQL after a concurrent writer commits: no read-modify-write window between instances.
 */
export class PostgresFormConfigs {
  constructor(
    private readonly pool: pg.Pool,
    private readonly t: Tables,
  ) {}

  async list(tenantId: string, statuses?: readonly FormStatus[]): Promise<TenantFormRecord[]> {
    const result = statuses
      ? await this.pool.query<FormConfigRow>(
          `SELECT * FROM ${this.t.formConfigs} WHERE tenant_id = $1 AND status = ANY($2::text[])`,
          [tenantId, [...statuses]],
        )
      : await this.pool.query<FormConfigRow>(`SELECT * FROM ${this.t.formConfigs} WHERE tenant_id = $1`, [tenantId]);
    return result.rows.map(toFormConfig).sort(compareFormConfigs);
  }

  async get(key: FormConfigKey): Promise<TenantFormRecord | undefined> {
    assertFormConfigKey(key);
    const row = (await this.pool.query<FormConfigRow>(`SELECT * FROM ${this.t.formConfigs} WHERE ${KEY}`, params(key)))
      .rows[0];
    return row ? toFormConfig(row) : undefined;
  }

  async saveDraft(input: TenantFormRecord, audit: Omit<AuditEntry, 'id'>): Promise<TenantFormRecord> {
    const key: FormConfigKey = {
      tenantId: input.tenantId,
      kind: input.kind,
      formId: input.formId,
      version: input.version,
    };
    assertFormConfigKey(key);
    if (typeof input.updatedBy !== 'string') throw new TypeError('Form configuration updatedBy must be a string');
    const updatedAt = normaliseInstant(input.updatedAt, 'updatedAt');
    // The hash is kept current with every draft, so publishing only flips the status (it throws for a document that is not JSON).
    const hash = contentHash(input.document);
    const result = await this.pool.query<FormConfigRow>(
      `WITH u AS (
         INSERT INTO ${this.t.formConfigs} AS c (tenant_id, kind, form_id, version, status, document, hash, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, 'draft', $5::json, $6, $7, $8)
         ON CONFLICT (tenant_id, kind, form_id, version) DO UPDATE
           SET document = EXCLUDED.document, hash = EXCLUDED.hash, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
           WHERE c.status = 'draft'
         RETURNING *
       ),
       a AS (${this.auditInsert(9)})
       SELECT * FROM u`,
      [...params(key), json(input.document), hash, updatedAt, input.updatedBy, ...this.auditParams(audit, 'draft')],
    );
    const row = result.rows[0];
    if (row) return toFormConfig(row);
    const status = await this.statusOf(key);
    throw new ImmutableVersionError(
      `${describeKey(key)} is ${status ?? 'not a draft'} and can no longer be changed; save a new version`,
    );
  }

  async setStatus(
    key: FormConfigKey,
    status: Exclude<FormStatus, 'draft'>,
    audit: Omit<AuditEntry, 'id'>,
  ): Promise<TenantFormRecord> {
    assertFormConfigKey(key);
    const from = FROM[status];
    if (!from) throw new ImmutableVersionError(`A form configuration cannot be set to ${String(status)}`);
    const at = normaliseInstant(audit.at, 'audit.at');
    const result = await this.pool.query<FormConfigRow>(
      `WITH u AS (
         UPDATE ${this.t.formConfigs} SET status = $5, updated_at = $6, updated_by = $7
         WHERE ${KEY} AND status = $8
         RETURNING *
       ),
       a AS (${this.auditInsert(9)})
       SELECT * FROM u`,
      [...params(key), status, at, audit.actor, from, ...this.auditParams(audit, status)],
    );
    const row = result.rows[0];
    if (row) return toFormConfig(row);
    const current = await this.statusOf(key);
    if (current === undefined) throw new NotFoundError(`Form configuration ${describeKey(key)} not found`);
    throw new ImmutableVersionError(`${describeKey(key)} is ${current}; it cannot become ${status}`);
  }

  private async statusOf(key: FormConfigKey): Promise<FormStatus | undefined> {
    const result = await this.pool.query<{ status: FormStatus }>(
      `SELECT status FROM ${this.t.formConfigs} WHERE ${KEY}`,
      params(key),
    );
    return result.rows[0]?.status;
  }

  /** The audit row, written only when `u` wrote the record; it names the record and the hash it has now. */
  private auditInsert(first: number): string {
    const p = (i: number): string => `$${first + i}`;
    return `INSERT INTO ${this.t.audit} (id, tenant_id, at, actor, action, submission_id, details)
      SELECT ${p(0)}, u.tenant_id, ${p(1)}, ${p(2)}, ${p(3)}, NULL,
        ${p(4)}::jsonb || jsonb_build_object('kind', u.kind, 'formId', u.form_id, 'version', u.version, 'hash', u.hash)
      FROM u`;
  }

  private auditParams(audit: Omit<AuditEntry, 'id'>, status: FormStatus): unknown[] {
    return [
      randomUUID(),
      normaliseInstant(audit.at, 'audit.at'),
      audit.actor,
      ACTION[status],
      json(audit.details ?? {}),
    ];
  }
}

function params(key: FormConfigKey): string[] {
  return [key.tenantId, key.kind, key.formId, key.version];
}
