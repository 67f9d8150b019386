import type { Locale, SubmissionStatus } from '@skema/core';
import type { SubmissionActor } from './actor.js';
import { approvalsOf, countingApprovals, isPerson, withApproval } from './approvals.js';
import type { SubmissionsDeps } from './deps.js';
import { GuardDeniedError, PersonRequiredError, SubmissionConflictError } from './errors.js';
import { writeCurrent, type ExpectedRevision } from './preconditions.js';
import { auditEntry, diff } from './records.js';
import { assertAnyRole, COMPLETE_STATUSES, isAllowedTransition, TRANSITION_ROLES } from './status-graph.js';
import { eventsOf } from './events.js';
import { assertValid, resolveForm, validateJudged } from './validation.js';
import { judgeWrite, stampOf } from './reference-date.js';
import type { SubmissionWrite } from './write-result.js';

/** Statuses a submission moves on to; the approvals it has carry over. */
const FORWARD: ReadonlySet<SubmissionStatus> = new Set(['submitted', 'approved']);

/**
 * Moves a submission along the status graph under the form's transition guards. A guard that
 * needs a further approval records this one (a revision with unchanged status) and returns the
 * roles still pending.
 */
export async function changeStatus(
  deps: SubmissionsDeps,
  actor: SubmissionActor,
  id: string,
  to: SubmissionStatus,
  expected: ExpectedRevision,
  locale: Locale,
  byApproval?: string,
): Promise<SubmissionWrite> {
  // A plugin's approval transition (`byApproval`, its name) names who approves instead of the graph's roles.
  if (byApproval === undefined) assertAnyRole(actor, TRANSITION_ROLES[to]);
  return writeCurrent(deps.store, actor.tenantId, id, expected, async (current, revision) => {
    const from = current.status;
    if (!isAllowedTransition(from, to)) {
      throw new SubmissionConflictError('invalid-transition', {
        da: `Status kan ikke skifte fra ${from} til ${to}.`,
        en: `Status cannot change from ${from} to ${to}.`,
      });
    }
    const form = resolveForm(deps, actor.tenantId, current.formId, current.version);
    // A first submission stamps the date it was received; later changes judge on the stamp (reference-date.ts).
    const judged = judgeWrite(form, current.data, await stampOf(deps.store, current), to, deps.now(), false);
    const judging = COMPLETE_STATUSES.has(to) ? to : 'draft';
    const validation = await validateJudged(deps, form, judged, judging, actor, locale, { submissionId: current.id });
    if (COMPLETE_STATUSES.has(to)) assertValid(validation);

    // Guards see only the approvals that count: people's, one per person.
    const decision = deps.guards.decide({
      formId: current.formId,
      version: current.version,
      from,
      to,
      data: current.data,
      actor,
      approvals: countingApprovals(approvalsOf(current)),
      createdBy: current.createdBy,
    });
    if (decision.outcome === 'deny') throw new GuardDeniedError(decision.code, decision.reason);
    const approval = decision.outcome === 'approve' ? decision : undefined;
    if (approval && !isPerson(actor)) throw new PersonRequiredError();
    const pending = approval?.pending ?? [];
    const status = pending.length ? from : to;
    const at = deps.now().toISOString();
    const recorded = approval
      ? withApproval(approvalsOf(current), actor, approval.as, to, at, revision + 1)
      : undefined;
    // Still a draft (an approval pending): not received yet, so nothing is stamped.
    const stamped =
      judged.stampedNow && status === from ? { stamp: undefined, data: current.data, stampedNow: false } : judged;
    const { referenceDate: _unstamped, ...unstampedReceipt } = validation.receipt;
    const receipt = stamped.stamp ? validation.receipt : unstampedReceipt;
    const submission = await deps.store.update(
      actor.tenantId,
      current.id,
      {
        expectedRevision: revision,
        status,
        ...(stamped.data !== current.data ? { data: stamped.data } : {}),
        receipt,
        action: 'status',
        changes: diff(current, { ...current, status, data: stamped.data }),
        // The content is unchanged, so approvals given for it stay when the submission moves on
        // (submitted, approved: it shows who approved it); a move back (draft, rejected,
        // withdrawn) starts over with none.
        approvals: recorded ?? (FORWARD.has(status) && status !== from ? [...approvalsOf(current)] : []),
        by: actor.id,
        at,
        events: eventsOf('status', current, { ...current, status, revision: revision + 1 }, at),
      },
      auditEntry(actor, at, 'status', current.id, {
        from,
        to: status,
        requested: to,
        revision: revision + 1,
        ...(approval ? { approvalAs: approval.as } : {}),
        ...(byApproval !== undefined ? { byApproval } : {}),
        ...(pending.length ? { pending } : {}),
        ...(stamped.stampedNow ? { referenceDate: stamped.stamp } : {}),
      }),
    );
    return { submission, validation: { ...validation, receipt }, pendingApprovals: pending };
  });
}
