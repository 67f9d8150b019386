import { ApprovalTransitions, TransitionGuardRegistry, type Actor, type TransitionRequest } from '@skema/core';
import { describe, expect, it } from 'vitest';
import plugin from '../plugin.js';
import { planApprovalGuard, planApprovalTransition } from './plan-approval.js';

const actor = (id: string, ...roles: string[]): Actor => ({ id, roles, kind: 'person' });
const req = (over: Partial<TransitionRequest>): TransitionRequest => ({
  formId: 'familieraadslagningsplan',
  version: '2.0.1',
  from: 'submitted',
  to: 'approved',
  data: { godkendelse: { udfald: 'godkendt' } },
  actor: actor('oidc:signe', 'caseworker'),
  approvals: [],
  createdBy: 'oidc:signe',
  ...over,
});

describe('FRL-03: the plan is approved by a signed-in person, recorded', () => {
  const guard = planApprovalGuard();

  it('FRL-03 valid: the initiativtager (who created the plan), a leder, or another after a leder was contacted; each approval is recorded', () => {
    expect(guard.check(req({}))).toEqual({ outcome: 'approve', as: 'caseworker', pending: [] });
    expect(guard.check(req({ actor: actor('oidc:lene', 'caseworker', 'leder') }))).toEqual({
      outcome: 'approve',
      as: 'leder',
      pending: [],
    });
    const contacted = { godkendelse: { udfald: 'godkendt', lederKontaktet: true } };
    expect(guard.check(req({ actor: actor('oidc:soeren', 'caseworker'), data: contacted })).outcome).toBe('approve');
  });

  it('FRL-03 invalid: someone else without a leder contacted, even with the initiativtager’s name typed as approver', () => {
    const typed = {
      godkendelse: { udfald: 'godkendt', godkendtAf: 'Signe Sagsbehandler' },
      roller: { initiativtager: 'Signe Sagsbehandler' },
    };
    expect(guard.check(req({ actor: actor('oidc:soeren', 'caseworker'), data: typed }))).toMatchObject({
      outcome: 'deny',
      code: 'FRL-03',
    });
  });

  it('the plugin contributes it for the plan’s approval only', () => {
    const registry = TransitionGuardRegistry.fromPlugins([plugin()]);
    expect(registry.all().map((g) => g.name)).toEqual(['familieraadslagningsplan:FRL-03']);
    expect(registry.guardsFor('familieraadslagningsplan', 'submitted')).toEqual([]);
  });

  it('FRL-03 «Godkend»: the plugin declares that a caseworker’s or leder’s approval of a submitted plan moves it to approved (the guard decides whose counts)', () => {
    const transitions = ApprovalTransitions.fromPlugins([plugin()]);
    expect(transitions.find('familieraadslagningsplan', 'submitted', 'caseworker')).toEqual(planApprovalTransition());
    expect(transitions.find('familieraadslagningsplan', 'submitted', 'leder')?.to).toBe('approved');
    // Not from a draft (the graph goes through submitted), not for a fagkonsulent's role, not for other forms.
    expect(transitions.find('familieraadslagningsplan', 'draft', 'caseworker')).toBeUndefined();
    expect(transitions.find('familieraadslagningsplan', 'submitted', 'fagkonsulent')).toBeUndefined();
    expect(transitions.find('evalueringsskema', 'submitted', 'caseworker')).toBeUndefined();
  });
});
