import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import {
  applyCaseChange,
  CaseMembershipError,
  NotFoundError,
  RevisionConflictError,
  type AuditEntry,
  type CaseChange,
  type CaseFilter,
  type CasePage,
  type CaseRecord,
} from '@skema/core';
import type { CaseTables } from './cases-sql.js';
import { json, normaliseInstant } from './rows.js';
import type { Tables } from './sql.js';

const UNIQUE_VIOLATION = '23505';

/** Escapes LIKE wildcards so a search text matches literally. */
const likeText = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Cases in `cases` (the record as jsonb) and `case_submissions` (one row per member submission,
 * whose primary key keeps a submission in one case). Each write is one transaction that locks the
 * case row, checks the revision, inserts members, stores the record and appends its audit entry.
 */
export class PostgresCases {
  constructor(
    private readonly pool: pg.Pool,
    private readonly t: Tables,
    private readonly c: CaseTables,
  ) {}

  async get(tenantId: string, id: string): Promise<CaseRecord | undefined> {
    const row = (
      await this.pool.query<{ record: CaseRecord }>(
        `SELECT record FROM ${this.c.cases} WHERE tenant_id = $1 AND id = $2`,
        [tenantId, id],
      )
    ).rows[0];
    return row?.record;
  }

  async caseOf(tenantId: string, submissionId: string): Promise<string | undefined> {
    const row = (
      await this.pool.query<{ case_id: string }>(
        `SELECT case_id FROM ${this.c.members} WHERE tenant_id = $1 AND submission_id = $2`,
        [tenantId, submissionId],
      )
    ).rows[0];
    return row?.case_id;
  }

  async list(tenantId: string, filter: CaseFilter): Promise<CasePage> {
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), 100);
    const params: unknown[] = [tenantId];
    const where = ['tenant_id = $1'];
    const add = (value: unknown, clause: (n: number) => string): void => {
      params.push(value);
      where.push(clause(params.length));
    };
    if (filter.status) add(filter.status, (n) => `status = $${n}`);
    if (filter.member) add(filter.member, (n) => `record->'team' ? $${n}`);
    if (filter.formId) add(json([{ formId: filter.formId }]), (n) => `record->'submissions' @> $${n}::jsonb`);
    if (filter.text)
      add(likeText(filter.text), (n) => `(record->>'title' ILIKE $${n} OR record->'borger'->>'name' ILIKE $${n})`);
    if (filter.cursor) {
      const [at, id] = decodeURIComponent(filter.cursor).split('|');
      if (!at || id === undefined || Number.isNaN(Date.parse(at))) throw new RangeError('Invalid cursor');
      params.push(at, id);
      where.push(
        `(updated_at < $${params.length - 1} OR (updated_at = $${params.length - 1} AND id > $${params.length}))`,
      );
    }
    params.push(limit + 1);
    const rows = (
      await this.pool.query<{ record: CaseRecord }>(
        `SELECT record FROM ${this.c.cases} WHERE ${where.join(' AND ')} ORDER BY updated_at DESC, id LIMIT $${params.length}`,
        params,
      )
    ).rows;
    const items = rows.slice(0, limit).map((r) => r.record);
    const last = items.at(-1);
    return rows.length > limit && last
      ? { items, nextCursor: encodeURIComponent(`${last.updatedAt}|${last.id}`) }
      : { items };
  }

  create(input: CaseRecord, audit: Omit<AuditEntry, 'id'>): Promise<CaseRecord> {
    const record: CaseRecord = {
      ...input,
      createdAt: normaliseInstant(input.createdAt, 'createdAt'),
      updatedAt: normaliseInstant(input.updatedAt, 'updatedAt'),
    };
    return this.transaction(async (client) => {
      await client.query(
        `INSERT INTO ${this.c.cases} (tenant_id, id, status, revision, updated_at, record) VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
        [record.tenantId, record.id, record.status, record.revision, record.updatedAt, json(record)],
      );
      await this.addMembers(
        client,
        record,
        record.submissions.map((m) => m.submissionId),
      );
      await this.audit(client, record.tenantId, audit);
      return record;
    });
  }

  update(tenantId: string, id: string, change: CaseChange, audit: Omit<AuditEntry, 'id'>): Promise<CaseRecord> {
    const at = normaliseInstant(change.at, 'at');
    return this.transaction(async (client) => {
      const row = (
        await client.query<{ record: CaseRecord }>(
          `SELECT record FROM ${this.c.cases} WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
          [tenantId, id],
        )
      ).rows[0];
      if (!row) throw new NotFoundError(`Case ${id} not found`);
      const current = row.record;
      if (current.revision !== change.expectedRevision)
        throw new RevisionConflictError(change.expectedRevision, current.revision);
      const record = applyCaseChange(current, { ...change, at });
      await this.addMembers(
        client,
        record,
        (change.attach ?? []).map((m) => m.submissionId),
      );
      await client.query(
        `UPDATE ${this.c.cases} SET status = $3, revision = $4, updated_at = $5, record = $6::jsonb WHERE tenant_id = $1 AND id = $2`,
        [tenantId, id, record.status, record.revision, record.updatedAt, json(record)],
      );
      await this.audit(client, tenantId, audit);
      return record;
    });
  }

  private async addMembers(client: pg.PoolClient, record: CaseRecord, submissionIds: string[]): Promise<void> {
    for (const sid of submissionIds) {
      try {
        await client.query('SAVEPOINT member');
        await client.query(`INSERT INTO ${this.c.members} (tenant_id, submission_id, case_id) VALUES ($1, $2, $3)`, [
          record.tenantId,
          sid,
          record.id,
        ]);
      } catch (error) {
        if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
        await client.query('ROLLBACK TO SAVEPOINT member');
        const owner = (
          await client.query<{ case_id: string }>(
            `SELECT case_id FROM ${this.c.members} WHERE tenant_id = $1 AND submission_id = $2`,
            [record.tenantId, sid],
          )
        ).rows[0];
        throw new CaseMembershipError(sid, owner?.case_id ?? record.id);
      }
    }
  }

  private async audit(client: pg.PoolClient, tenantId: string, audit: Omit<AuditEntry, 'id'>): Promise<void> {
    await client.query(
      `INSERT INTO ${this.t.audit} (id, tenant_id, at, actor, action, submission_id, details) VALUES ($1, $2, $3, $4, $5, NULL, $6::jsonb)`,
      [
        randomUUID(),
        tenantId,
        normaliseInstant(audit.at, 'audit.at'),
        audit.actor,
        audit.action,
        audit.details === undefined ? null : json(audit.details),
      ],
    );
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
