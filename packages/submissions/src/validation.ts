import type { CaseAttachment, CaseContext, FormVersion, Locale, SubmissionStatus, ValidationResult } from '@skema/core';
import type { SubmissionActor } from './actor.js';
import type { SubmissionsDeps } from './deps.js';
import { ValidationFailedError } from './errors.js';
import { judgedDateOption, withStamp, type JudgedWrite } from './reference-date.js';

/** The tenant's effective form: the base version with the tenant's overlay, or the tenant's own form. */
export function resolveForm(deps: SubmissionsDeps, tenantId: string, formId: string, version: string): FormVersion {
  return deps.forms().resolve(tenantId, formId, version);
}

/** Which case the data is validated in: a stored submission's (looked up) or one given (a create in a case). */
export type InCase = { submissionId: string } | { context: CaseContext };

/**
 * Drafts are checked for types and formats only; every other status for everything. `judged`: the
 * date the rules judge (the submission's stamp, `null` before its first submission; reference-date.ts).
 */
export async function validateFor(
  deps: SubmissionsDeps,
  form: FormVersion,
  data: unknown,
  status: SubmissionStatus,
  actor: SubmissionActor,
  locale: Locale,
  now = deps.now(),
  inCase?: InCase,
  judged?: { referenceDate: string | null },
): Promise<ValidationResult> {
  const context =
    inCase === undefined
      ? undefined
      : 'context' in inCase
        ? inCase.context
        : await deps.caseContext?.(actor.tenantId, inCase.submissionId);
  const attachments = await ownAttachments(deps, actor.tenantId, status, inCase);
  return deps.validator.validate(form, data, {
    locale,
    mode: status === 'draft' ? 'draft' : 'submitted',
    tenant: actor,
    now,
    ...(context ? { case: context } : {}),
    ...(attachments ? { attachments } : {}),
    ...judged,
  });
}

/** A write's validation on its judged date (reference-date.ts): the stamp in the receipt, a refused change among the errors. */
export async function validateJudged(
  deps: SubmissionsDeps,
  form: FormVersion,
  judged: JudgedWrite,
  status: SubmissionStatus,
  actor: SubmissionActor,
  locale: Locale,
  inCase?: InCase,
): Promise<ValidationResult> {
  const validation = await validateFor(
    deps,
    form,
    judged.data,
    status,
    actor,
    locale,
    deps.now(),
    inCase,
    judgedDateOption(judged),
  );
  return withStamp(validation, judged, locale);
}

/**
 * The validated submission's own attachments: a stored one's from the attachment store, none for
 * one being created (it has no id to upload to yet), unknown without an attachment store. Drafts
 * run no rules, so they are not read.
 */
async function ownAttachments(
  deps: SubmissionsDeps,
  tenantId: string,
  status: SubmissionStatus,
  inCase: InCase | undefined,
): Promise<readonly CaseAttachment[] | undefined> {
  if (status === 'draft' || !deps.attachmentsOf) return undefined;
  if (inCase !== undefined && 'submissionId' in inCase)
    return deps.attachmentsOf(tenantId, { kind: 'submission', id: inCase.submissionId });
  return [];
}

export function assertValid(result: ValidationResult): void {
  if (!result.valid) throw new ValidationFailedError(result);
}
