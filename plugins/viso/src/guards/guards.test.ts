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
const approval = (actorId: string, role: string): Approval => ({ actorId, role, decision: 'approved', at: '2026-01-01T00:00:00.000Z', revision: 2 });

describe('the plugin contributes its guards', () => {
  it('the registry collects LEV-07 and UND-03 from the plugin, applying each only to its form and status', () => {
    const registry = TransitionGuardRegistry.fromPlugins([plugin()]);
    expect(registry.all().map((g) => g.name)).toEqual(['leveranceaftale:LEV-07', 'underretning:UND-03']);
    expect(registry.decide(req({ formId: 'fixture', actor: actor('x', 'caseworker') }))).toEqual({ outcome: 'allow' });
    expect(registry.decide(req({ to: 'rejected', actor: actor('x', 'leder') }))).toEqual({ outcome: 'allow' });
    expect(registry.decide(req({ actor: actor('x', 'leder') })).outcome).toBe('deny');
  });
});

describe('LEV-07 højpris guard', () => {
  const guard = hoejprisApprovalGuard();
  const hoejpris = { hoejpris: true };

  it('first approval by a fagkonsulent leaves the leder pending', () => {
    expect(guard.check(req({ data: hoejpris }))).toEqual({ outcome: 'approve', as: 'fagkonsulent', pending: ['leder'] });
  });

  it('the leder approves second, as another person', () => {
    const approvals = [approval('a', 'fagkonsulent')];
    expect(guard.check(req({ data: hoejpris, approvals, actor: actor('b', 'leder') }))).toEqual({ outcome: 'approve', as: 'leder', pending: [] });
    expect(guard.check(req({ data: hoejpris, approvals, actor: actor('a', 'leder', 'fagkonsulent') }))).toMatchObject({ outcome: 'deny', code: 'LEV-07' });
    expect(guard.check(req({ data: hoejpris, approvals, actor: actor('c', 'fagkonsulent') })).outcome).toBe('deny');
  });

  it('an approval for another decision does not count', () => {
    const approvals = [{ ...approval('a', 'fagkonsulent'), decision: 'submitted' as const }];
    expect(guard.check(req({ data: hoejpris, approvals, actor: actor('b', 'leder') })).outcome).toBe('deny');
  });
});

describe('UND-03 co-signature guard', () => {
  const guard = coSignatureGuard();
  const base = req({ formId: 'underretning', to: 'submitted', from: 'draft' });

  it('allows a fagkonsulent, or anyone with a recorded reason; blank reasons do not count', () => {
    expect(guard.check({ ...base, actor: actor('f', 'fagkonsulent') }).outcome).toBe('allow');
    expect(guard.check({ ...base, actor: actor('c', 'caseworker'), data: { udenMedunderskriftBegrundelse: 'Uenighed' } }).outcome).toBe('allow');
    expect(guard.check({ ...base, actor: actor('c', 'caseworker'), data: { udenMedunderskriftBegrundelse: '   ' } })).toMatchObject({ outcome: 'deny', code: 'UND-03' });
  });
});
