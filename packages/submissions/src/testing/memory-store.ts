import { randomUUID } from 'node:crypto';
import {
  DuplicateSubmissionError,
  OutboxState,
  approvalsAfter,
  matchesSearch,
  assigneesAfter,
  assertChangeShape,
  normaliseInstant,
  statusChangedAtAfter,
  submissionFromInput,
  NotFoundError,
  RevisionConflictError,
  type AuditEntry,
  type AuditFilter,
  type AuditVerification,
  type ClaimedDelivery,
  type CreateResult,
  type Delivery,
  type DeliveryFilter,
  type DeliveryCompletion,
  type DeliveryOutcome,
  type OutboxEvent,
  type OutboxStore,
  type WebhookSubscription,
  type IdempotencyRecord,
  type JsonPatchOperation,
  type NewSubmission,
  type StoreHealth,
  type Submission,
  type SubmissionChange,
  type SubmissionFilter,
  type SubmissionPage,
  type SubmissionRevision,
  type SubmissionStore,
} from '@skema/core';
import { auditPage, listPage } from './memory-pages.js';

const clone = <T>(value: T): T => structuredClone(value);

/** The audit entry as the durable stores keep it: the operation's tenant and submission, a normalised time. */
function auditFor(audit: Omit<AuditEntry, 'id'>, tenantId: string, submissionId?: string): AuditEntry {
  const entry: AuditEntry = {
    id: randomUUID(),
    tenantId,
    at: normaliseInstant(audit.at, 'audit.at'),
    actor: audit.actor,
    action: audit.action,
  };
  const sid = submissionId ?? audit.submissionId;
  if (sid !== undefined) entry.submissionId = sid;
  if (audit.details !== undefined) entry.details = clone(audit.details);
  return entry;
}

function revisionOf(
  s: Submission,
  action: SubmissionRevision['action'],
  changes: JsonPatchOperation[],
  by: string,
  at: string,
): SubmissionRevision {
  const revision: SubmissionRevision = {
    submissionId: s.id,
    revision: s.revision,
    formId: s.formId,
    version: s.version,
    status: s.status,
    data: clone(s.data),
    receipt: clone(s.receipt),
    by,
    at,
    changes: clone(changes),
    action,
  };
  if (s.approvals) revision.approvals = clone(s.approvals);
  return revision;
}

/**
 * An in-memory `SubmissionStore` for tests that behaves like the durable stores (the store contract
 * in test/contract runs against it). No operation awaits before it has finished writing, so each
 * write (submission + revision + audit) is atomic and concurrent calls serialise, as the contract asks.
 */
export class MemorySubmissionStore implements SubmissionStore, OutboxStore {
  readonly name = 'memory';
  /** Tests set this to see readiness fail. */
  healthy = true;
  private readonly submissions = new Map<string, Submission>();
  private readonly revisionLog = new Map<string, SubmissionRevision[]>();
  /** Append order is the array order; `seq` is the audit cursor. */
  private readonly auditLog: Array<{ seq: number; entry: AuditEntry }> = [];
  private readonly idempotency = new Map<string, IdempotencyRecord>();
  /** Events, deliveries and subscriptions; written by the same synchronous step as the change they report. */
  private readonly outbox = new OutboxState();

  async init(): Promise<void> {}
  async close(): Promise<void> {}

  async create(
    input: NewSubmission,
    audit: Omit<AuditEntry, 'id'>,
    idempotency?: { key: string; requestHash: string },
  ): Promise<CreateResult> {
    const idemKey = idempotency ? `${input.tenantId}\u0000${idempotency.key}` : undefined;
    const earlier = idemKey ? this.idempotency.get(idemKey) : undefined;
    // A key whose submission was deleted since is free again, as in the durable stores.
    const earlierSubmission = earlier ? this.submissions.get(earlier.submissionId) : undefined;
    if (earlier && earlierSubmission)
      return { created: false, submission: clone(earlierSubmission), idempotency: { ...earlier } };
    if (this.submissions.has(input.id)) throw new DuplicateSubmissionError(input.id);
    const submission = submissionFromInput({ ...input, data: clone(input.data), receipt: clone(input.receipt) });
    const entry = auditFor(audit, input.tenantId, input.id);
    this.submissions.set(input.id, submission);
    this.revisionLog.set(input.id, [revisionOf(submission, 'create', [], input.by, submission.createdAt)]);
    this.pushAudit(entry);
    this.addEvents(input.events);
    if (idemKey && idempotency) {
      this.idempotency.set(idemKey, {
        key: idempotency.key,
        tenantId: input.tenantId,
        requestHash: idempotency.requestHash,
        submissionId: input.id,
      });
    }
    return { created: true, submission: clone(submission) };
  }

  async get(tenantId: string, id: string): Promise<Submission | undefined> {
    const found = this.owned(tenantId, id);
    return found ? clone(found) : undefined;
  }

