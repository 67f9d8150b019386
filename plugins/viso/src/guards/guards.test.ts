import { TransitionGuardRegistry, type Actor, type Approval, type TransitionRequest } from '@skema/core';
import { describe, expect, it } from 'vitest';
import plugin from '../plugin.js';
import { coSignatureGuard, hoejprisApprovalGuard } from './index.js';

const actor = (id: string, ...roles: string[]): Actor => ({ id, roles });
const req = (over: Partial<TransitionRequest>): TransitionRequest => ({
  formId: 'leveranceaftale',
  version: '1.0.0',
  from: 'submitted',
  to: 'approved',
  data: {},
  actor: actor('a', 'fagkonsulent'),
  approvals: [],
  ...over,
});
const approval = (actorId: string, role: string): Approval => ({
  actorId,
  role,
  decision: 'approved',
  at: '2026-01-01T00:00:00.000Z',
  revision: 2,
  kind: 'person',
});
/** An approval recorded before approvals were acts of people: it has no `kind`. */
const unverified = ({ kind: _kind, ...rest }: Approval): Approval => rest;

describe('the plugin contributes its guards', () => {
  it('the registry collects LEV-07 and UND-03 from the plugin, applying each only to its form and status', () => {
    const registry = TransitionGuardRegistry.fromPlugins([plugin()]);
    expect(registry.all().map((g) => g.name)).toEqual([
      'leveranceaftale:LEV-07',
      'leveranceaftale:LEV-11',
      'underretning:UND-03',
      'leveranceaftale:LEV-11',
    ]);
    expect(registry.decide(req({ formId: 'fixture', actor: actor('x', 'caseworker') }))).toEqual({ outcome: 'allow' });
    expect(registry.decide(req({ to: 'rejected', actor: actor('x', 'leder') }))).toEqual({ outcome: 'allow' });
    expect(registry.decide(req({ actor: actor('x', 'leder') })).outcome).toBe('deny');
  });
});

describe('LEV-05/LEV-07: approvals of a leveranceaftale are recorded approvals of signed-in people', () => {
  const guard = hoejprisApprovalGuard();
  const hoejpris = { hoejpris: true };

  it('LEV-05 valid: a fagkonsulent’s request to approve an ordinary agreement is recorded as their approval', () => {
    expect(guard.check(req({ data: {} }))).toEqual({ outcome: 'approve', as: 'fagkonsulent', pending: [] });
    expect(
      guard.check(req({ data: {}, actor: actor('x', 'caseworker'), approvals: [approval('a', 'fagkonsulent')] })),
    ).toEqual({ outcome: 'allow' });
  });

  it('LEV-05 invalid: nobody but a fagkonsulent approves first; a typed name in the data is no approval', () => {
    const typed = { fagkonsulentGodkendelse: { navn: 'Frederik Fagkonsulent', dato: '2026-01-01' } };
    expect(guard.check(req({ data: typed, actor: actor('x', 'leder') }))).toMatchObject({
      outcome: 'deny',
      code: 'LEV-07',
    });
  });

  it('LEV-07 valid: fagkonsulent first (leder pending), then a leder who is another person', () => {
    expect(guard.check(req({ data: hoejpris }))).toEqual({
      outcome: 'approve',
      as: 'fagkonsulent',
      pending: ['leder'],
    });
    const approvals = [approval('a', 'fagkonsulent')];
    expect(guard.check(req({ data: hoejpris, approvals, actor: actor('b', 'leder') }))).toEqual({
      outcome: 'approve',
      as: 'leder',
      pending: [],
    });
    // Both approvals recorded through POST /approvals: anyone may then move the status.
    const both = [approval('a', 'fagkonsulent'), { ...approval('b', 'leder'), at: '2026-01-02T00:00:00.000Z' }];
    expect(guard.check(req({ data: hoejpris, approvals: both, actor: actor('c', 'fagkonsulent') }))).toEqual({
      outcome: 'allow',
    });
  });

  it('LEV-07 invalid: the same person as leder, a second fagkonsulent, a leder who approved first, a key’s or unverified approval', () => {
    const approvals = [approval('a', 'fagkonsulent')];
    expect(guard.check(req({ data: hoejpris, approvals, actor: actor('a', 'leder', 'fagkonsulent') }))).toMatchObject({
      outcome: 'deny',
      code: 'LEV-07',
    });
    expect(guard.check(req({ data: hoejpris, approvals, actor: actor('c', 'fagkonsulent') })).outcome).toBe('deny');
    const lederFirst = [{ ...approval('b', 'leder'), at: '2025-12-31T00:00:00.000Z' }, approval('a', 'fagkonsulent')];
    expect(guard.check(req({ data: hoejpris, approvals: lederFirst, actor: actor('c', 'fagkonsulent') })).outcome).toBe(
      'deny',
    );
    const unverifiedOnes = [unverified(approval('a', 'fagkonsulent'))];
    expect(guard.check(req({ data: hoejpris, approvals: unverifiedOnes, actor: actor('b', 'leder') })).outcome).toBe(
      'deny',
    );
  });

  it('an approval for another decision does not count', () => {
    const approvals = [{ ...approval('a', 'fagkonsulent'), decision: 'rejected' as const }];
    expect(guard.check(req({ data: hoejpris, approvals, actor: actor('b', 'leder') })).outcome).toBe('deny');
  });
});

describe('UND-03: the co-signature is a recorded approval of a signed-in fagkonsulent', () => {
  const guard = coSignatureGuard();
  const base = req({ formId: 'underretning', to: 'submitted', from: 'draft' });

  it('UND-03 valid: a recorded co-signature, the fagkonsulent’s own request (recorded as co-signature), or a recorded reason', () => {
    expect(
      guard.check({ ...base, actor: actor('c', 'caseworker'), approvals: [approval('f', 'fagkonsulent')] }).outcome,
    ).toBe('allow');
    expect(guard.check({ ...base, actor: actor('f', 'fagkonsulent') })).toEqual({
      outcome: 'approve',
      as: 'fagkonsulent',
      pending: [],
    });
    expect(
      guard.check({ ...base, actor: actor('c', 'caseworker'), data: { udenMedunderskriftBegrundelse: 'Uenighed' } })
        .outcome,
    ).toBe('allow');
  });

  it('UND-03 invalid: a typed co-signer name, an unverified approval, another role’s approval, a blank reason', () => {
    const caseworker = actor('c', 'caseworker');
    expect(
      guard.check({
        ...base,
        actor: caseworker,
        data: { medunderskriver: { navn: 'Frederik Fagkonsulent', dato: '2026-01-01' } },
      }),
    ).toMatchObject({ outcome: 'deny', code: 'UND-03' });
    expect(
      guard.check({ ...base, actor: caseworker, approvals: [unverified(approval('f', 'fagkonsulent'))] }).outcome,
    ).toBe('deny');
    expect(guard.check({ ...base, actor: caseworker, approvals: [approval('l', 'leder')] }).outcome).toBe('deny');
    expect(guard.check({ ...base, actor: caseworker, data: { udenMedunderskriftBegrundelse: '   ' } })).toMatchObject({
      outcome: 'deny',
      code: 'UND-03',
    });
  });
});

describe('need-to-know declaration', () => {
  it('the plugin declares the underretning need-to-know: leaders and fagkonsulenter, and those who co-signed', () => {
    expect(plugin().access).toEqual([
      { name: 'underretning:need-to-know', formId: 'underretning', roles: ['leder', 'fagkonsulent'], approvers: true },
    ]);
  });
});
