import { randomUUID } from 'node:crypto';
import type { AuditEntry, AuditFilter } from '@skema/core';
import { StoreCorruptionError } from '@skema/core';
import { HASHED_COLUMNS } from './audit-chain-sql.js';
import type { AuditRow } from './rows.js';
import { decodeCursor, encodeCursor, json, normaliseInstant, pageSize, toAudit } from './rows.js';
import type { Db } from './sql.js';

type ChainedRow = AuditRow & { prev: string; hash: string; intact: boolean };

/** An audit entry that changes no record; the chain trigger sets its seq, prev and hash. */
export async function appendAuditEntry({ pool, t }: Db, entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry> {
  const at = normaliseInstant(entry.at, 'at');
  const result = await pool.query<AuditRow>(
    `INSERT INTO ${t.audit} (id, tenant_id, at, actor, action, submission_id, details) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) RETURNING *`,
    [
      randomUUID(),
      entry.tenantId,
      at,
      entry.actor,
      entry.action,
      entry.submissionId ?? null,
      entry.details === undefined ? null : json(entry.details),
    ],
  );
  return toAudit(result.rows[0] as AuditRow);
}

/** A tenant's audit entries in the order they were written; the cursor is the last `seq` shown. */
export async function queryAuditEntries(
  { pool, t }: Db,
  tenantId: string,
  filter: AuditFilter,
): Promise<{ items: AuditEntry[]; nextCursor?: string }> {
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
  // Each row is checked against its hash; in a page of consecutive rows, each against the one before.
  const result = await pool.query<ChainedRow>(
    `SELECT *, hash = ${t.schema}.audit_row_hash(${HASHED_COLUMNS}) AS intact FROM ${t.audit} WHERE ${where.join(' AND ')} ORDER BY seq LIMIT $${params.length}`,
    params,
  );
  const consecutive = filter.submissionId === undefined && filter.since === undefined;
  result.rows.forEach((row, i) => {
    const before = result.rows[i - 1];
    if (!row.intact || (consecutive && before && row.prev !== before.hash)) {
      throw new StoreCorruptionError(
        `Damaged audit log: ${t.audit} seq ${row.seq} ${row.intact ? 'does not follow the entry before it' : 'does not match its hash'}`,
        [`${t.audit} seq ${row.seq}`],
      );
    }
  });
  const rows = result.rows.slice(0, limit);
  const last = rows.at(-1);
  const items = rows.map(toAudit);
  return result.rows.length > limit && last ? { items, nextCursor: encodeCursor({ s: last.seq }) } : { items };
}
