import { scrubText, type Submission } from '@skema/core';
import type { SubmissionActor } from './actor.js';
import { approvalsOf, isPerson, withApproval } from './approvals.js';
import type { SubmissionsDeps } from './deps.js';
import {
  AlreadyApprovedError,
  InvalidInputError,
  PersonRequiredError,
  RoleRequiredError,
  SubmissionConflictError,
} from './errors.js';
import { writeCurrent, type ExpectedRevision } from './preconditions.js';
import { auditEntry } from './records.js';
import { EDITABLE_STATUSES } from './status-graph.js';

/** The roles an approval can be given in: those that take professional decisions (an admin takes none). */
export const APPROVAL_ROLES: readonly string[] = ['caseworker', 'fagkonsulent', 'leder'];

export interface ApprovalInput {
  /** The role the person approves in; they must hold it. */
  role: string;
  decision: 'approved' | 'rejected';
  /** Kept on the approval and in the revision; no CPR numbers. */
  comment?: string | undefined;
}

export interface ApprovalResult {
  submission: Submission;
  /** False when the person had given this very approval already (nothing stored). */
  recorded: boolean;
}

const MAX_COMMENT = 2000;

function assertApprover(actor: SubmissionActor, input: ApprovalInput): void {
  if (!isPerson(actor)) throw new PersonRequiredError();
  if (!APPROVAL_ROLES.includes(input.role) || !actor.roles.includes(input.role))
    throw new RoleRequiredError([input.role]);
  const comment = input.comment;
  if (comment !== undefined && (comment.length > MAX_COMMENT || scrubText(comment) !== comment)) {
    throw new InvalidInputError('/comment', 'personal-data', {
      da: `/comment må højst have ${MAX_COMMENT} tegn og ingen CPR-numre.`,
      en: `/comment must have at most ${MAX_COMMENT} characters and no CPR numbers.`,
    });
  }
}

/**
 * A signed-in person approves (or rejects) a submission in one of their roles: recorded on the
 * submission and a revision with action `approval` (the person's subject, name, role, time,
 * decision), status and data unchanged. The form's transition guards read these approvals when the
 * status changes. The same approval again is a no-op (`recorded: false`, safe to retry); the same
 * person approving in a second role is refused (`AlreadyApprovedError`): one person counts once.
 */
export async function approveSubmission(
  deps: SubmissionsDeps,
  actor: SubmissionActor,
  id: string,
  input: ApprovalInput,
  expected: ExpectedRevision,
): Promise<ApprovalResult> {
  assertApprover(actor, input);
  return writeCurrent(deps.store, actor.tenantId, id, expected, async (current, revision) => {
    if (!EDITABLE_STATUSES.has(current.status)) {
      throw new SubmissionConflictError('not-editable', {
        da: `En indsendelse med status ${current.status} kan ikke godkendes.`,
        en: `A submission with status ${current.status} cannot be approved.`,
      });
    }
    const mine = approvalsOf(current).filter((a) => a.kind === 'person' && a.actorId === actor.id);
    if (mine.some((a) => a.role === input.role && a.decision === input.decision))
      return { submission: current, recorded: false };
    const other = mine.find((a) => a.role !== input.role);
    if (other) throw new AlreadyApprovedError(other.role);
    const at = deps.now().toISOString();
    const approvals = withApproval(
      approvalsOf(current).filter((a) => !(a.actorId === actor.id && a.role === input.role)),
      actor,
      input.role,
      input.decision,
      at,
      revision + 1,
      input.comment,
    );
    const submission = await deps.store.update(
      actor.tenantId,
      current.id,
      {
        expectedRevision: revision,
        receipt: current.receipt,
        action: 'approval',
        changes: [],
        approvals,
        by: actor.id,
        at,
      },
      auditEntry(actor, at, 'approval', current.id, {
        role: input.role,
        decision: input.decision,
        revision: revision + 1,
        ...personOf(actor),
      }),
    );
    return { submission, recorded: true };
  });
}

/** Who the person is, for audit details: the subject and name (an employee's, never a citizen's). */
export function personOf(actor: SubmissionActor): { person?: { subject: string; name?: string } } {
  if (!isPerson(actor) || !actor.subject) return {};
  return { person: { subject: actor.subject, ...(actor.name ? { name: actor.name } : {}) } };
}
