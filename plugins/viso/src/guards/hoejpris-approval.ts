import { valueAt, type Approval, type GuardDecision, type TransitionGuard } from '@skema/core';

export interface HoejprisApprovalOptions {
  formId?: string;
  /** Where the form records that the agreement is a højprisleverance (first one that is `true` wins). */
  hoejprisPointers?: string[];
}

const deny = (da: string, en: string): GuardDecision => ({ outcome: 'deny', code: 'LEV-07', reason: { da, en } });
const approvedAs = (approvals: readonly Approval[], role: string) =>
  approvals.filter((a) => a.kind === 'person' && a.role === role && a.decision === 'approved');

/**
 * LEV-05 and LEV-07 as a transition guard: a leveranceaftale is approved by a fagkonsulent; a
 * højpris agreement then also needs the approval of a leder who is another person, given after the
 * fagkonsulent's (the leder cannot approve first). Approvals are those recorded by signed-in
 * people (`POST /submissions/{id}/approvals`, or the request to approve, which records the
 * requester's); names typed into the form's approval fields are never approvals.
 */
export function hoejprisApprovalGuard(options: HoejprisApprovalOptions = {}): TransitionGuard {
  const pointers = options.hoejprisPointers ?? ['/hoejpris', '/godkendelse/hoejpris'];
  return {
    name: 'leveranceaftale:LEV-07',
    formId: options.formId ?? 'leveranceaftale',
    to: 'approved',
    check({ data, actor, approvals }): GuardDecision {
      const hoejpris = pointers.some((p) => valueAt(data, p) === true);
      const byFagkonsulent = approvedAs(approvals, 'fagkonsulent')[0];
      if (!byFagkonsulent) {
        if (!actor.roles.includes('fagkonsulent')) {
          return deny(
            'Leveranceaftalen godkendes først af en fagkonsulent.',
            'The delivery agreement is approved by a fagkonsulent first.',
          );
        }
        return { outcome: 'approve', as: 'fagkonsulent', pending: hoejpris ? ['leder'] : [] };
      }
      if (!hoejpris) return { outcome: 'allow' };
      // A leder's approval counts when another person gave it after the fagkonsulent's.
      if (approvedAs(approvals, 'leder').some((a) => a.actorId !== byFagkonsulent.actorId && a.at >= byFagkonsulent.at))
        return { outcome: 'allow' };
      if (!actor.roles.includes('leder')) {
        return deny(
          'En højprisleverance skal også godkendes af en leder.',
          'A high-price agreement also needs a leader’s approval.',
        );
      }
      if (actor.id === byFagkonsulent.actorId) {
        return deny(
          'Lederens godkendelse skal gives af en anden person end fagkonsulentens.',
          'The leader’s approval must come from another person than the fagkonsulent’s.',
        );
      }
      return { outcome: 'approve', as: 'leder', pending: [] };
    },
  };
}
