import { valueAt, type GuardDecision, type TransitionGuard } from '@skema/core';

export interface HoejprisApprovalOptions {
  formId?: string;
  /** Where the form records that the agreement is a højprisleverance (first one that is `true` wins). */
  hoejprisPointers?: string[];
}

const deny = (da: string, en: string): GuardDecision => ({ outcome: 'deny', code: 'LEV-07', reason: { da, en } });

/**
 * LEV-07 as a transition guard: a leveranceaftale is approved by a fagkonsulent; a højpris
 * agreement then also needs the approval of a leder who is another person (another actor), and
 * the leder cannot approve first. The fagkonsulent's approval is read from the submission's
 * recorded approvals.
 */
export function hoejprisApprovalGuard(options: HoejprisApprovalOptions = {}): TransitionGuard {
  const pointers = options.hoejprisPointers ?? ['/hoejpris', '/godkendelse/hoejpris'];
  return {
    name: 'leveranceaftale:LEV-07',
    formId: options.formId ?? 'leveranceaftale',
    to: 'approved',
    check({ data, actor, approvals }): GuardDecision {
      const hoejpris = pointers.some((p) => valueAt(data, p) === true);
      const byFagkonsulent = approvals.find((a) => a.role === 'fagkonsulent' && a.decision === 'approved');
      if (!hoejpris || !byFagkonsulent) {
        if (!actor.roles.includes('fagkonsulent')) {
          return deny('Leveranceaftalen godkendes først af en fagkonsulent.', 'The delivery agreement is approved by a fagkonsulent first.');
        }
        return hoejpris ? { outcome: 'approve', as: 'fagkonsulent', pending: ['leder'] } : { outcome: 'allow' };
      }
      if (!actor.roles.includes('leder')) {
        return deny('En højprisleverance skal også godkendes af en leder.', 'A high-price agreement also needs a leader’s approval.');
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
