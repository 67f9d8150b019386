import type { ApprovalTransitions, LocalizedText, SubmissionStatus } from '@skema/core';
import type { SubmissionActor } from './actor.js';
import { approvalsOf } from './approvals.js';
import { approveSubmission, type ApprovalInput, type ApprovalResult } from './approve.js';
import type { SubmissionsDeps } from './deps.js';
import { GuardDeniedError, SubmissionError, ValidationFailedError } from './errors.js';
import type { ExpectedRevision } from './preconditions.js';
import { changeStatus } from './status.js';

/** What a plugin's approval transition made of an approval: the status reached, or why it stayed. */
export type ApprovalTransitionOutcome =
  | { name: string; to: SubmissionStatus; moved: true }
  | { name: string; to: SubmissionStatus; moved: false; code: string; reason: LocalizedText };

export interface ApprovalWithTransition extends ApprovalResult {
  /** Present when a plugin declares that this approval moves the submission (`SkemaPlugin.approvalTransitions`). */
  transition?: ApprovalTransitionOutcome;
}

/**
 * Records the person's approval and, when a plugin declares an approval transition for the form,
 * status and role (FRL-03: the plan's «Godkend»), moves the submission on through the status
 * graph, its validation and its guards, as its own `status` revision (audited with `byApproval`).
 * When the guards refuse or the data is incomplete the approval stays recorded and the outcome
 * says why. The move is tried again when the same approval is repeated (an approval given on the
 * draft moves the plan once it is submitted).
 */
export async function approveWithTransition(
  deps: SubmissionsDeps,
  transitions: ApprovalTransitions,
  actor: SubmissionActor,
  id: string,
  input: ApprovalInput,
  expected: ExpectedRevision,
): Promise<ApprovalWithTransition> {
  const approved = await approveSubmission(deps, actor, id, input, expected);
  const current = approved.submission;
  if (input.decision !== 'approved') return approved;
  const transition = transitions.find(current.formId, current.status, input.role);
  if (!transition) return approved;
  // Only an approval the person holds now moves it (the no-op repeat included).
  if (!approvalsOf(current).some((a) => a.kind === 'person' && a.actorId === actor.id && a.role === input.role))
    return approved;
  try {
    const moved = await changeStatus(deps, actor, id, transition.to, current.revision, 'da', transition.name);
    if (moved.submission.status !== transition.to) {
      const pending = moved.pendingApprovals.join(', ');
      const reason = { da: `Afventer godkendelse fra: ${pending}.`, en: `Awaiting approval from: ${pending}.` };
      return {
        ...approved,
        submission: moved.submission,
        transition: { name: transition.name, to: transition.to, moved: false, code: 'approval-pending', reason },
      };
    }
    return {
      ...approved,
      submission: moved.submission,
      transition: { name: transition.name, to: transition.to, moved: true },
    };
  } catch (e) {
    if (e instanceof GuardDeniedError)
      return {
        ...approved,
        transition: { name: transition.name, to: transition.to, moved: false, code: e.ruleCode, reason: e.detail },
      };
    if (e instanceof ValidationFailedError)
      return {
        ...approved,
        transition: { name: transition.name, to: transition.to, moved: false, code: e.code, reason: e.detail },
      };
    // Another write in between: the approval stands; repeating it tries the move again.
    if (e instanceof SubmissionError && (e.code === 'precondition-failed' || e.code === 'revision-conflict'))
      return approved;
    throw e;
  }
}
