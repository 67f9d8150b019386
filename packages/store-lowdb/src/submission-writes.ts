import type { AuditEntry, CreateResult, NewSubmission, OutboxEvent, Submission, SubmissionChange } from '@skema/core';
import { DuplicateSubmissionError, NotFoundError, RevisionConflictError } from '@skema/core';
import type { AuditLine } from './audit-log.js';
import type { SubmissionDoc } from './doc.js';
import { assertSafeId, docPath } from './doc.js';
import { KeyedMutex } from './mutex.js';
import { auditFor, changedSubmission, newSubmission } from './records.js';
import { entryFromDoc } from './startup.js';
import type { StoreParts } from './store-parts.js';
import type { SubmissionReads } from './submission-reads.js';

type IdempotencyClaim = { key: string; requestHash: string };

/** Submission writes: one at a time per id, each file committed behind its audit intent, then indexed. */
export class SubmissionWrites {
  private readonly mutex = new KeyedMutex();

  constructor(
    private readonly parts: StoreParts,
    private readonly reads: SubmissionReads,
  ) {}

  async create(
    input: NewSubmission,
    audit: Omit<AuditEntry, 'id'>,
    idempotency?: IdempotencyClaim,
  ): Promise<CreateResult> {
    assertSafeId(input.id);
    const attempt = (): Promise<CreateResult> =>
      this.mutex.run(`id:${input.id}`, () => this.createLocked(input, audit, idempotency));
    if (!idempotency) return attempt();
    // Same tenant + key run one at a time, so a retry racing the original sees its result.
    return this.mutex.run(`key:${input.tenantId}\u0000${idempotency.key}`, async () => {
      const earlier = this.parts.index.findKey(input.tenantId, idempotency.key);
      const doc = earlier ? await this.reads.readDoc(earlier.submissionId) : undefined;
      if (earlier && doc) {
        return {
          created: false,
          submission: doc.submission,
          idempotency: {
            key: idempotency.key,
            tenantId: input.tenantId,
            requestHash: earlier.requestHash,
            submissionId: earlier.submissionId,
          },
        };
      }
      return attempt();
    });
  }

  update(tenantId: string, id: string, change: SubmissionChange, audit: Omit<AuditEntry, 'id'>): Promise<Submission> {
    return this.mutex.run(`id:${id}`, async () => {
      const doc = await this.reads.readOwned(tenantId, id);
      if (!doc) throw new NotFoundError(`Submission ${id} not found`);
      const stored = doc.submission.revision;
      if (stored !== change.expectedRevision) throw new RevisionConflictError(change.expectedRevision, stored);
      const { submission, revision } = changedSubmission(doc.submission, change);
      const line: AuditLine = { seq: this.parts.writer.nextSeq(), intent: 'write', e: auditFor(audit, tenantId, id) };
      const next: SubmissionDoc = {
        ...doc,
        submission,
        revisions: [...doc.revisions, revision],
        journal: [...doc.journal, { revision: submission.revision, seq: line.seq, auditId: line.e.id }],
      };
      await this.commit(next, line, change.events);
      return submission;
    });
  }

  delete(tenantId: string, id: string, audit: Omit<AuditEntry, 'id'>, events?: OutboxEvent[]): Promise<boolean> {
    return this.mutex.run(`id:${id}`, async () => {
      const doc = await this.reads.readOwned(tenantId, id);
      if (!doc || doc.submission.legalHold) return false;
      const line: AuditLine = { seq: this.parts.writer.nextSeq(), intent: 'delete', e: auditFor(audit, tenantId, id) };
      const prepared = this.parts.outbox.prepare(line.e.id, 'delete', id, events);
      try {
        await this.parts.writer.removeFile(docPath(this.parts.dataDir, id), line, prepared?.written);
      } catch (e) {
        this.parts.outbox.aborted(prepared);
        throw e;
      }
      this.parts.outbox.committed(prepared);
      this.parts.index.remove(id);
      return true;
    });
  }

  private async createLocked(
    input: NewSubmission,
    audit: Omit<AuditEntry, 'id'>,
    idempotency?: IdempotencyClaim,
  ): Promise<CreateResult> {
    if (this.parts.index.get(input.id)) throw new DuplicateSubmissionError(input.id);
    const { submission, revision } = newSubmission(input);
    const line: AuditLine = {
      seq: this.parts.writer.nextSeq(),
      intent: 'write',
      e: auditFor(audit, input.tenantId, input.id),
    };
    const doc: SubmissionDoc = {
      format: 1,
      submission,
      revisions: [revision],
      journal: [{ revision: 1, seq: line.seq, auditId: line.e.id }],
      ...(idempotency ? { idempotency: { key: idempotency.key, requestHash: idempotency.requestHash } } : {}),
    };
    await this.commit(doc, line, input.events);
    if (idempotency) {
      this.parts.index.setKey(input.tenantId, idempotency.key, {
        submissionId: input.id,
        requestHash: idempotency.requestHash,
      });
    }
    return { created: true, submission };
  }

  /** Commits the file behind its audit intent and its outbox events (both durable before the rename). */
  private async commit(doc: SubmissionDoc, line: AuditLine, events: OutboxEvent[] | undefined): Promise<void> {
    const prepared = this.parts.outbox.prepare(line.e.id, 'write', doc.submission.id, events);
    let stamp;
    try {
      stamp = await this.parts.writer.writeFile(
        docPath(this.parts.dataDir, doc.submission.id),
        doc,
        line,
        prepared?.written,
      );
    } catch (e) {
      // After the commit point the outcome is uncertain (the writer stopped): the next start settles it.
      if (!this.parts.writer.failure) this.parts.outbox.aborted(prepared);
      throw e;
    }
    this.parts.outbox.committed(prepared);
    this.parts.index.upsert(entryFromDoc(doc, stamp));
  }
}
