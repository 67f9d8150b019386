import {
  compareFormConfigs,
  contentHash,
  ImmutableVersionError,
  normaliseInstant,
  NotFoundError,
  type AuditEntry,
  type AuditFilter,
  type ListFormConfigsOptions,
  type FormConfigStore,
  type FormStatus,
  type SubmissionStore,
  type TenantFormRecord,
} from '@skema/core';
import { isConfigVersion } from '../form-config/versions.js';
import { MemorySubmissionStore } from './memory-store.js';

const clone = <T>(value: T): T => structuredClone(value);
const keyOf = (tenantId: string, kind: string, formId: string, version: string) =>
  JSON.stringify([tenantId, kind, formId, version]);

/**
 * An in-memory `FormConfigStore` for tests. Drafts may be replaced; published and deprecated
 * versions are immutable. Audit entries go to `auditLog` (by default its own memory store), so a
 * test app can share one audit log between submissions and form configuration.
 */
export class MemoryFormConfigStore implements FormConfigStore {
  private readonly records = new Map<string, TenantFormRecord>();

  constructor(readonly auditLog: Pick<SubmissionStore, 'appendAudit' | 'queryAudit'> = new MemorySubmissionStore()) {}

  async listFormConfigs(tenantId: string, options: ListFormConfigsOptions = {}): Promise<TenantFormRecord[]> {
    return [...this.records.values()]
      .filter((r) => r.tenantId === tenantId && (!options.statuses || options.statuses.includes(r.status)))
      .sort(compareFormConfigs)
      .map(clone);
  }

  async getFormConfig(
    tenantId: string,
    kind: TenantFormRecord['kind'],
    formId: string,
    version: string,
  ): Promise<TenantFormRecord | undefined> {
    const found = this.records.get(keyOf(tenantId, kind, formId, version));
    return found ? clone(found) : undefined;
  }

  async saveFormConfigDraft(record: TenantFormRecord, audit: Omit<AuditEntry, 'id'>): Promise<TenantFormRecord> {
    if (audit.tenantId !== record.tenantId) throw new Error('The audit entry must belong to the record’s tenant');
    if (!isConfigVersion(record.version)) throw new RangeError(`"${record.version}" is not a semver version`);
    const key = keyOf(record.tenantId, record.kind, record.formId, record.version);
    const existing = this.records.get(key);
    if (existing && existing.status !== 'draft') {
      throw new ImmutableVersionError(
        `${record.kind} ${record.formId}@${record.version} is ${existing.status} and cannot be changed`,
      );
    }
    const saved: TenantFormRecord = {
      ...clone(record),
      status: 'draft',
      updatedAt: normaliseInstant(record.updatedAt, 'updatedAt'),
    };
    this.records.set(key, saved);
    await this.auditLog.appendAudit(audit);
    return clone(saved);
  }

  async setFormConfigStatus(
    tenantId: string,
    kind: TenantFormRecord['kind'],
    formId: string,
    version: string,
    status: Exclude<FormStatus, 'draft'>,
    audit: Omit<AuditEntry, 'id'>,
  ): Promise<TenantFormRecord> {
    if (audit.tenantId !== tenantId) throw new Error('The audit entry must belong to the record’s tenant');
    const key = keyOf(tenantId, kind, formId, version);
    const existing = this.records.get(key);
    if (!existing) throw new NotFoundError(`${kind} ${formId}@${version} not found`);
    const allowed =
      (existing.status === 'draft' && status === 'published') ||
      (existing.status === 'published' && status === 'deprecated');
    if (!allowed)
      throw new ImmutableVersionError(`${kind} ${formId}@${version} cannot move from ${existing.status} to ${status}`);
    const next: TenantFormRecord = {
      ...existing,
      status,
      // The document is kept as stored; only publishing fixes its hash.
      ...(status === 'published' ? { hash: contentHash(existing.document) } : {}),
      updatedAt: normaliseInstant(audit.at, 'at'),
      updatedBy: audit.actor,
    };
    this.records.set(key, next);
    await this.auditLog.appendAudit(audit);
    return clone(next);
  }

  queryAudit(tenantId: string, filter: AuditFilter): Promise<{ items: AuditEntry[]; nextCursor?: string }> {
    return this.auditLog.queryAudit(tenantId, filter);
  }
}

export function createMemoryFormConfigStore(
  options: { auditLog?: Pick<SubmissionStore, 'appendAudit' | 'queryAudit'> } = {},
): MemoryFormConfigStore {
  return new MemoryFormConfigStore(options.auditLog);
}
