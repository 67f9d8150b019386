import type { FormStatus, TenantFormRecord } from '@skema/core';

export interface FormConfigRow {
  tenant_id: string;
  kind: TenantFormRecord['kind'];
  form_id: string;
  version: string;
  status: FormStatus;
  /** The json column, parsed by node-postgres from the text exactly as it was stored. */
  document: unknown;
  hash: string;
  updated_at: Date;
  updated_by: string;
}

export type FormConfigKey = Pick<TenantFormRecord, 'tenantId' | 'kind' | 'formId' | 'version'>;

export function toFormConfig(r: FormConfigRow): TenantFormRecord {
  return {
    tenantId: r.tenant_id,
    kind: r.kind,
    formId: r.form_id,
    version: r.version,
    status: r.status,
    document: r.document,
    hash: r.hash,
    updatedAt: r.updated_at.toISOString(),
    updatedBy: r.updated_by,
  };
}

/** Rejects a malformed key before it reaches SQL, naming the field (the same rule as the embedded store). */
export function assertFormConfigKey(key: FormConfigKey): void {
  for (const field of ['tenantId', 'formId', 'version'] as const) {
    const value: unknown = key[field];
    if (typeof value !== 'string' || value.length === 0 || value.length > 256) {
      throw new TypeError(`Form configuration ${field} must be a non-empty string of at most 256 characters`);
    }
  }
  if (key.kind !== 'overlay' && key.kind !== 'form')
    throw new TypeError('Form configuration kind must be "overlay" or "form"');
}

export const describeKey = (k: FormConfigKey): string => `${k.kind} ${k.formId} ${k.version}`;
