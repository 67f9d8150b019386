import type { Locale, Submission } from '@skema/core';
import type { SubmissionActor } from './actor.js';
import type { SubmissionsDeps } from './deps.js';
import { SubmissionConflictError } from './errors.js';
import { writeCurrent, type ExpectedRevision } from './preconditions.js';
import { auditEntry, contentChange } from './records.js';
import { eventsOf } from './events.js';
import { EDITABLE_STATUSES } from './status-graph.js';
import { assertValid, resolveForm, validateJudged } from './validation.js';
import { judgeWrite, stampOf } from './reference-date.js';
import type { SubmissionWrite } from './write-result.js';

export interface UpdateInput {
  data: Record<string, unknown>;
  /** Move the submission to another version of its form (recorded as a migration). */
  version?: string | undefined;
}

export function assertEditable(current: Submission, verb: { da: string; en: string }): void {
  if (EDITABLE_STATUSES.has(current.status)) return;
  throw new SubmissionConflictError('not-editable', {
    da: `En indsendelse med status ${current.status} kan ikke ${verb.da}.`,
    en: `A submission with status ${current.status} cannot be ${verb.en}.`,
  });
}

/** Replaces the data (optionally under another version); a content change, so it voids recorded approvals. */
export async function updateSubmission(
  deps: SubmissionsDeps,
  actor: SubmissionActor,
  id: string,
  input: UpdateInput,
  expected: ExpectedRevision,
  locale: Locale,
): Promise<SubmissionWrite> {
  return writeCurrent(deps.store, actor.tenantId, id, expected, async (current, revision) => {
    assertEditable(current, { da: 'ændres', en: 'changed' });
    const form = resolveForm(deps, actor.tenantId, current.formId, input.version ?? current.version);
    // Judged on the stamped date; the stamped field keeps it (reference-date.ts). A record stamped
    // before stamps were kept in receipts gets its stamp now, overwriting what the field held.
    const judged = judgeWrite(
      form,
      input.data,
      await stampOf(deps.store, current),
      current.status,
      deps.now(),
      current.receipt.referenceDate !== undefined,
    );
    const validation = await validateJudged(deps, form, judged, current.status, actor, locale, {
      submissionId: current.id,
    });
    assertValid(validation);
    const version = form.manifest.version;
    const action = version === current.version ? 'update' : 'migrate';
    const at = deps.now().toISOString();
    const submission = await deps.store.update(
      actor.tenantId,
      current.id,
      {
        ...contentChange(
          current,
          revision,
          { action, version, data: judged.data, receipt: validation.receipt },
          actor,
          at,
        ),
        events: eventsOf(action, current, { ...current, version, revision: revision + 1 }, at),
      },
      auditEntry(actor, at, action, current.id, { revision: revision + 1, version }),
    );
    return { submission, validation, pendingApprovals: [] };
  });
}
