import { describe, expect, it } from 'vitest';
import { createRuleContext, type DeadlineDefinition } from '@skema/core';
import { createDanishCalendar } from '@skema/plugin-dk';
import { underretningDeadlines } from './underretning.js';

const def = (id: string): DeadlineDefinition => {
  const found = underretningDeadlines.find((d) => d.id === id);
  if (!found) throw new Error(`no deadline ${id}`);
  return found;
};

const derive = (id: string, data: unknown, options: Record<string, unknown> = {}) =>
  def(id).derive(
    data,
    createRuleContext({ today: '2026-06-01', formId: 'underretning', options, calendar: createDanishCalendar() }),
  );

const AST = 'Underretning til Ankestyrelsen';
const KOMMUNE = 'Underretning til kommunen';

describe('underretning deadlines', () => {
  it('UND-xx catalogue: UND-01, UND-05, UND-08 (reminder) and UND-09 are deadline definitions', () => {
    expect(underretningDeadlines.map((d) => d.id)).toEqual(['UND-01', 'UND-05', 'UND-08', 'UND-09']);
    for (const d of underretningDeadlines)
      expect(() => d.derive({ type: AST, saerligeForhold: 'x', sendtDato: 7 }, createRuleContext())).not.toThrow();
  });

  it('UND-01 asks the specialist to contact the fagkonsulent by the next working day', () => {
    // Concern on Friday 22 May 2026; Monday 25 May is Whit Monday (2. pinsedag).
    const [open] = derive('UND-01', { bekymringOpstaaetDato: '2026-05-22' });
    expect(open).toMatchObject({
      path: '/fagkonsulentKontaktet/dato',
      due: '2026-05-26',
      basis: { amount: 1, unit: 'arbejdsdage' },
      met: false,
    });
    const [done] = derive('UND-01', {
      bekymringOpstaaetDato: '2026-05-22',
      fagkonsulentKontaktet: { dato: '2026-05-22' },
    });
    expect(done?.met).toBe(true);
    expect(derive('UND-01', { bekymringOpstaaetDato: '2026-05-22' }, { workingDays: 0 })[0]?.due).toBe('2026-05-22');
    expect(derive('UND-01', {})).toEqual([]);
  });

  it('UND-05 gives the kommune 24 timer after sending, met when the assessment is recorded in time', () => {
    const [open] = derive('UND-05', { type: KOMMUNE, sendtDato: '2026-04-21' });
    expect(open).toMatchObject({
      path: '/kommunensTilbagemelding/vurderetDato',
      due: '2026-04-22',
      basis: { from: '2026-04-21', amount: 24, unit: 'timer' },
      met: false,
    });
    const [met] = derive('UND-05', {
      type: KOMMUNE,
      sendtDato: '2026-04-21',
      kommunensTilbagemelding: { vurderetDato: '2026-04-22' },
    });
    expect(met?.met).toBe(true);
    expect(derive('UND-05', { type: AST, sendtDato: '2026-04-21' })).toEqual([]);
    expect(derive('UND-05', { type: KOMMUNE })).toEqual([]);
  });

  it('UND-08 reminds to call 3341 1200 when særlige forhold are recorded for Ankestyrelsen', () => {
    const [beforeSending] = derive('UND-08', { type: AST, saerligeForhold: ['vold'] });
    expect(beforeSending).toMatchObject({
      path: '/telefoniskKontaktAnkestyrelsen/dato',
      due: '2026-06-01',
      met: false,
    });
    expect(beforeSending?.label.da).toContain('3341 1200');
    const [called] = derive('UND-08', {
      type: AST,
      saerligeForhold: ['overgreb'],
      sendtDato: '2026-05-19',
      telefoniskKontaktAnkestyrelsen: { dato: '2026-05-19' },
    });
    expect(called).toMatchObject({ due: '2026-05-19', met: true });
    expect(derive('UND-08', { type: AST, saerligeForhold: [] })).toEqual([]);
    expect(derive('UND-08', { type: KOMMUNE, saerligeForhold: ['vold'] })).toEqual([]);
  });

  it('UND-09 follows up on Ankestyrelsen’s § 151 notice after the follow-up option', () => {
    const [open] = derive('UND-09', { type: AST, sendtDato: '2026-05-19' });
    expect(open).toMatchObject({ path: '/astTilbagemelding/dato', due: '2026-06-18', met: false });
    expect(derive('UND-09', { type: AST, sendtDato: '2026-05-19' }, { followUpDays: 14 })[0]?.due).toBe('2026-06-02');
    expect(
      derive('UND-09', { type: AST, sendtDato: '2026-05-19', astTilbagemelding: { dato: '2026-05-29' } })[0]?.met,
    ).toBe(true);
    expect(derive('UND-09', { type: KOMMUNE, sendtDato: '2026-05-19' })).toEqual([]);
  });
});
