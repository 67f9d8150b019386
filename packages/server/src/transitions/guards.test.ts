import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.js';
import { TransitionGuardRegistry, type TransitionRequest } from './guards.js';
import { coSignatureGuard, hoejprisApprovalGuard } from './standard-guards.js';

const actor = (keyId: string, ...roles: Principal['roles']): Principal => ({ tenantId: 't', keyId, roles, ruleOptions: {} });
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

describe('TransitionGuardRegistry', () => {
  it('applies guards only to their form and status', () => {
    const registry = new TransitionGuardRegistry().register(hoejprisApprovalGuard(), coSignatureGuard());
    expect(registry.decide(req({ formId: 'fixture', actor: actor('x', 'caseworker') }))).toEqual({ outcome: 'allow' });
    expect(registry.decide(req({ to: 'rejected', actor: actor('x', 'leder') }))).toEqual({ outcome: 'allow' });
    expect(registry.decide(req({ actor: actor('x', 'leder') })).outcome).toBe('deny');
  });

  it('a form adds a guard by registration', () => {
    const registry = new TransitionGuardRegistry().register({
      name: 'custom',
      formId: 'eget',
      to: 'withdrawn',
      check: ({ actor: a }) => (a.roles.includes('leder') ? { outcome: 'allow' } : { outcome: 'deny', code: 'EGET-1', reason: { da: 'nej', en: 'no' } }),
    });
    expect(registry.decide(req({ formId: 'eget', to: 'withdrawn', actor: actor('x', 'caseworker') }))).toMatchObject({ outcome: 'deny', code: 'EGET-1' });
    expect(registry.all().map((g) => g.name)).toEqual(['custom']);
  });
});

describe('LEV-07 højpris guard', () => {
  const guard = hoejprisApprovalGuard();
  const hoejpris = { hoejpris: true };

  it('first approval by a fagkonsulent leaves the leder pending', () => {
    expect(guard.check(req({ data: hoejpris }))).toEqual({ outcome: 'approve', as: 'fagkonsulent', pending: ['leder'] });
  });

  it('the leder approves second, as another person', () => {
    const approvals = [{ by: 'a', as: 'fagkonsulent' as const, to: 'approved' as const, revision: 3 }];
    expect(guard.check(req({ data: hoejpris, approvals, actor: actor('b', 'leder') }))).toEqual({ outcome: 'approve', as: 'leder', pending: [] });
    expect(guard.check(req({ data: hoejpris, approvals, actor: actor('a', 'leder', 'fagkonsulent') })).outcome).toBe('deny');
    expect(guard.check(req({ data: hoejpris, approvals, actor: actor('c', 'fagkonsulent') })).outcome).toBe('deny');
  });
});

describe('UND-03 co-signature guard', () => {
  const guard = coSignatureGuard();
  const base = req({ formId: 'underretning', to: 'submitted', from: 'draft' });

  it('allows a fagkonsulent, or anyone with a recorded reason; blank reasons do not count', () => {
    expect(guard.check({ ...base, actor: actor('f', 'fagkonsulent') }).outcome).toBe('allow');
    expect(guard.check({ ...base, actor: actor('c', 'caseworker'), data: { udenMedunderskriftBegrundelse: 'Uenighed' } }).outcome).toBe('allow');
    expect(guard.check({ ...base, actor: actor('c', 'caseworker'), data: { udenMedunderskriftBegrundelse: '   ' } }).outcome).toBe('deny');
  });
});
