import { createHash } from 'node:crypto';
import path from 'node:path';
import type { TenantFormRecord } from '@skema/core';

export const FORM_CONFIGS_DIR = 'form-configs';

/** One file per (tenant, kind, form, version): a write rewrites only that record. */
export interface FormConfigDoc {
  format: 1;
  record: TenantFormRecord;
  /** Audit seq of the write that produced this content; recovery settles intents against it. */
  seq: number;
  auditId: string;
}

export type FormConfigKey = Pick<TenantFormRecord, 'tenantId' | 'kind' | 'formId' | 'version'>;

const KINDS = new Set(['overlay', 'form']);
const STATUSES = new Set(['draft', 'published', 'deprecated']);

/** Rejects a malformed key before anything is read or written; names the field. */
export function assertFormConfigKey(key: FormConfigKey): void {
  for (const field of ['tenantId', 'formId', 'version'] as const) {
    const value: unknown = key[field];
    if (typeof value !== 'string' || value.length === 0 || value.length > 256) {
      throw new TypeError(`Form configuration ${field} must be a non-empty string of at most 256 characters`);
    }
  }
  if (!KINDS.has(key.kind)) throw new TypeError('Form configuration kind must be "overlay" or "form"');
}

/**
 * The file name is the hash of the key: tenant and form ids and versions need no escaping, cannot
 * reach outside the folder, and a file copied under another name is detected as misplaced.
 */
export function formConfigName(key: FormConfigKey): string {
  return createHash('sha256')
    .update(JSON.stringify([key.tenantId, key.kind, key.formId, key.version]))
    .digest('hex');
}

export function formConfigPath(dataDir: string, name: string): string {
  return path.join(dataDir, FORM_CONFIGS_DIR, `${name}.json`);
}

export function keyOf(record: FormConfigKey): FormConfigKey {
  return { tenantId: record.tenantId, kind: record.kind, formId: record.formId, version: record.version };
}

/** Returns why a parsed file is not a valid form configuration document, or undefined when it is. */
export function formConfigShapeProblem(value: unknown, expectedName: string): string | undefined {
  if (!value || typeof value !== 'object') return 'not an object';
  const doc = value as Partial<FormConfigDoc>;
  if (doc.format !== 1) return 'unknown format';
  if (!Number.isInteger(doc.seq) || typeof doc.auditId !== 'string') return 'journal missing';
  const r = doc.record as Partial<TenantFormRecord> | undefined;
  if (!r || typeof r !== 'object') return 'missing record';
  for (const field of ['tenantId', 'formId', 'version', 'hash', 'updatedAt', 'updatedBy'] as const) {
    if (typeof r[field] !== 'string') return `record.${field} missing`;
  }
  if (!KINDS.has(r.kind as string)) return 'record.kind invalid';
  if (!STATUSES.has(r.status as string)) return 'record.status invalid';
  if (!('document' in r)) return 'record.document missing';
  if (formConfigName(r as FormConfigKey) !== expectedName) return 'record key does not match the file name';
  return undefined;
}
