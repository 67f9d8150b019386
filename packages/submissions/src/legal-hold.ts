import { scrubText, type Submission } from '@skema/core';
import type { SubmissionActor } from './actor.js';
import type { SubmissionsDeps } from './deps.js';
import { InvalidInputError } from './errors.js';
import { writeCurrent, type ExpectedRevision } from './preconditions.js';
import { auditEntry } from './records.js';

export interface LegalHoldInput {
  hold: boolean;
  /** Why: kept in the audit log, so a case or court reference, never personal data. */
  reason: string;
}

/**
 * Sets or releases a legal hold, which keeps the submission from deletion by retention (spec
 * Q17). Recorded as a revision with action `legal-hold` (no content change, so it neither restarts
 * the retention period nor voids approvals) and an audit entry; asking for the hold the
 * submission already has changes nothing.
 */
export async function setLegalHold(
  deps: SubmissionsDeps,
  actor: SubmissionActor,
  id: string,
  input: LegalHoldInput,
  expected: ExpectedRevision,
): Promise<Submission> {
  const { hold, reason } = input;
  // The reason goes to the audit log, which must hold no personal data.
  if (scrubText(reason) !== reason) {
    throw new InvalidInputError('/reason', 'personal-data', {
      da: '/reason må ikke indeholde et CPR-nummer; skriv en sags- eller retsreference.',
      en: '/reason must not contain a CPR number; give a case or court reference.',
    });
  }
  return writeCurrent(deps.store, actor.tenantId, id, expected, async (current, revision) => {
    if ((current.legalHold ?? false) === hold) return current;
    const at = deps.now().toISOString();
    return deps.store.update(
      actor.tenantId,
      current.id,
      {
        expectedRevision: revision,
        legalHold: hold,
        receipt: current.receipt,
        action: 'legal-hold',
        changes: [],
        by: actor.id,
        at,
      },
      auditEntry(actor, at, 'legal-hold', current.id, { legalHold: hold, reason, revision: revision + 1 }),
    );
  });
}
