import type { Approval, Submission, SubmissionStatus } from '@skema/core';
import type { SubmissionActor } from './actor.js';

/** The approvals recorded on a submission now (none on records stored before approvals were data). */
export const approvalsOf = (submission: Submission): readonly Approval[] => submission.approvals ?? [];

/** Whether the actor is a signed-in person: only people approve or co-sign. */
export const isPerson = (actor: Pick<SubmissionActor, 'kind'>): boolean => actor.kind === 'person';

/**
 * The approvals that count: given by signed-in people (an API key's, or one recorded before
 * approvals were acts of people, is history, not an approval), and one per person, so two
 * approvals by the same person never count as two.
 */
export function countingApprovals(approvals: readonly Approval[]): Approval[] {
  const seen = new Set<string>();
  return approvals.filter((a) => {
    if (a.kind !== 'person') return false;
    const who = a.subject ?? a.actorId;
    if (seen.has(who)) return false;
    seen.add(who);
    return true;
  });
}

/** The approval the actor gives now, as recorded (with the person's subject and name). */
export function approvalBy(
  actor: SubmissionActor,
  role: string,
  decision: SubmissionStatus,
  at: string,
  revision: number,
  comment?: string,
): Approval {
  return {
    actorId: actor.id,
    ...(actor.name ? { actorName: actor.name } : {}),
    role,
    at,
    decision,
    revision,
    kind: actor.kind ?? 'system',
    ...(actor.subject ? { subject: actor.subject } : {}),
    ...(comment ? { comment } : {}),
  };
}

/**
 * The approvals after the actor approves for `decision` in `role` at revision `revision`: one per
 * actor and decision, so an actor who approves again replaces their earlier approval instead of
 * counting twice.
 */
export function withApproval(
  current: readonly Approval[],
  actor: SubmissionActor,
  role: string,
  decision: SubmissionStatus,
  at: string,
  revision: number,
  comment?: string,
): Approval[] {
  const approval = approvalBy(actor, role, decision, at, revision, comment);
  return [...current.filter((a) => a.actorId !== actor.id || a.decision !== decision), approval];
}
