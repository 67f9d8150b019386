import type { AuditAction, AuditEntry, FormStatus, TenantFormRecord } from '@skema/core';
import { compareFormConfigs, ImmutableVersionError, NotFoundError, contentHash } from '@skema/core';
import type { AuditLine } from './audit-log.js';
import { readCheckedDoc } from './checked-read.js';
import { normaliseInstant } from './doc.js';
import type { FormConfigDoc, FormConfigKey } from './form-config-doc.js';
import {
  assertFormConfigKey,
  formConfigName,
  formConfigPath,
  formConfigShapeProblem,
  keyOf,
} from './form-config-doc.js';
import { KeyedMutex } from './mutex.js';
import { auditFor } from './records.js';

/** What the store lends for a write: the next audit seq and its intent-then-rename commit. */
export interface FormConfigWriter {
  nextSeq(): number;
  commit(file: string, doc: FormConfigDoc, line: AuditLine): Promise<void>;
}

const ACTION: Record<FormStatus, AuditAction> = {
  draft: 'form-config.draft',
  published: 'form-config.publish',
  deprecated: 'form-config.deprecate',
};

/** The only moves a status change may make: draft → published → deprecated. */
const FROM: Partial<Record<FormStatus, FormStatus>> = { published: 'draft', deprecated: 'published' };

const describe = (k: FormConfigKey): string => `${k.kind} ${k.formId} ${k.version}`;

/**
 * Tenants' form configurations: one checksummed file per record under `form-configs/`, written
 * with the same audit-intent protocol as submissions. The index only says which records a tenant
 * has; every read goes to the file, so a record damaged while running is never served.
 */
export class LowdbFormConfigs {
  // Each record's key and status: a list by status reads only those files.
  private readonly byTenant = new Map<string, Map<string, { key: FormConfigKey; status: FormStatus }>>();
  private readonly mutex = new KeyedMutex();

  constructor(private readonly dataDir: string) {}

  get size(): number {
    let n = 0;
    for (const names of this.byTenant.values()) n += names.size;
    return n;
  }

  load(docs: Iterable<FormConfigDoc>): void {
    this.byTenant.clear();
    for (const doc of docs) this.remember(doc.record);
  }

  async list(tenantId: string, statuses?: readonly FormStatus[]): Promise<TenantFormRecord[]> {
    const names = [...(this.byTenant.get(tenantId)?.entries() ?? [])]
      .filter(([, r]) => !statuses || statuses.includes(r.status))
      .map(([name]) => name);
    const docs = await Promise.all(names.map((name) => this.read(name)));
    return docs
      .filter(
        (d): d is FormConfigDoc => d?.record.tenantId === tenantId && (!statuses || statuses.includes(d.record.status)),
      )
      .map((d) => d.record)
      .sort(compareFormConfigs);
  }

  async get(key: FormConfigKey): Promise<TenantFormRecord | undefined> {
    assertFormConfigKey(key);
    const name = formConfigName(key);
    // Another tenant's record has another name: it reads exactly like an absent one.
    if (!this.byTenant.get(key.tenantId)?.has(name)) return undefined;
    const doc = await this.read(name);
    return doc?.record.tenantId === key.tenantId ? doc.record : undefined;
  }

  saveDraft(
    input: TenantFormRecord,
    audit: Omit<AuditEntry, 'id'>,
    writer: FormConfigWriter,
  ): Promise<TenantFormRecord> {
    const key = keyOf(input);
    assertFormConfigKey(key);
    if (typeof input.updatedBy !== 'string') throw new TypeError('Form configuration updatedBy must be a string');
    const updatedAt = normaliseInstant(input.updatedAt, 'updatedAt');
    // The hash is kept current with every draft (it throws for a document that is not JSON).
    const hash = contentHash(input.document);
    const name = formConfigName(key);
    return this.mutex.run(name, async () => {
      const current = await this.read(name);
      if (current && current.record.status !== 'draft') {
        throw new ImmutableVersionError(
          `${describe(key)} is ${current.record.status} and can no longer be changed; save a new version`,
        );
      }
      const record: TenantFormRecord = {
        ...key,
        status: 'draft',
        document: input.document,
        hash,
        updatedAt,
        updatedBy: input.updatedBy,
      };
      await this.write(name, record, audit, writer);
      return record;
    });
  }

  setStatus(
    key: FormConfigKey,
    status: Exclude<FormStatus, 'draft'>,
    audit: Omit<AuditEntry, 'id'>,
    writer: FormConfigWriter,
  ): Promise<TenantFormRecord> {
    assertFormConfigKey(key);
    const from = FROM[status];
    if (!from)
      return Promise.reject(new ImmutableVersionError(`A form configuration cannot be set to ${String(status)}`));
    const at = normaliseInstant(audit.at, 'audit.at');
    const name = formConfigName(key);
    return this.mutex.run(name, async () => {
      const current = this.byTenant.get(key.tenantId)?.has(name) ? await this.read(name) : undefined;
      if (!current || current.record.tenantId !== key.tenantId)
        throw new NotFoundError(`Form configuration ${describe(key)} not found`);
      const prev = current.record;
      if (prev.status !== from)
        throw new ImmutableVersionError(`${describe(key)} is ${prev.status}; it cannot become ${status}`);
      // The document is written back from the parsed file: JSON text → value → JSON text is exact.
      const record: TenantFormRecord = {
        ...prev,
        status,
        hash: status === 'published' ? contentHash(prev.document) : prev.hash,
        updatedAt: at,
        updatedBy: audit.actor,
      };
      await this.write(name, record, audit, writer);
      return record;
    });
  }

  private async write(
    name: string,
    record: TenantFormRecord,
    audit: Omit<AuditEntry, 'id'>,
    writer: FormConfigWriter,
  ): Promise<void> {
    const { submissionId: _none, ...rest } = audit;
    const entry = auditFor(
      {
        ...rest,
        action: ACTION[record.status],
        details: {
          ...audit.details,
          kind: record.kind,
          formId: record.formId,
          version: record.version,
          hash: record.hash,
        },
      },
      record.tenantId,
    );
    const line: AuditLine = { seq: writer.nextSeq(), intent: 'write', formConfig: name, e: entry };
    await writer.commit(
      formConfigPath(this.dataDir, name),
      { format: 1, record, seq: line.seq, auditId: entry.id },
      line,
    );
    this.remember(record);
  }

  private remember(record: Pick<TenantFormRecord, 'tenantId' | 'kind' | 'formId' | 'version' | 'status'>): void {
    let names = this.byTenant.get(record.tenantId);
    if (!names) {
      names = new Map();
      this.byTenant.set(record.tenantId, names);
    }
    names.set(formConfigName(record), { key: keyOf(record), status: record.status });
  }

  private async read(name: string): Promise<FormConfigDoc | undefined> {
    return readCheckedDoc<FormConfigDoc>(formConfigPath(this.dataDir, name), (doc) =>
      formConfigShapeProblem(doc, name),
    );
  }
}
