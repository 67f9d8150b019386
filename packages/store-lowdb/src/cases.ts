import {
  applyCaseChange,
  caseMatches,
  CaseMembershipError,
  compareCases,
  normaliseInstant,
  NotFoundError,
  pageCases,
  RevisionConflictError,
  type AuditEntry,
  type CaseChange,
  type CaseFilter,
  type CasePage,
  type CaseRecord,
} from '@skema/core';
import type { AuditLine } from './audit-log.js';
import { readCheckedDoc } from './checked-read.js';
import { caseName, casePath, caseShapeProblem, type CaseDoc } from './cases-doc.js';
import { KeyedMutex } from './mutex.js';
import { auditFor } from './records.js';

/** What the store lends for a write: the next audit seq and its intent-then-rename commit. */
export interface CaseWriter {
  nextSeq(): number;
  commit(file: string, doc: CaseDoc, line: AuditLine): Promise<void>;
}

const key = (tenantId: string, id: string): string => `${tenantId}\u0000${id}`;

/**
 * Cases: one checksummed file per case under `cases/`, written with the same audit-intent protocol
 * as submissions. The index keeps every case (lists filter by team, form and text) and which case
 * each submission belongs to; a single read goes to the file, so a case damaged while running is
 * never served. Writes of one tenant run one at a time: membership spans its cases.
 */
export class LowdbCases {
  private readonly records = new Map<string, CaseRecord>();
  private readonly membership = new Map<string, string>();
  private readonly mutex = new KeyedMutex();

  constructor(private readonly dataDir: string) {}

  get size(): number {
    return this.records.size;
  }

  load(docs: Iterable<CaseDoc>): void {
    this.records.clear();
    this.membership.clear();
    for (const doc of docs) this.remember(doc.record);
  }

  async get(tenantId: string, id: string): Promise<CaseRecord | undefined> {
    if (!this.records.has(key(tenantId, id))) return undefined;
    const doc = await this.read(caseName(tenantId, id));
    return doc?.record.tenantId === tenantId ? doc.record : undefined;
  }

  list(tenantId: string, filter: CaseFilter): CasePage {
    const matching = [...this.records.values()]
      .filter((c) => c.tenantId === tenantId && caseMatches(c, filter))
      .sort(compareCases);
    const page = pageCases(matching, filter);
    return { ...page, items: page.items.map((c) => structuredClone(c)) };
  }

  caseOf(tenantId: string, submissionId: string): string | undefined {
    return this.membership.get(key(tenantId, submissionId));
  }

  create(input: CaseRecord, audit: Omit<AuditEntry, 'id'>, writer: CaseWriter): Promise<CaseRecord> {
    const record: CaseRecord = {
      ...input,
      createdAt: normaliseInstant(input.createdAt, 'createdAt'),
      updatedAt: normaliseInstant(input.updatedAt, 'updatedAt'),
    };
    return this.mutex.run(record.tenantId, async () => {
      if (this.records.has(key(record.tenantId, record.id))) throw new Error(`Case ${record.id} already exists`);
      this.assertFree(
        record.tenantId,
        record.id,
        record.submissions.map((m) => m.submissionId),
      );
      await this.write(record, audit, writer);
      return record;
    });
  }

  update(
    tenantId: string,
    id: string,
    change: CaseChange,
    audit: Omit<AuditEntry, 'id'>,
    writer: CaseWriter,
  ): Promise<CaseRecord> {
    const at = normaliseInstant(change.at, 'at');
    return this.mutex.run(tenantId, async () => {
      const current = await this.get(tenantId, id);
      if (!current) throw new NotFoundError(`Case ${id} not found`);
      if (current.revision !== change.expectedRevision)
        throw new RevisionConflictError(change.expectedRevision, current.revision);
      this.assertFree(
        tenantId,
        id,
        (change.attach ?? []).map((m) => m.submissionId),
        current,
      );
      const record = applyCaseChange(current, { ...change, at });
      await this.write(record, audit, writer);
      return record;
    });
  }

  private assertFree(tenantId: string, caseId: string, submissionIds: string[], current?: CaseRecord): void {
    const seen = new Set(current?.submissions.map((m) => m.submissionId));
    for (const sid of submissionIds) {
      const owner = this.membership.get(key(tenantId, sid));
      if (owner !== undefined || seen.has(sid)) throw new CaseMembershipError(sid, owner ?? caseId);
      seen.add(sid);
    }
  }

  private async write(record: CaseRecord, audit: Omit<AuditEntry, 'id'>, writer: CaseWriter): Promise<void> {
    const name = caseName(record.tenantId, record.id);
    const entry = auditFor(audit, record.tenantId);
    const line: AuditLine = { seq: writer.nextSeq(), intent: 'write', case: name, e: entry };
    await writer.commit(casePath(this.dataDir, name), { format: 1, record, seq: line.seq, auditId: entry.id }, line);
    this.remember(record);
  }

  private remember(record: CaseRecord): void {
    this.records.set(key(record.tenantId, record.id), structuredClone(record));
    for (const m of record.submissions) this.membership.set(key(record.tenantId, m.submissionId), record.id);
  }

  private read(name: string): Promise<CaseDoc | undefined> {
    return readCheckedDoc<CaseDoc>(casePath(this.dataDir, name), (doc) => caseShapeProblem(doc, name));
  }
}
