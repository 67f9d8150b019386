import { valueAt, type ApprovalTransition, type GuardDecision, type TransitionGuard } from '@skema/core';

/**
 * FRL-03 as a transition guard: a familierådslagning plan is approved (status `approved`) by a
 * signed-in person, and that approval is recorded. The approver is the initiativtager (the
 * person who created the plan in Skema), or a leder (who has the competence), or someone else
 * after a leder with the competence was contacted (`/godkendelse/lederKontaktet`). A name typed
 * into `/godkendelse/godkendtAf` is history, never the approval; an API key cannot approve.
 */
export function planApprovalGuard(formId = 'familieraadslagningsplan'): TransitionGuard {
  return {
    name: `${formId}:FRL-03`,
    formId,
    to: 'approved',
    check({ data, actor, createdBy }): GuardDecision {
      const initiativtager = createdBy !== undefined && actor.id === createdBy;
      const competent = actor.roles.includes('leder');
      if (initiativtager || competent || valueAt(data, '/godkendelse/lederKontaktet') === true) {
        return { outcome: 'approve', as: competent ? 'leder' : 'caseworker', pending: [] };
      }
      return {
        outcome: 'deny',
        code: 'FRL-03',
        reason: {
          da: 'Planen godkendes af initiativtager eller en leder med kompetence; godkender en anden, skal en leder med kompetence være kontaktet.',
          en: 'The plan is approved by the initiator or a leader with the competence; if someone else approves, a leader with the competence must have been contacted.',
        },
      };
    },
  };
}

/**
 * FRL-03's «Godkend»: the plan's approval by a signed-in person (as caseworker or leder, the roles
 * the form's approvals block asks) moves a submitted plan to `approved`; the guard above decides
 * whether this person's approval is the one that counts (initiativtager, leder, or a leder contacted).
 */
export function planApprovalTransition(formId = 'familieraadslagningsplan'): ApprovalTransition {
  return { name: `${formId}:FRL-03`, formId, from: ['submitted'], to: 'approved', roles: ['caseworker', 'leder'] };
}
