import { isFilled, valueAt } from '@skema/core';
import type { Role } from '../auth/roles.js';
import { TransitionGuardRegistry, type GuardDecision, type TransitionGuard } from './guards.js';

const has = (roles: readonly Role[], role: Role) => roles.includes(role);

export interface HoejprisApprovalOptions {
  formId?: string;
  /** Where the form records that the agreement is a højprisleverance (first one that is `true` wins). */
  hoejprisPointers?: string[];
}

/**
 * LEV-07: a leveranceaftale is approved by a fagkonsulent; a højpris agreement then also needs
 * the approval of a leder who is another person (another API key), and the leder cannot approve first.
 */
export function hoejprisApprovalGuard(options: HoejprisApprovalOptions = {}): TransitionGuard {
  const pointers = options.hoejprisPointers ?? ['/hoejpris', '/godkendelse/hoejpris'];
  return {
    name: 'leveranceaftale:LEV-07',
    formId: options.formId ?? 'leveranceaftale',
    to: 'approved',
    check({ data, actor, approvals }): GuardDecision {
      const hoejpris = pointers.some((p) => valueAt(data, p) === true);
      const byFagkonsulent = approvals.find((a) => a.as === 'fagkonsulent' && a.to === 'approved');
      if (!hoejpris || !byFagkonsulent) {
        if (!has(actor.roles, 'fagkonsulent')) {
          return {
            outcome: 'deny',
            code: 'LEV-07',
            reason: {
              da: 'Leveranceaftalen godkendes først af en fagkonsulent.',
              en: 'The delivery agreement is approved by a fagkonsulent first.',
            },
          };
        }
        return hoejpris ? { outcome: 'approve', as: 'fagkonsulent', pending: ['leder'] } : { outcome: 'allow' };
      }
      if (!has(actor.roles, 'leder')) {
        return {
          outcome: 'deny',
          code: 'LEV-07',
          reason: { da: 'En højprisleverance skal også godkendes af en leder.', en: 'A high-price agreement also needs a leader’s approval.' },
        };
      }
      if (actor.keyId === byFagkonsulent.by) {
        return {
          outcome: 'deny',
          code: 'LEV-07',
          reason: {
            da: 'Lederens godkendelse skal gives af en anden person end fagkonsulentens.',
            en: 'The leader’s approval must come from another person than the fagkonsulent’s.',
          },
        };
      }
      return { outcome: 'approve', as: 'leder', pending: [] };
    },
  };
}

export interface CoSignatureOptions {
  formId?: string;
  /** Where the specialist records why the underretning is sent without co-signature. */
  justificationPointer?: string;
}

/**
 * UND-03: sending an underretning (status `submitted`) needs the fagkonsulent as co-signer,
 * unless the specialist records why it is sent alone (the duty to notify is personal).
 */
export function coSignatureGuard(options: CoSignatureOptions = {}): TransitionGuard {
  const pointer = options.justificationPointer ?? '/udenMedunderskriftBegrundelse';
  return {
    name: 'underretning:UND-03',
    formId: options.formId ?? 'underretning',
    to: 'submitted',
    check({ data, actor }): GuardDecision {
      if (has(actor.roles, 'fagkonsulent') || isFilled(valueAt(data, pointer))) return { outcome: 'allow' };
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

/** The guards of the standard forms. */
export function standardTransitionGuards(): TransitionGuardRegistry {
  return new TransitionGuardRegistry().register(hoejprisApprovalGuard(), coSignatureGuard());
}
