import {
  assertChangeShape,
  normaliseInstant,
  statusChangedAtAfter,
  NotFoundError,
  RevisionConflictError,
  type AuditEntry,
  type AuditFilter,
  type CreateResult,
  type IdempotencyRecord,
  type NewSubmission,
  type StoreHealth,
  type Submission,
  type SubmissionChange,
  type SubmissionFilter,
  type SubmissionPage,
  type SubmissionRevision,
  type SubmissionStore,
} from '@skema/core';

const clone = <T>(value: T): T => structuredClone(value);

function encodeCursor(seq: number): string {
  return Buffer.from(JSON.stringify({ seq }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return -1;
  try {
    const { seq } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { seq?: unknown };
    if (typeof seq === 'number' && Number.isInteger(seq) && seq >= 0) return seq;
  } catch {
    // fall through
  }
  throw new RangeError('Invalid cursor');
}

function page<T>(items: Array<{ seq: number; value: T }>, filter: { limit?: number; cursor?: string }): { items: T[]; nextCursor?: string } {
  const after = decodeCursor(filter.cursor);
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 100);
  const rest = items.filter((i) => i.seq > after);
  const taken = rest.slice(0, limit);
  const last = taken[taken.length - 1];
  return { items: taken.map((i) => clone(i.value)), ...(rest.length > limit && last ? { nextCursor: encodeCursor(last.seq) } : {}) };
}

/**
 * An in-memory `SubmissionStore` for tests: every operation is synchronous inside, so each
 * write (submission + revision + audit) is atomic, as the contract asks.
 */
export class MemorySubmissionStore implements SubmissionStore {
  readonly name = 'memory';
  /** Tests set this to see readiness fail. */
  healthy = true;
  private seq = 0;
  private readonly submissions = new Map<string, { seq: number; value: Submission }>();
  private readonly revisionLog = new Map<string, SubmissionRevision[]>();
  private readonly auditLog: Array<{ seq: number; value: AuditEntry }> = [];
  private readonly idempotency = new Map<string, IdempotencyRecord>();

  async init(): Promise<void> {}
  async close(): Promise<void> {}

  async create(input: NewSubmission, audit: Omit<AuditEntry, 'id'>, idempotency?: { key: string; requestHash: string }): Promise<CreateResult> {
    const idemKey = idempotency ? `${input.tenantId}\u0000${idempotency.key}` : undefined;
    const earlier = idemKey ? this.idempotency.get(idemKey) : undefined;
    if (earlier) {
      const submission = this.submissions.get(earlier.submissionId)?.value;
      if (submission) return { created: false, submission: clone(submission), idempotency: { ...earlier } };
    }
    if (this.submissions.has(input.id)) throw new Error(`Submission ${input.id} already exists`);
    // Like the real stores: instants as ISO-8601 UTC with milliseconds, whatever offset was given.
    const at = normaliseInstant(input.at, 'at');
    const submission: Submission = {
      id: input.id,
      tenantId: input.tenantId,
      formId: input.formId,
      version: input.version,
      status: input.status,
      data: clone(input.data),
      revision: 1,
      receipt: clone(input.receipt),
      createdAt: at,
      updatedAt: at,
      statusChangedAt: at,
      createdBy: input.by,
      updatedBy: input.by,
    };
    this.submissions.set(input.id, { seq: this.seq++, value: submission });
    this.revisionLog.set(input.id, [
      { submissionId: input.id, revision: 1, formId: input.formId, version: input.version, status: input.status, data: clone(input.data), receipt: clone(input.receipt), by: input.by, at, changes: [], action: 'create' },
    ]);
    this.pushAudit(audit);
    if (idemKey && idempotency) {
      this.idempotency.set(idemKey, { key: idempotency.key, tenantId: input.tenantId, requestHash: idempotency.requestHash, submissionId: input.id });
    }
    return { created: true, submission: clone(submission) };
  }

  async get(tenantId: string, id: string): Promise<Submission | undefined> {
    const found = this.submissions.get(id)?.value;
    return found && found.tenantId === tenantId ? clone(found) : undefined;
  }

  async update(tenantId: string, id: string, change: SubmissionChange, audit: Omit<AuditEntry, 'id'>): Promise<Submission> {
    assertChangeShape(change);
    const entry = this.submissions.get(id);
    if (!entry || entry.value.tenantId !== tenantId) throw new NotFoundError(`Submission ${id} not found`);
    const current = entry.value;
    if (current.revision !== change.expectedRevision) throw new RevisionConflictError(change.expectedRevision, current.revision);
    const at = normaliseInstant(change.at, 'change.at');
    const next: Submission = {
      ...current,
      ...(change.data !== undefined ? { data: clone(change.data) } : {}),
      ...(change.status ? { status: change.status } : {}),
      ...(change.version ? { version: change.version } : {}),
      ...(change.legalHold !== undefined ? { legalHold: change.legalHold } : {}),
      receipt: clone(change.receipt),
      revision: current.revision + 1,
      updatedAt: at,
      statusChangedAt: statusChangedAtAfter(current, change, at),
      updatedBy: change.by,
    };
    entry.value = next;
    this.revisionLog.get(id)!.push({
      submissionId: id,
      revision: next.revision,
      formId: next.formId,
      version: next.version,
      status: next.status,
      data: clone(next.data),
      receipt: clone(next.receipt),
      by: change.by,
      at,
      changes: clone(change.changes),
      action: change.action,
    });
    this.pushAudit(audit);
    return clone(next);
  }

  async list(tenantId: string, filter: SubmissionFilter): Promise<SubmissionPage> {
    const matching = [...this.submissions.values()].filter(({ value: s }) =>
      s.tenantId === tenantId &&
      (filter.formId === undefined || s.formId === filter.formId) &&
      (filter.version === undefined || s.version === filter.version) &&
      (filter.status === undefined || s.status === filter.status) &&
      (filter.updatedSince === undefined || Date.parse(s.updatedAt) >= Date.parse(filter.updatedSince)),
    );
    return page(matching, filter);
  }

  async revisions(tenantId: string, id: string): Promise<SubmissionRevision[]> {
    const entry = this.submissions.get(id);
    if (!entry || entry.value.tenantId !== tenantId) return [];
    return clone(this.revisionLog.get(id) ?? []);
  }

  async appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry> {
    return clone(this.pushAudit(entry));
  }

  async queryAudit(tenantId: string, filter: AuditFilter): Promise<{ items: AuditEntry[]; nextCursor?: string }> {
    const matching = this.auditLog.filter(({ value: a }) =>
      a.tenantId === tenantId &&
      (filter.submissionId === undefined || a.submissionId === filter.submissionId) &&
      (filter.since === undefined || Date.parse(a.at) >= Date.parse(filter.since)),
    );
    return page(matching, filter);
  }

  async delete(tenantId: string, id: string, audit: Omit<AuditEntry, 'id'>): Promise<boolean> {
    const entry = this.submissions.get(id);
    if (!entry || entry.value.tenantId !== tenantId || entry.value.legalHold) return false;
    this.submissions.delete(id);
    this.revisionLog.delete(id);
    this.pushAudit(audit);
    return true;
  }

  async health(): Promise<StoreHealth> {
    return { ok: this.healthy, store: this.name, details: { submissions: this.submissions.size } };
  }

  private pushAudit(entry: Omit<AuditEntry, 'id'>): AuditEntry {
    const seq = this.seq++;
    // Like the real stores: instants as ISO-8601 UTC with milliseconds, whatever offset was given.
    const full: AuditEntry = { id: `audit-${seq}`, ...clone(entry), at: normaliseInstant(entry.at, 'at') };
    this.auditLog.push({ seq, value: full });
    return full;
  }
}

export function createMemoryStore(): MemorySubmissionStore {
  return new MemorySubmissionStore();
}
