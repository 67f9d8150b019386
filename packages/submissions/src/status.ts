import type { Locale, SubmissionStatus } from '@skema/core';
import type { SubmissionActor } from './actor.js';
import { approvalsOf, withApproval } from './approvals.js';
import type { SubmissionsDeps } from './deps.js';
import { GuardDeniedError, SubmissionConflictError } from './errors.js';
import { writeCurrent, type ExpectedRevision } from './preconditions.js';
import { auditEntry, diff } from './records.js';
import { assertAnyRole, COMPLETE_STATUSES, isAllowedTransition, TRANSITION_ROLES } from './status-graph.js';
import { assertValid, resolveForm, validateFor } from './validation.js';
import type { SubmissionWrite } from './write-result.js';

/**
 * Moves a submission along the status graph under the form's transition guards. A guard that
 * needs a further approval records this one (a revision with unchanged status) and returns the
 * roles still pending.
 */
export async function changeStatus(deps: SubmissionsDeps, actor: SubmissionActor, id: string, to: SubmissionStatus, expected: ExpectedRevision, locale: Locale): Promise<SubmissionWrite> {
  assertAnyRole(actor, TRANSITION_ROLES[to]);
  return writeCurrent(deps.store, actor.tenantId, id, expected, async (current, revision) => {
    const from = current.status;
    if (!isAllowedTransition(from, to)) {
      throw new SubmissionConflictError('invalid-transition', { da: `Status kan ikke skifte fra ${from} til ${to}.`, en: `Status cannot change from ${from} to ${to}.` });
    }
    const form = resolveForm(deps, actor.tenantId, current.formId, current.version);
    const validation = await validateFor(deps, form, current.data, COMPLETE_STATUSES.has(to) ? to : 'draft', actor, locale);
    if (COMPLETE_STATUSES.has(to)) assertValid(validation);

    const decision = deps.guards.decide({ formId: current.formId, version: current.version, from, to, data: current.data, actor, approvals: approvalsOf(current) });
    if (decision.outcome === 'deny') throw new GuardDeniedError(decision.code, decision.reason);
    const approval = decision.outcome === 'approve' ? decision : undefined;
    const pending = approval?.pending ?? [];
    const status = pending.length ? from : to;
    const at = deps.now().toISOString();
    const recorded = approval ? withApproval(approvalsOf(current), actor, approval.as, to, at, revision + 1) : undefined;
    const submission = await deps.store.update(
      actor.tenantId,
      current.id,
      {
        expectedRevision: revision,
        status,
        receipt: validation.receipt,
        action: 'status',
        changes: diff(current, { ...current, status }),
        // A status reached without an approval starts over with none (a new status voids earlier
        // ones); one reached by approvals keeps them, so an approved submission shows who approved it.
        approvals: recorded ?? [],
        by: actor.id,
        at,
      },
      auditEntry(actor, at, 'status', current.id, {
        from,
        to: status,
        requested: to,
        revision: revision + 1,
        ...(approval ? { approvalAs: approval.as } : {}),
        ...(pending.length ? { pending } : {}),
      }),
    );
    return { submission, validation, pendingApprovals: pending };
  });
}
