import { isFilled, valueAt, type GuardDecision, type TransitionGuard } from '@skema/core';

export interface CoSignatureOptions {
  formId?: string;
  /** Where the specialist records why the underretning is sent without co-signature. */
  justificationPointer?: string;
}

/**
 * UND-03 as a transition guard: sending an underretning (status `submitted`) needs the
 * fagkonsulent's co-signature, unless the specialist records why it is sent alone (the duty to
 * notify is personal). The co-signature is a recorded approval by a signed-in person in the role
 * `fagkonsulent` (`POST /submissions/{id}/approvals`), or the fagkonsulent's own request to send,
 * which records it. A name typed into the form is never a co-signature, and an API key cannot
 * give one (the submission use cases refuse a key's approval).
 */
export function coSignatureGuard(options: CoSignatureOptions = {}): TransitionGuard {
  const pointer = options.justificationPointer ?? '/udenMedunderskriftBegrundelse';
  return {
    name: 'underretning:UND-03',
    formId: options.formId ?? 'underretning',
    to: 'submitted',
    check({ data, actor, approvals }): GuardDecision {
      if (isFilled(valueAt(data, pointer))) return { outcome: 'allow' };
      if (approvals.some((a) => a.kind === 'person' && a.role === 'fagkonsulent' && a.decision === 'approved'))
        return { outcome: 'allow' };
      if (actor.roles.includes('fagkonsulent')) return { outcome: 'approve', as: 'fagkonsulent', pending: [] };
      return {
        outcome: 'deny',
        code: 'UND-03',
        reason: {
          da: 'En underretning sendes med fagkonsulentens medunderskrift (en godkendelse af en fagkonsulent, der er logget ind), eller med en begrundelse for at sende uden.',
          en: 'An underretning is sent with the fagkonsulent’s co-signature (an approval by a signed-in fagkonsulent), or with a recorded reason for sending without.',
        },
      };
    },
  };
}
