import semver from 'semver';
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

export interface ListFormConfigsOptions {
  statuses?: readonly FormStatus[];
}

/**
 * Storage of tenants' form configuration. Drafts can be replaced; a published version is
 * immutable and can only move on to `deprecated`.
 */
export interface FormConfigStore {
  /**
   * A tenant's records in `compareFormConfigs` order; with `statuses`, only those (a store then
   * reads no other record: drafts pile up, and what is live is read after every publication).
   */
  listFormConfigs(tenantId: string, options?: ListFormConfigsOptions): Promise<TenantFormRecord[]>;
  getFormConfig(
    tenantId: string,
    kind: TenantFormRecord['kind'],
    formId: string,
    version: string,
  ): Promise<TenantFormRecord | undefined>;
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

/** Semver precedence; strings that are not semver versions sort after them, by text. */
export function compareVersions(a: string, b: string): number {
  const va = semver.valid(a);
  const vb = semver.valid(b);
  if (va && vb) return semver.compare(va, vb) || text(a, b);
  return va ? -1 : vb ? 1 : text(a, b);
}

const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The order `listFormConfigs` promises: formId, kind, then semver version. */
export function compareFormConfigs(a: TenantFormRecord, b: TenantFormRecord): number {
  return text(a.formId, b.formId) || text(a.kind, b.kind) || compareVersions(a.version, b.version);
}
