import { scrubText, type Submission } from '@skema/core';
import type { SubmissionActor } from './actor.js';
import type { SubmissionsDeps } from './deps.js';
import { InvalidInputError } from './errors.js';
import { writeCurrent, type ExpectedRevision } from './preconditions.js';
import { auditEntry } from './records.js';
import { assertAnyRole } from './status-graph.js';

export interface AssignInput {
  /** Actor ids of the people assigned (a person's is `oidc:<subject>`); replaces the list, `[]` clears it. */
  assignees: string[];
}

/** Roles that may assign people to a submission. */
export const ASSIGN_ROLES: readonly string[] = ['leder'];
const MAX_ASSIGNEES = 50;

function assertAssignees(assignees: readonly string[]): void {
  const ok =
    assignees.length <= MAX_ASSIGNEES && assignees.every((a) => a.length > 0 && a.length <= 200 && scrubText(a) === a);
  if (!ok) {
    throw new InvalidInputError('/assignees', 'invalid-assignees', {
      da: `/assignees er højst ${MAX_ASSIGNEES} aktør-id'er (fx oidc:<subject>), hvert 1–200 tegn og uden CPR-numre.`,
      en: `/assignees is at most ${MAX_ASSIGNEES} actor ids (e.g. oidc:<subject>), each 1–200 characters and without CPR numbers.`,
    });
  }
}

/**
 * A leder sets the people assigned to a submission: they may then see it (need-to-know). Recorded
 * as a revision with action `assign` (no content change: approvals stay) and an audit entry
 * naming how many, never who beyond the ids; the same list again changes nothing.
 */
export async function assignSubmission(
  deps: SubmissionsDeps,
  actor: SubmissionActor,
  id: string,
  input: AssignInput,
  expected: ExpectedRevision,
): Promise<Submission> {
  assertAnyRole(actor, ASSIGN_ROLES);
  const assignees = [...new Set(input.assignees)];
  assertAssignees(assignees);
  return writeCurrent(deps.store, actor.tenantId, id, expected, async (current, revision) => {
    const before = current.assignees ?? [];
    if (before.length === assignees.length && before.every((a, i) => a === assignees[i])) return current;
    const at = deps.now().toISOString();
    return deps.store.update(
      actor.tenantId,
      current.id,
      {
        expectedRevision: revision,
        receipt: current.receipt,
        action: 'assign',
        changes: [],
        assignees,
        by: actor.id,
        at,
      },
      auditEntry(actor, at, 'assign', current.id, { assignees, revision: revision + 1 }),
    );
  });
}
