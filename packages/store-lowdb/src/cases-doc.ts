import { createHash } from 'node:crypto';
import path from 'node:path';
import type { CaseRecord } from '@skema/core';

export const CASES_DIR = 'cases';

/** One checksummed file per case: a write rewrites only that case. */
export interface CaseDoc {
  format: 1;
  record: CaseRecord;
  /** Audit seq of the write that produced this content; recovery settles intents against it. */
  seq: number;
  auditId: string;
}

/** The file name is the hash of tenant and id: ids need no escaping and cannot reach outside the folder. */
export function caseName(tenantId: string, id: string): string {
  return createHash('sha256')
    .update(JSON.stringify(['case', tenantId, id]))
    .digest('hex');
}

export function casePath(dataDir: string, name: string): string {
  return path.join(dataDir, CASES_DIR, `${name}.json`);
}

const STATUSES = new Set(['open', 'closed']);

/** Why a parsed file is not a valid case document, or undefined when it is. */
export function caseShapeProblem(value: unknown, expectedName: string): string | undefined {
  if (!value || typeof value !== 'object') return 'not an object';
  const doc = value as Partial<CaseDoc>;
  if (doc.format !== 1) return 'unknown format';
  if (!Number.isInteger(doc.seq) || typeof doc.auditId !== 'string') return 'journal missing';
  const r = doc.record as Partial<CaseRecord> | undefined;
  if (!r || typeof r !== 'object') return 'missing record';
  for (const field of ['id', 'tenantId', 'title', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy'] as const) {
    if (typeof r[field] !== 'string') return `record.${field} missing`;
  }
  if (!STATUSES.has(r.status as string)) return 'record.status invalid';
  if (!Number.isInteger(r.revision)) return 'record.revision invalid';
  if (!Array.isArray(r.team) || !Array.isArray(r.submissions) || typeof r.borger?.name !== 'string')
    return 'record incomplete';
  if (caseName(r.tenantId!, r.id!) !== expectedName) return 'record key does not match the file name';
  return undefined;
}
