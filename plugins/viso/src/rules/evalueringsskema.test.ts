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
const paths = (id: string, data: unknown) =>
  rule(id)
    .check(data, ctx())
    .map((f) => f.path);

const closing = (extra: Record<string, unknown> = {}) => ({
  variant: 'afsluttende møde',
  dato: '2026-05-20',
  maal: [
    { tekst: 'Skolen har en fælles plan for Emils morgenstart.', vurdering: 'nået' },
    { tekst: 'Emil deltager i idrætstimerne.', vurdering: 'delvist nået' },
  ],
  forankring: 'Tovholderen indkalder til arbejdsmøder hver 6. uge.',
  udbredelse: 'Skolens ressourcecenter bruger morgenplanen i to andre klasser.',
  lederDeltog: true,
  borgerDeltog: true,
  ...extra,
});

describe('evalueringsskema (afsluttende møde) rules', () => {
  it('EVA-04 requires a verdict on every goal', () => {
    expect(paths('EVA-04', closing())).toEqual([]);
    const data = closing();
    delete (data.maal[1] as { vurdering?: string }).vurdering;
    expect(paths('EVA-04', data)).toEqual(['/maal/1/vurdering']);
    expect(paths('EVA-04', closing({ maal: [{ tekst: 'x', vurdering: 'måske' }] }))).toEqual(['/maal/0/vurdering']);
  });

  it('EVA-04 requires the goals to be listed at all', () => {
    expect(paths('EVA-04', closing({ maal: [] }))).toEqual(['/maal']);
  });

  it('EVA-05 requires the leader to have taken part', () => {
    expect(paths('EVA-05', closing())).toEqual([]);
    expect(paths('EVA-05', closing({ lederDeltog: false }))).toEqual(['/lederDeltog']);
    expect(paths('EVA-05', closing({ lederDeltog: undefined }))).toEqual(['/lederDeltog']);
  });

  it('GEN-01 requires a reason and an alternative way when the borger was absent', () => {
    expect(paths('GEN-01', closing())).toEqual([]);
    expect(paths('GEN-01', closing({ borgerDeltog: false }))).toEqual([
      '/aarsagTilFravaer',
      '/perspektivIndhentetPaaAndenVis',
    ]);
    expect(
      paths(
        'GEN-01',
        closing({
          borgerDeltog: false,
          aarsagTilFravaer: 'Emil var syg.',
          perspektivIndhentetPaaAndenVis: 'Kontaktlæreren gennemgår rapporten med Emil.',
        }),
      ),
    ).toEqual([]);
  });

  it('GEN-01 requires the participation to be recorded', () => {
    expect(paths('GEN-01', closing({ borgerDeltog: undefined }))).toEqual(['/borgerDeltog']);
  });

  it('EVA-04, EVA-05 and GEN-01 do not apply to the familierådslagning variant', () => {
    const data = { variant: 'familierådslagning', raadslagningNr: 1 };
    for (const r of evalueringsskemaRules) expect(r.check(data, ctx())).toEqual([]);
  });

  it('EVA-04, EVA-05 and GEN-01 never throw on malformed data', () => {
    for (const r of evalueringsskemaRules) {
      expect(() => r.check({ variant: 'afsluttende møde', maal: 'x' }, ctx())).not.toThrow();
      expect(() => r.check(null, ctx())).not.toThrow();
    }
  });
});

describe('evalueringsskema (afsluttende møde) deadlines', () => {
  const eva06 = evalueringsskemaDeadlines.find((d) => d.id === 'EVA-06')!;

  it('EVA-06 expects the satisfaction survey within 7 working days of the afsluttende møde', () => {
    const [d] = eva06.derive(closing(), ctx());
    // 2026-05-20 is a Wednesday: seven working days later (weekend calendar) is Friday 2026-05-29.
    expect(d).toMatchObject({ path: '/tilfredshedsundersoegelseSendt', due: '2026-05-29', met: false });
    expect(d!.basis).toEqual({ from: '2026-05-20', amount: 7, unit: 'arbejdsdage' });
  });

  it('EVA-06 is met once the survey date is recorded and honours the option', () => {
    const [d] = eva06.derive(closing({ tilfredshedsundersoegelseSendt: '2026-05-27' }), ctx({ arbejdsdage: 2 }));
    expect(d).toMatchObject({ met: true, due: '2026-05-22' });
  });

  it('EVA-06 gives nothing without a meeting date or for the other variant', () => {
    expect(eva06.derive(closing({ dato: undefined }), ctx())).toEqual([]);
    expect(eva06.derive({ variant: 'familierådslagning', dato: '2026-05-20' }, ctx())).toEqual([]);
  });
});
