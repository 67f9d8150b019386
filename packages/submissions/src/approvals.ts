import type { Approval, Submission, SubmissionStatus } from '@skema/core';
import type { SubmissionActor } from './actor.js';

/** The approvals that count on a submission now (none on records stored before approvals were data). */
export const approvalsOf = (submission: Submission): readonly Approval[] => submission.approvals ?? [];

/**
 * The approvals after the actor approves for `decision` in `role` at revision `revision`: one per
 * actor and decision, so an actor who approves again replaces their earlier approval instead of
 * counting twice.
 */
export function withApproval(current: readonly Approval[], actor: SubmissionActor, role: string, decision: SubmissionStatus, at: string, revision: number): Approval[] {
  const approval: Approval = { actorId: actor.id, ...(actor.name ? { actorName: actor.name } : {}), role, at, decision, revision };
  return [...current.filter((a) => a.actorId !== actor.id || a.decision !== decision), approval];
}
