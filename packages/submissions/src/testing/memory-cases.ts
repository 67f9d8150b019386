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
  type CaseStore,
  type SubmissionStore,
} from '@skema/core';

const clone = <T>(value: T): T => structuredClone(value);
const key = (tenantId: string, id: string): string => `${tenantId}\u0000${id}`;

/**
 * An in-memory `CaseStore` for tests, auditing into a submission store's log (as the durable
 * stores keep one log for both). Each write checks and changes the maps before its first await,
 * so it is atomic and concurrent calls serialise, as the contract asks.
 */
export class MemoryCaseStore implements CaseStore {
  private readonly cases = new Map<string, CaseRecord>();
  /** tenant+submission → case id. */
  private readonly membership = new Map<string, string>();

  constructor(private readonly audit: Pick<SubmissionStore, 'appendAudit'>) {}

  async createCase(record: CaseRecord, audit: Omit<AuditEntry, 'id'>): Promise<CaseRecord> {
    if (this.cases.has(key(record.tenantId, record.id))) throw new Error(`Case ${record.id} already exists`);
    this.assertFree(
      record.tenantId,
      record.id,
      record.submissions.map((m) => m.submissionId),
    );
    const stored = clone({
      ...record,
      createdAt: normaliseInstant(record.createdAt, 'createdAt'),
      updatedAt: normaliseInstant(record.updatedAt, 'updatedAt'),
    });
    this.cases.set(key(record.tenantId, record.id), stored);
    for (const m of record.submissions) this.membership.set(key(record.tenantId, m.submissionId), record.id);
    await this.audit.appendAudit({ ...audit, tenantId: record.tenantId });
    return clone(stored);
  }

  async getCase(tenantId: string, id: string): Promise<CaseRecord | undefined> {
    const record = this.cases.get(key(tenantId, id));
    return record ? clone(record) : undefined;
  }

  async updateCase(
    tenantId: string,
    id: string,
    change: CaseChange,
    audit: Omit<AuditEntry, 'id'>,
  ): Promise<CaseRecord> {
    const current = this.cases.get(key(tenantId, id));
    if (!current) throw new NotFoundError(`Case ${id} not found`);
    if (current.revision !== change.expectedRevision)
      throw new RevisionConflictError(change.expectedRevision, current.revision);
    this.assertFree(
      tenantId,
      id,
      (change.attach ?? []).map((m) => m.submissionId),
      current,
    );
    const next = clone(applyCaseChange(current, { ...change, at: normaliseInstant(change.at, 'at') }));
    this.cases.set(key(tenantId, id), next);
    for (const m of change.attach ?? []) this.membership.set(key(tenantId, m.submissionId), id);
    await this.audit.appendAudit({ ...audit, tenantId });
    return clone(next);
  }

  async listCases(tenantId: string, filter: CaseFilter): Promise<CasePage> {
    const matching = [...this.cases.values()]
      .filter((c) => c.tenantId === tenantId && caseMatches(c, filter))
      .sort(compareCases);
    const page = pageCases(matching, filter);
    return { ...page, items: page.items.map(clone) };
  }

  async caseOfSubmission(tenantId: string, submissionId: string): Promise<string | undefined> {
    return this.membership.get(key(tenantId, submissionId));
  }

  private assertFree(tenantId: string, caseId: string, submissionIds: string[], current?: CaseRecord): void {
    const seen = new Set(current?.submissions.map((m) => m.submissionId));
    for (const sid of submissionIds) {
      const owner = this.membership.get(key(tenantId, sid));
      if (owner !== undefined || seen.has(sid)) throw new CaseMembershipError(sid, owner ?? caseId);
      seen.add(sid);
    }
  }
}
