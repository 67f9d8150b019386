import type { FormStatus } from './form.js';
import type { AuditEntry } from './store.js';

/** A tenant's form configuration managed through the API: an overlay or a form of its own. */
export interface TenantFormRecord {
  tenantId: string;
  kind: 'overlay' | 'form';
  formId: string;
  /** The overlay's or the own form's semver version. */
  version: string;
  status: FormStatus;
  /** The overlay document, or `{ manifest, schema, uischema, i18n }` of an own form. */
  document: unknown;
  /** Content hash of `document`; recorded when published. */
  hash: string;
  updatedAt: string;
  updatedBy: string;
}

/**
 * Storage of tenants' form configuration. Drafts can be replaced; a published version is
 * immutable and can only move on to `deprecated`.
 */
export interface FormConfigStore {
  listFormConfigs(tenantId: string): Promise<TenantFormRecord[]>;
  getFormConfig(tenantId: string, kind: TenantFormRecord['kind'], formId: string, version: string): Promise<TenantFormRecord | undefined>;
  /** Creates or replaces a draft. Throws `ImmutableVersionError` when that version is published or deprecated. */
  saveFormConfigDraft(record: TenantFormRecord, audit: Omit<AuditEntry, 'id'>): Promise<TenantFormRecord>;
  /** draft → published → deprecated; any other move throws `ImmutableVersionError`. */
  setFormConfigStatus(
    tenantId: string,
    kind: TenantFormRecord['kind'],
    formId: string,
    version: string,
    status: Exclude<FormStatus, 'draft'>,
    audit: Omit<AuditEntry, 'id'>,
  ): Promise<TenantFormRecord>;
}

export class ImmutableVersionError extends Error {
  override readonly name = 'ImmutableVersionError';
}
