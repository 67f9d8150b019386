import type { CaseContext, CaseFilter, CaseRecord, Locale, PrefillResult } from '@skema/core';
import type { SubmissionActor } from '../actor.js';
import { createSubmission, type CreateInput } from '../create.js';
import type { ExpectedRevision } from '../preconditions.js';
import type { CreatedSubmission } from '../write-result.js';
import type { CasesDeps } from './case-deps.js';
import { caseClosed } from './case-errors.js';
import { contextOf, contextOfSubmission, listCases, prefillFor, readCase, type CaseListPage } from './case-reads.js';
import { worklist, type WorklistItem, type WorklistOptions } from './worklist.js';
import {
  attachSubmissions,
  closeCase,
  createCase,
  loadCase,
  updateCase,
  type CaseCreateInput,
  type CaseUpdateInput,
} from './case-writes.js';

/**
 * The case use cases, free of HTTP: a case (sag) about one borger, its team and its submissions;
 * the context cross-form rules read; prefill. Writes take the revision they expect, as
 * submissions do. Pass `caseContextOf(cases)` as `SubmissionsDeps.caseContext` so a submission
 * in a case is validated with its case.
 */
export class Cases {
  constructor(private readonly deps: CasesDeps) {}

  create(actor: SubmissionActor, input: CaseCreateInput): Promise<CaseRecord> {
    return createCase(this.deps, actor, input);
  }

  get(actor: SubmissionActor, id: string): Promise<CaseRecord> {
    return readCase(this.deps, actor, id);
  }

  list(actor: SubmissionActor, filter: CaseFilter): Promise<CaseListPage> {
    return listCases(this.deps, actor, filter);
  }

  update(actor: SubmissionActor, id: string, input: CaseUpdateInput, expected: ExpectedRevision): Promise<CaseRecord> {
    return updateCase(this.deps, actor, id, input, expected);
  }

  close(actor: SubmissionActor, id: string, expected: ExpectedRevision): Promise<CaseRecord> {
    return closeCase(this.deps, actor, id, expected);
  }

  attach(
    actor: SubmissionActor,
    id: string,
    submissionIds: readonly string[],
    expected: ExpectedRevision,
  ): Promise<CaseRecord> {
    return attachSubmissions(this.deps, actor, id, submissionIds, expected);
  }

  /**
   * Creates a submission in an open case, validated with the case (cross-form rules), then
   * attaches it. Two writes: should the attach fail (the case changed meanwhile) the submission
   * stays, unattached, and the error says so; attaching it again is safe.
   */
  async createSubmission(
    actor: SubmissionActor,
    id: string,
    input: Omit<CreateInput, 'caseContext'>,
    locale: Locale,
  ): Promise<CreatedSubmission & { case: CaseRecord }> {
    const record = await loadCase(this.deps, actor, id);
    if (record.status === 'closed') throw caseClosed();
    const created = await createSubmission(
      this.deps,
      actor,
      { ...input, caseContext: await contextOf(this.deps, record) },
      locale,
    );
    const attached =
      created.replayed && record.submissions.some((m) => m.submissionId === created.submission.id)
        ? record
        : await this.attach(actor, id, [created.submission.id], 'any');
    return { ...created, case: attached };
  }

  /** The case as a validation of new data in it sees it (for the validate endpoint's `caseId`). */
  async context(actor: SubmissionActor, id: string): Promise<CaseContext> {
    return contextOf(this.deps, await loadCase(this.deps, actor, id));
  }

  /** The derived deadlines of the actor's open cases, not met yet, soonest first (`GET /worklist`). */
  worklist(actor: SubmissionActor, locale: Locale, options: WorklistOptions = {}): Promise<WorklistItem[]> {
    return worklist(this.deps, actor, locale, options);
  }

  /** A stored submission's case as its rules see it (for `SubmissionsDeps.caseContext`). */
  contextOfSubmission(tenantId: string, submissionId: string): Promise<CaseContext | undefined> {
    return contextOfSubmission(this.deps, tenantId, submissionId);
  }

  prefill(
    actor: SubmissionActor,
    id: string,
    formId: string,
    version = 'latest',
  ): Promise<PrefillResult & { formId: string; version: string }> {
    return prefillFor(this.deps, actor, id, formId, version);
  }
}

/** `SubmissionsDeps.caseContext` for a case store: a stored submission's case as its rules see it. */
export function caseContextOf(
  deps: CasesDeps,
): (tenantId: string, submissionId: string) => Promise<CaseContext | undefined> {
  return (tenantId, submissionId) => contextOfSubmission(deps, tenantId, submissionId);
}