  async update(
    tenantId: string,
    id: string,
    change: SubmissionChange,
    audit: Omit<AuditEntry, 'id'>,
  ): Promise<Submission> {
    assertChangeShape(change);
    const current = this.owned(tenantId, id);
    if (!current) throw new NotFoundError(`Submission ${id} not found`);
    if (current.revision !== change.expectedRevision)
      throw new RevisionConflictError(change.expectedRevision, current.revision);
    const at = normaliseInstant(change.at, 'change.at');
    const entry = auditFor(audit, tenantId, id);
    const { legalHold: previousHold, approvals: _previousApprovals, assignees: _previousAssignees, ...rest } = current;
    // Like the durable stores: legalHold is present only while true, approvals only while there are any.
    const hold = change.legalHold ?? previousHold ?? false;
    const approvals = approvalsAfter(current, change);
    const assignees = assigneesAfter(current, change);
    const next: Submission = {
      ...rest,
      data: change.data !== undefined ? clone(change.data) : current.data,
      status: change.status ?? current.status,
      version: change.version ?? current.version,
      receipt: clone(change.receipt),
      revision: current.revision + 1,
      updatedAt: at,
      statusChangedAt: statusChangedAtAfter(current, change, at),
      updatedBy: change.by,
      ...(hold ? { legalHold: true } : {}),
      ...(approvals ? { approvals: clone(approvals) } : {}),
      ...(assignees ? { assignees: [...assignees] } : {}),
    };
    this.submissions.set(id, next);
    this.revisionLog.get(id)!.push(revisionOf(next, change.action, change.changes, change.by, at));
    this.pushAudit(entry);
    this.addEvents(change.events);
    return clone(next);
  }

  async list(tenantId: string, filter: SubmissionFilter): Promise<SubmissionPage> {
    const sinceMs =
      filter.updatedSince === undefined ? undefined : Date.parse(normaliseInstant(filter.updatedSince, 'updatedSince'));
    const matching = [...this.submissions.values()].filter(
      (s) =>
        s.tenantId === tenantId &&
        (filter.formId === undefined || s.formId === filter.formId) &&
        (filter.version === undefined || s.version === filter.version) &&
        (filter.status === undefined || s.status === filter.status) &&
        (sinceMs === undefined || Date.parse(s.updatedAt) >= sinceMs) &&
        (filter.search === undefined || matchesSearch(s, filter.search)),
    );
    const page = listPage(matching, filter);
    return { ...page, items: page.items.map(clone) };
  }

  async revisions(tenantId: string, id: string): Promise<SubmissionRevision[]> {
    return this.owned(tenantId, id) ? clone(this.revisionLog.get(id) ?? []) : [];
  }

  async appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry> {
    return clone(this.pushAudit(auditFor(entry, entry.tenantId)));
  }

  async queryAudit(tenantId: string, filter: AuditFilter): Promise<{ items: AuditEntry[]; nextCursor?: string }> {
    const sinceMs = filter.since === undefined ? undefined : Date.parse(normaliseInstant(filter.since, 'since'));
    const matching = this.auditLog.filter(
      ({ entry: a }) =>
        a.tenantId === tenantId &&
        (filter.submissionId === undefined || a.submissionId === filter.submissionId) &&
        (sinceMs === undefined || Date.parse(a.at) >= sinceMs),
    );
    const page = auditPage(matching, filter);
    return { ...page, items: page.items.map(clone) };
  }

  async delete(tenantId: string, id: string, audit: Omit<AuditEntry, 'id'>, events?: OutboxEvent[]): Promise<boolean> {
    const current = this.owned(tenantId, id);
    if (!current || current.legalHold) return false;
    const entry = auditFor(audit, tenantId, id);
    this.submissions.delete(id);
    this.revisionLog.delete(id);
    this.pushAudit(entry);
    this.addEvents(events);
    return true;
  }

  async emitEvents(events: OutboxEvent[]): Promise<OutboxEvent[]> {
    return clone(this.addEvents(events));
  }

  async claimDeliveries(now: string, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    return this.outbox.claim(now, limit, leaseMs, randomUUID);
  }

  async completeDelivery(id: string, claimToken: string, outcome: DeliveryOutcome): Promise<boolean> {
    return this.outbox.complete(id, claimToken, outcome) !== undefined;
  }

  async completeDeliveries(completions: readonly DeliveryCompletion[]): Promise<boolean[]> {
    return completions.map((c) => this.outbox.complete(c.id, c.claimToken, c.outcome) !== undefined);
  }

  async listDeliveries(tenantId: string, filter: DeliveryFilter): Promise<{ items: Delivery[]; nextCursor?: string }> {
    return this.outbox.list(tenantId, filter);
  }

  async retryDelivery(tenantId: string, id: string, now: string): Promise<Delivery | undefined> {
    return this.outbox.retry(tenantId, id, now);
  }

  async saveSubscription(subscription: WebhookSubscription): Promise<WebhookSubscription> {
    return this.outbox.saveSubscription(subscription);
  }

  async listSubscriptions(tenantId: string): Promise<WebhookSubscription[]> {
    return this.outbox.subscriptionsOf(tenantId);
  }

  async deleteSubscription(tenantId: string, id: string): Promise<boolean> {
    return this.outbox.deleteSubscription(tenantId, id);
  }

  async archivedRevision(tenantId: string, submissionId: string): Promise<number | undefined> {
    return this.outbox.archivedRevision(tenantId, submissionId);
  }

  /** Nothing outside this process can change the array, so the chain is whole by construction; counts the entries. */
  async verifyAudit(): Promise<AuditVerification> {
    return { ok: true, checked: this.auditLog.length };
  }

  async health(): Promise<StoreHealth> {
    return { ok: this.healthy, store: this.name, details: { submissions: this.submissions.size } };
  }

  /** Tenant scoping: another tenant's id reads exactly like an absent one. */
  private owned(tenantId: string, id: string): Submission | undefined {
    const found = this.submissions.get(id);
    return found?.tenantId === tenantId ? found : undefined;
  }

  private addEvents(events: readonly OutboxEvent[] | undefined): OutboxEvent[] {
    return events?.length ? this.outbox.addEvents(clone(events), () => randomUUID()).events : [];
  }

  private pushAudit(entry: AuditEntry): AuditEntry {
    this.auditLog.push({ seq: this.auditLog.length, entry });
    return entry;
  }
}

export function createMemoryStore(): MemorySubmissionStore {
  return new MemorySubmissionStore();
}
