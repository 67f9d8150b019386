import type { AuditFilter, Locale, Submission, SubmissionFilter, SubmissionRevision, SubmissionStatus } from '@skema/core';
import type { SubmissionActor } from './actor.js';
import { createSubmission, type CreateInput } from './create.js';
import type { SubmissionsDeps } from './deps.js';
import { setLegalHold, type LegalHoldInput } from './legal-hold.js';
import { migrateSubmissionTo } from './migrate.js';
import type { ExpectedRevision } from './preconditions.js';
import { SubmissionReads, type AuditPage, type SubmissionListPage } from './reads.js';
import { SensitiveAccess } from './sensitive-access.js';
import { changeStatus } from './status.js';
import { updateSubmission, type UpdateInput } from './update.js';
import type { CreatedSubmission, SubmissionWrite } from './write-result.js';

/**
 * The submission use cases, free of HTTP: each validates, guards, builds the record, its revision
 * and audit entry, and stores them, or throws a `SubmissionError`. Writes to an existing
 * submission take the revision they expect (`ExpectedRevision`). Built once per app (or CLI run).
 */
export class Submissions {
  private readonly reads: SubmissionReads;

  constructor(private readonly deps: SubmissionsDeps) {
    this.reads = new SubmissionReads(deps, new SensitiveAccess(deps));
  }

  create(actor: SubmissionActor, input: CreateInput, locale: Locale): Promise<CreatedSubmission> {
    return createSubmission(this.deps, actor, input, locale);
  }

  update(actor: SubmissionActor, id: string, input: UpdateInput, expected: ExpectedRevision, locale: Locale): Promise<SubmissionWrite> {
    return updateSubmission(this.deps, actor, id, input, expected, locale);
  }

  changeStatus(actor: SubmissionActor, id: string, to: SubmissionStatus, expected: ExpectedRevision, locale: Locale): Promise<SubmissionWrite> {
    return changeStatus(this.deps, actor, id, to, expected, locale);
  }

  migrate(actor: SubmissionActor, id: string, version: string, expected: ExpectedRevision, locale: Locale): Promise<SubmissionWrite> {
    return migrateSubmissionTo(this.deps, actor, id, version, expected, locale);
  }

  setLegalHold(actor: SubmissionActor, id: string, input: LegalHoldInput, expected: ExpectedRevision): Promise<Submission> {
    return setLegalHold(this.deps, actor, id, input, expected);
  }

  /** One submission, audited with the categories of sensitive data it discloses. */
  get(actor: SubmissionActor, id: string): Promise<Submission> {
    return this.reads.get(actor, id);
  }

  list(actor: SubmissionActor, filter: SubmissionFilter, listFields?: Readonly<Record<string, readonly string[]>>): Promise<SubmissionListPage> {
    return this.reads.list(actor, filter, listFields);
  }

  revisions(actor: SubmissionActor, id: string): Promise<SubmissionRevision[]> {
    return this.reads.revisions(actor, id);
  }

  auditLog(actor: SubmissionActor, filter: AuditFilter): Promise<AuditPage> {
    return this.reads.auditLog(actor, filter);
  }
}
