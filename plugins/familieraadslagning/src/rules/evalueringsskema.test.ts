import { describe, expect, it } from 'vitest';
import { createRuleContext, type RuleDefinition } from '@skema/core';
import { evalueringsskemaDeadlines, evalueringsskemaRules } from './evalueringsskema.js';

const ctx = (options: Record<string, unknown> = {}) =>
  createRuleContext({ today: '2026-06-01', formId: 'evalueringsskema', options });
const rule = (id: string): RuleDefinition => {
  const r = evalueringsskemaRules.find((x) => x.id === id);
  if (!r) throw new Error(`missing ${id}`);
  return r;
};
const paths = (id: string, data: unknown, options: Record<string, unknown> = {}) =>
  rule(id)
    .check(data, ctx(options))
    .map((f) => f.path);

const answer = (extra: Record<string, unknown> = {}) => ({
  variant: 'familierådslagning',
  raadslagningNr: 2,
  dato: '2026-05-28',
  respondentRolle: 'forælder',
  vurderinger: { foelteMigInddraget: 4, blevLyttetTil: 5, planenErTydelig: 4, planenGoerEnForskel: 3 },
  aftalteTiltag: [{ tiltag: 'Mormor henter Emil om onsdagen.', hvem: 'Mormor' }],
  virkningPaaBarnet: 'Emil er gladere om onsdagen og kommer oftere i skole.',
  ...extra,
});

describe('evalueringsskema (familierådslagning) rules', () => {
  it('EVA-01 warns when the form is dated to a rådslagning that has not been held yet', () => {
    expect(rule('EVA-01').severity).toBe('warning');
    expect(paths('EVA-01', answer())).toEqual([]);
    expect(paths('EVA-01', answer({ dato: '2026-06-01' }))).toEqual([]);
    expect(paths('EVA-01', answer({ dato: '2026-06-10' }))).toEqual(['/dato']);
  });

  it('EVA-02 accepts an answer that captures involvement, actions and effect', () => {
    expect(paths('EVA-02', answer())).toEqual([]);
  });

  it('EVA-02 requires involvement, agreed actions and the effect on the child', () => {
    const data = answer({ vurderinger: { blevLyttetTil: 5 }, aftalteTiltag: [{ tiltag: ' ' }], virkningPaaBarnet: '' });
    expect(paths('EVA-02', data)).toEqual(['/vurderinger/foelteMigInddraget', '/aftalteTiltag', '/virkningPaaBarnet']);
  });

  it('EVA-02 asks for the effect from the first follow-up by default, from the first when configured', () => {
    const first = answer({ raadslagningNr: 1, virkningPaaBarnet: undefined });
    expect(paths('EVA-02', first)).toEqual([]);
    expect(paths('EVA-02', first, { virkningFraRaadslagningNr: 1 })).toEqual(['/virkningPaaBarnet']);
    expect(paths('EVA-02', answer({ raadslagningNr: undefined, virkningPaaBarnet: undefined }))).toEqual([
      '/virkningPaaBarnet',
    ]);
  });

  it('EVA-01 and EVA-02 do not apply to the afsluttende møde variant and never throw', () => {
    for (const r of evalueringsskemaRules) {
      expect(r.check({ variant: 'afsluttende møde', dato: '2027-01-01' }, ctx())).toEqual([]);
      expect(() => r.check('nonsense', ctx())).not.toThrow();
      expect(() => r.check({ variant: 'familierådslagning', vurderinger: 3, aftalteTiltag: {} }, ctx())).not.toThrow();
    }
  });
});

describe('evalueringsskema (familierådslagning) deadlines', () => {
  const eva03 = evalueringsskemaDeadlines.find((d) => d.id === 'EVA-03')!;

  it('EVA-03 reminds the unit to collect the response within a month of the rådslagning', () => {
    const [d] = eva03.derive(answer(), ctx());
    expect(d).toMatchObject({ path: '/opsamletIEnheden', due: '2026-06-28', met: false });
    expect(d!.basis).toEqual({ from: '2026-05-28', amount: 1, unit: 'måneder' });
  });

  it('EVA-03 is met once the collection date is recorded and honours the option', () => {
    const [d] = eva03.derive(answer({ opsamletIEnheden: '2026-06-15' }), ctx({ maaneder: 3 }));
    expect(d).toMatchObject({ met: true, due: '2026-08-28' });
  });

  it('EVA-03 gives nothing without a date or for the other variant', () => {
    expect(eva03.derive(answer({ dato: 'snart' }), ctx())).toEqual([]);
    expect(eva03.derive({ variant: 'afsluttende møde', dato: '2026-05-28' }, ctx())).toEqual([]);
  });
});
