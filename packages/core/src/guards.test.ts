import { describe, expect, it } from 'vitest';
import { TransitionGuardRegistry, type TransitionGuard, type TransitionRequest } from './guards.js';

const request = (over: Partial<TransitionRequest> = {}): TransitionRequest => ({
  formId: 'eget',
  version: '1.0.0',
  from: 'submitted',
  to: 'approved',
  data: {},
  actor: { id: 'k', roles: ['caseworker'] },
  approvals: [],
  ...over,
});
const guard = (
  name: string,
  decision: ReturnType<TransitionGuard['check']>,
  to: TransitionGuard['to'] = 'approved',
): TransitionGuard => ({ name, formId: 'eget', to, check: () => decision });

describe('TransitionGuardRegistry', () => {
  it('collects the guards plugins contribute, and applies them only to their form and status', () => {
    const registry = TransitionGuardRegistry.fromPlugins([
      {
        name: 'a',
        version: '1.0.0',
        guards: [guard('eget:A', { outcome: 'deny', code: 'A-1', reason: { da: 'nej', en: 'no' } })],
      },
      { name: 'b', version: '1.0.0' },
    ]);
    expect(registry.all().map((g) => g.name)).toEqual(['eget:A']);
    expect(registry.decide(request())).toMatchObject({ outcome: 'deny', code: 'A-1' });
    expect(registry.decide(request({ formId: 'andet' }))).toEqual({ outcome: 'allow' });
    expect(registry.decide(request({ to: 'rejected' }))).toEqual({ outcome: 'allow' });
  });

  it('the first denial wins; approvals merge their pending roles', () => {
    const approveA = guard('eget:A', { outcome: 'approve', as: 'fagkonsulent', pending: ['leder'] });
    const approveB = guard('eget:B', { outcome: 'approve', as: 'fagkonsulent', pending: ['leder', 'jurist'] });
    expect(new TransitionGuardRegistry().register(approveA, approveB).decide(request())).toEqual({
      outcome: 'approve',
      as: 'fagkonsulent',
      pending: ['leder', 'jurist'],
    });
    const deny = guard('eget:C', { outcome: 'deny', code: 'C-1', reason: { da: 'nej', en: 'no' } });
    expect(new TransitionGuardRegistry().register(approveA, deny).decide(request())).toMatchObject({
      outcome: 'deny',
      code: 'C-1',
    });
  });
});
