import { arrayAt, compareVersions, type GuardDecision, type SubmissionStatus, type TransitionGuard } from '@skema/core';

export interface ChangesApprovalOptions {
  formId?: string;
  /** The first form version whose changes are approved by signed-in people (earlier ones keep the typed rule). */
  since?: string;
}

/**
 * LEV-11 («fagkonsulenten skal godkende alle ændringer») as transition guards: from leveranceaftale
 * 1.3.0 an agreement with changes is submitted or approved only with a fagkonsulent's recorded
 * approval. Every edit of the content voids the recorded approvals, so a standing approval was
 * given on the content with exactly these changes: it is their approval, on the revision, with the
 * person's subject, name, role, time and decision. A fagkonsulent who asks for the status gives it
 * with the request; a name typed into a change is never one.
 */
export function changesApprovalGuards(options: ChangesApprovalOptions = {}): TransitionGuard[] {
  const formId = options.formId ?? 'leveranceaftale';
  const since = options.since ?? '1.3.0';
  const guard = (to: SubmissionStatus): TransitionGuard => ({
    name: `${formId}:LEV-11`,
    formId,
    to,
    check({ version, data, actor, approvals }): GuardDecision {
      if (compareVersions(version, since) < 0) return { outcome: 'allow' };
      const changes = arrayAt(data, '/aendringer').length;
      if (changes === 0) return { outcome: 'allow' };
      // Given on the draft (`submitted` when recorded by the request to send it) or on the agreement.
      if (approvals.some((a) => a.kind === 'person' && a.role === 'fagkonsulent' && a.decision !== 'rejected'))
        return { outcome: 'allow' };
      if (actor.roles.includes('fagkonsulent')) return { outcome: 'approve', as: 'fagkonsulent', pending: [] };
      const act = to === 'submitted' ? { da: 'indsendes', en: 'submitted' } : { da: 'godkendes', en: 'approved' };
      return {
        outcome: 'deny',
        code: 'LEV-11',
        reason: {
          da: `Aftalen har ${changes} ${changes === 1 ? 'ændring' : 'ændringer'}, som en fagkonsulent skal godkende (logget ind), før den kan ${act.da}.`,
          en: `The agreement has ${changes} change(s) a signed-in fagkonsulent must approve before it can be ${act.en}.`,
        },
      };
    },
  });
  return [guard('submitted'), guard('approved')];
}
