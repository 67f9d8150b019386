import {
  ApprovalTransitions,
  type AuditFilter,
  type Locale,
  type Submission,
  type SubmissionFilter,
  type SubmissionRevision,
  type SubmissionStatus,
} from '@skema/core';
import type { SubmissionActor } from './actor.js';
import { approveWithTransition, type ApprovalWithTransition } from './approval-move.js';
import type { ApprovalInput } from './approve.js';
import { assignSubmission, type AssignInput } from './assign.js';
import { createSubmission, type CreateInput } from './create.js';
import { readForDocument, type DocumentSource } from './document-read.js';
import type { SubmissionsDeps } from './deps.js';
import { setLegalHold, type LegalHoldInput } from './legal-hold.js';
import { migrateSubmissionTo } from './migrate.js';
import type { ExpectedRevision } from './preconditions.js';
import { SubmissionReads, type AuditPage, type SubmissionListPage } from './reads.js';
import { SensitiveAccess } from './sensitive-access.js';
import { changeStatus } from './status.js';
import { updateSubmission, type UpdateInput } from './update.js';
import { SubmissionVisibility } from './visibility.js';
import type { CreatedSubmission, SubmissionWrite } from './write-result.js';

/**
 * The submission use cases, free of HTTP: each validates, guards, builds the record, its revision
 * and audit entry, and stores them, or throws a `SubmissionError`. Writes to an existing
 * submission take the revision they expect (`ExpectedRevision`). Built once per app (or CLI run).
 */
export class Submissions {
  private readonly reads: SubmissionReads;
  /** Need-to-know access: a submission the actor may not see is absent to every use case. */
  readonly visibility: SubmissionVisibility;

  private readonly sensitive: SensitiveAccess;

  /** The plugins' approval transitions (e.g. a plan approved by its approval). */
  private readonly approvalTransitions: ApprovalTransitions;

  constructor(private readonly deps: SubmissionsDeps) {
    this.approvalTransitions = ApprovalTransitions.fromPlugins(deps.plugins);
    this.visibility = new SubmissionVisibility(deps);
    this.sensitive = new SensitiveAccess(deps);
    this.reads = new SubmissionReads(deps, this.sensitive, this.visibility);
  }

  /** A revision (default the current one) for its case document, audited with the sensitive categories it discloses. */
  forDocument(actor: SubmissionActor, id: string, revision?: number): Promise<DocumentSource> {
    // Need-to-know: a submission the actor may not see reads as absent, as in `get`.
    return readForDocument(this.deps, this.sensitive, (a, i) => this.visibility.load(a, i), actor, id, revision);
  }

  /** The dependencies as the actor sees them: submissions they may not see are absent (need-to-know). */
  private as(actor: SubmissionActor): SubmissionsDeps {
    return actor.kind === 'person' ? { ...this.deps, store: this.visibility.storeFor(actor) } : this.deps;
  }

  create(actor: SubmissionActor, input: CreateInput, locale: Locale): Promise<CreatedSubmission> {
    return createSubmission(this.deps, actor, input, locale);
  }

  update(
    actor: SubmissionActor,
    id: string,
    input: UpdateInput,
    expected: ExpectedRevision,
    locale: Locale,
  ): Promise<SubmissionWrite> {
    return updateSubmission(this.as(actor), actor, id, input, expected, locale);
  }

  changeStatus(
    actor: SubmissionActor,
    id: string,
    to: SubmissionStatus,
    expected: ExpectedRevision,
    locale: Locale,
  ): Promise<SubmissionWrite> {
    return changeStatus(this.as(actor), actor, id, to, expected, locale);
  }

  migrate(
    actor: SubmissionActor,
    id: string,
    version: string,
    expected: ExpectedRevision,
    locale: Locale,
  ): Promise<SubmissionWrite> {
    return migrateSubmissionTo(this.as(actor), actor, id, version, expected, locale);
  }

  setLegalHold(
    actor: SubmissionActor,
    id: string,
    input: LegalHoldInput,
    expected: ExpectedRevision,
  ): Promise<Submission> {
    return setLegalHold(this.as(actor), actor, id, input, expected);
  }

  /** A signed-in person approves or rejects in one of their roles (see `approveSubmission`). */
  approve(
    actor: SubmissionActor,
    id: string,
    input: ApprovalInput,
    expected: ExpectedRevision,
  ): Promise<ApprovalWithTransition> {
    return approveWithTransition(this.as(actor), this.approvalTransitions, actor, id, input, expected);
  }

  /** A leder sets who is assigned to the submission (need-to-know access). */
  assign(actor: SubmissionActor, id: string, input: AssignInput, expected: ExpectedRevision): Promise<Submission> {
    return assignSubmission(this.as(actor), actor, id, input, expected);
  }

  /** One submission, audited with the categories of sensitive data it discloses. */
  get(actor: SubmissionActor, id: string): Promise<Submission> {
    return this.reads.get(actor, id);
  }

  /** `text`: a search over what the list shows the caller (kvitteringsnummer, form title, case, the policy's visible fields). */
  list(
    actor: SubmissionActor,
    filter: SubmissionFilter,
    listFields?: Readonly<Record<string, readonly string[]>>,
    text?: string,
  ): Promise<SubmissionListPage> {
    return this.reads.list(actor, filter, listFields, text);
  }

  revisions(actor: SubmissionActor, id: string): Promise<SubmissionRevision[]> {
    return this.reads.revisions(actor, id);
  }

  auditLog(actor: SubmissionActor, filter: AuditFilter): Promise<AuditPage> {
    return this.reads.auditLog(actor, filter);
  }
}
