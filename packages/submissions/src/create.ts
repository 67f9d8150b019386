import { randomUUID } from 'node:crypto';
import { contentHash, type CaseContext, type Locale, type NewSubmission, type SubmissionStatus } from '@skema/core';
import type { SubmissionActor } from './actor.js';
import { personOf } from './approve.js';
import type { SubmissionsDeps } from './deps.js';
import { GuardDeniedError, SubmissionConflictError } from './errors.js';
import { assertAnyRole, TRANSITION_ROLES } from './status-graph.js';
import { eventsOf } from './events.js';
import { assertValid, resolveForm, validateFor, validateJudged } from './validation.js';
import { judgeWrite } from './reference-date.js';
import { submissionAt, type CreatedSubmission } from './write-result.js';

export interface CreateInput {
  formId: string;
  /** Exact version, `latest` or a semver range. */
  version: string;
  status: Extract<SubmissionStatus, 'draft' | 'submitted'>;
  data: Record<string, unknown>;
  /** A retry with the same key (and the same input) gets the first result; with other input it is refused. */
  idempotencyKey?: string | undefined;
  /** Validate in this case (the case use cases create a submission in a case with it). */
  caseContext?: CaseContext | undefined;
}

/** With a submitted status, the form's guards for `submitted` apply (e.g. a co-signature). */
function guardSubmitted(deps: SubmissionsDeps, actor: SubmissionActor, input: CreateInput, version: string): void {
  if (input.status !== 'submitted') return;
  assertAnyRole(actor, TRANSITION_ROLES.submitted);
  const decision = deps.guards.decide({
    formId: input.formId,
    version,
    from: null,
    to: 'submitted',
    data: input.data,
    actor,
    approvals: [],
  });
  if (decision.outcome === 'deny') throw new GuardDeniedError(decision.code, decision.reason);
  // An approval is recorded on a stored submission, so one a guard asks for (a co-signature) needs a draft first.
  if (decision.outcome === 'approve') {
    throw new SubmissionConflictError('invalid-transition', {
      da: 'Opret som kladde og skift derefter status.',
      en: 'Create a draft, then change its status.',
    });
  }
}

/** Validates, guards and stores a new submission (revision 1); an idempotent retry gets the first result back. */
export async function createSubmission(
  deps: SubmissionsDeps,
  actor: SubmissionActor,
  input: CreateInput,
  locale: Locale,
): Promise<CreatedSubmission> {
  const form = resolveForm(deps, actor.tenantId, input.formId, input.version);
  // Created as submitted: the platform stamps the date it received the submission (reference-date.ts).
  const judged = judgeWrite(form, input.data, undefined, input.status, deps.now(), true);
  const inCase = input.caseContext ? { context: input.caseContext } : undefined;
  const validation = await validateJudged(deps, form, judged, input.status, actor, locale, inCase);
  assertValid(validation);
  guardSubmitted(deps, actor, input, form.manifest.version);

  const at = deps.now().toISOString();
  const record: NewSubmission = {
    id: randomUUID(),
    tenantId: actor.tenantId,
    formId: form.manifest.id,
    version: form.manifest.version,
    status: input.status,
    data: judged.data,
    receipt: validation.receipt,
    by: actor.id,
    at,
  };
  record.events = eventsOf('create', undefined, { ...record, revision: 1 }, at);
  const audit = {
    tenantId: actor.tenantId,
    at,
    actor: actor.id,
    action: 'create' as const,
    submissionId: record.id,
    // The person's name (an employee's) lets the submission list name its creator.
    details: {
      formId: record.formId,
      version: record.version,
      status: record.status,
      revision: 1,
      ...personOf(actor),
      ...(judged.stamp ? { referenceDate: judged.stamp } : {}),
    },
  };
  const requestHash = contentHash({
    formId: input.formId,
    version: input.version,
    status: input.status,
    data: input.data,
  });
  const key = input.idempotencyKey;
  const created = await deps.store.create(record, audit, key !== undefined ? { key, requestHash } : undefined);
  if (created.created) return { submission: created.submission, validation, pendingApprovals: [], replayed: false };

  if (created.idempotency.requestHash !== requestHash) {
    throw new SubmissionConflictError('idempotency-key-reused', {
      da: 'Denne Idempotency-Key er allerede brugt til en anden forespørgsel.',
      en: 'This Idempotency-Key was already used for a different request.',
    });
  }
  // A retry gets the first result: the submission as created, with the warnings it had then.
  const first = (await deps.store.revisions(actor.tenantId, created.submission.id))[0];
  if (!first) throw new Error('idempotent replay: the first revision is missing');
  const original = submissionAt(actor.tenantId, first, created.submission.createdAt, created.submission.createdBy);
  const firstForm = resolveForm(deps, actor.tenantId, original.formId, original.version);
  const replayed = await validateFor(
    deps,
    firstForm,
    original.data,
    original.status,
    actor,
    locale,
    new Date(first.receipt.validatedAt),
    undefined,
    { referenceDate: first.receipt.referenceDate ?? null },
  );
  return {
    submission: original,
    validation: { ...replayed, receipt: first.receipt },
    pendingApprovals: [],
    replayed: true,
  };
}
