import { isFilled, valueAt, type GuardDecision, type TransitionGuard } from '@skema/core';

export interface CoSignatureOptions {
  formId?: string;
  /** Where the specialist records why the underretning is sent without co-signature. */
  justificationPointer?: string;
}

/**
 * UND-03 as a transition guard: sending an underretning (status `submitted`, also on create) needs
 * the fagkonsulent as co-signer, unless the specialist records why it is sent alone (the duty to
 * notify is personal).
 */
export function coSignatureGuard(options: CoSignatureOptions = {}): TransitionGuard {
  const pointer = options.justificationPointer ?? '/udenMedunderskriftBegrundelse';
  return {
    name: 'underretning:UND-03',
    formId: options.formId ?? 'underretning',
    to: 'submitted',
    check({ data, actor }): GuardDecision {
      if (actor.roles.includes('fagkonsulent') || isFilled(valueAt(data, pointer))) return { outcome: 'allow' };
      return {
        outcome: 'deny',
        code: 'UND-03',
        reason: {
          da: 'En underretning sendes med fagkonsulentens medunderskrift, eller med en begrundelse for at sende uden.',
          en: 'An underretning is sent with the fagkonsulent’s co-signature, or with a recorded reason for sending without.',
        },
      };
    },
  };
}
