import { createRuleContext, type RuleDefinition } from '@skema/core';
import { describe, expect, it } from 'vitest';
import { familieraadslagningsplanRules } from './familieraadslagningsplan.js';

const ctx = createRuleContext({ formId: 'familieraadslagningsplan', today: '2026-06-01' });
const ctx2 = createRuleContext({ formId: 'familieraadslagningsplan', version: '2.0.0', today: '2026-06-01' });
type Severity = 'error' | 'warning';
const rule = (id: string, severity: Severity = 'error'): RuleDefinition => {
  const found = familieraadslagningsplanRules.find((r) => r.id === id && r.severity === severity);
  if (!found) throw new Error(`no ${severity} rule ${id}`);
  return found;
};
const defaultSeverity = (id: string): Severity => (id === 'FRL-07' ? 'warning' : 'error');
const paths = (id: string, data: unknown, severity: Severity = defaultSeverity(id), context = ctx) =>
  rule(id, severity)
    .check(data, context)
    .map((f) => f.path);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the cases edit fixtures in place at any depth, into invalid shapes on purpose
type Data = Record<string, any>;
const plan = (): Data => ({
  dato: '2026-05-20',
  roller: {
    initiativtager: 'Rikke Rådgiver',
    samordner: 'Sam Samordner',
    samordnerUafhaengig: true,
    ordstyrer: 'Moster Testesen',
    referent: 'Onkel Testesen',
    stoettepersonForBarnet: 'Farmor Testesen',
  },
  deltagere: [
    { navn: 'Mor Testesen', kategori: 'familie' },
    { navn: 'Nabo Hansen', kategori: 'netværk' },
  ],
  barnDeltog: true,
  trin2UdenProfessionelle: true,
  sted: { navn: 'Medborgerhuset', type: 'forsamlingshus' },
  informatoerOplaeg: [
    { emne: 'Skolegang', informatoer: 'Klasselærer', godkendtAfFamilien: true, kortAnerkendendePositivt: true },
  ],
  planpunkter: [{ hvad: 'Henter Emil tirsdag', hvem: 'Farmor', hvornaar: 'Hver tirsdag' }],
  godkendelse: { udfald: 'godkendt', godkendtAf: 'Rikke Rådgiver', godkendtPaaRaadslagningen: true },
  foraeldresamtykke: true,
  praktisk: { barnetValgteMaden: true, barnetForberedt: true },
});

describe('familierådslagningsplan rules', () => {
  it('FRL-01 accepts all five cornerstones and reports each missing one', () => {
    expect(paths('FRL-01', plan())).toEqual([]);
    const d = plan();
    d.deltagere = [{ navn: 'Mor', kategori: 'familie' }];
    d.trin2UdenProfessionelle = false;
    d.roller.samordner = '';
    d.godkendelse.godkendtPaaRaadslagningen = false;
    d.barnDeltog = false;
    expect(paths('FRL-01', d)).toEqual([
      '/deltagere',
      '/trin2UdenProfessionelle',
      '/roller/samordner',
      '/godkendelse/godkendtPaaRaadslagningen',
      '/barnDeltog',
    ]);
  });

  it('FRL-02 requires who and what for every plan item and at least one item', () => {
    expect(paths('FRL-02', plan())).toEqual([]);
    const d = plan();
    d.planpunkter.push({ hvad: 'Lektiehjælp', hvem: ' ' });
    expect(paths('FRL-02', d)).toEqual(['/planpunkter/1/hvem']);
    d.planpunkter = [];
    expect(paths('FRL-02', d)).toEqual(['/planpunkter']);
  });

  it('FRL-03 requires a reason when sent back and a contacted leader when another person approves', () => {
    expect(paths('FRL-03', plan())).toEqual([]);
    const back = plan();
    back.godkendelse = { udfald: 'sendt tilbage' };
    expect(paths('FRL-03', back)).toEqual(['/godkendelse/begrundelse']);
    back.godkendelse.begrundelse = 'Planen sikrer ikke skolegang.';
    expect(paths('FRL-03', back)).toEqual([]);
    const other = plan();
    other.godkendelse.godkendtAf = 'Anden Medarbejder';
    expect(paths('FRL-03', other)).toEqual(['/godkendelse/lederKontaktet']);
    other.godkendelse.lederKontaktet = true;
    expect(paths('FRL-03', other)).toEqual([]);
  });

  it('FRL-04 refuses the town hall, the school and the homes', () => {
    expect(paths('FRL-04', plan())).toEqual([]);
    for (const type of ['rådhuset', 'skolen', 'familiens hjem', 'netværkets hjem']) {
      const d = plan();
      d.sted.type = type;
      expect(rule('FRL-04').check(d, ctx)).toEqual([{ path: '/sted/type', params: { place: type } }]);
    }
  });

  it('FRL-05 requires the family to approve each informant talk', () => {
    expect(paths('FRL-05', plan())).toEqual([]);
    const d = plan();
    d.informatoerOplaeg.push({ emne: 'Misbrug' });
    expect(paths('FRL-05', d)).toEqual(['/informatoerOplaeg/1/godkendtAfFamilien']);
  });

  it('FRL-05 (warning) asks to confirm each talk is short, appreciative and positive, from form 2.0.0', () => {
    expect(rule('FRL-05', 'warning').severity).toBe('warning');
    expect(paths('FRL-05', plan(), 'warning', ctx2)).toEqual([]);
    const d = plan();
    d.informatoerOplaeg.push(
      { emne: 'Misbrug', godkendtAfFamilien: true, kortAnerkendendePositivt: false },
      { emne: 'Sygdom', godkendtAfFamilien: true },
    );
    expect(paths('FRL-05', d, 'warning', ctx2)).toEqual([
      '/informatoerOplaeg/1/kortAnerkendendePositivt',
      '/informatoerOplaeg/2/kortAnerkendendePositivt',
    ]);
    // The error half is about the family's approval only.
    expect(paths('FRL-05', d, 'error', ctx2)).toEqual([]);
    // 1.0.0 has no such field: no warning its users could not resolve.
    expect(paths('FRL-05', d, 'warning', ctx)).toEqual([]);
  });

  it('FRL-06 requires ordstyrer, referent and the child’s support person', () => {
    expect(paths('FRL-06', plan())).toEqual([]);
    const d = plan();
    delete d.roller.referent;
    d.roller.stoettepersonForBarnet = '';
    expect(paths('FRL-06', d)).toEqual(['/roller/referent', '/roller/stoettepersonForBarnet']);
  });

  it('FRL-07 warns about missing consent and arrangements', () => {
    expect(paths('FRL-07', plan())).toEqual([]);
    const d = plan();
    d.foraeldresamtykke = false;
    delete d.praktisk;
    expect(paths('FRL-07', d)).toEqual([
      '/foraeldresamtykke',
      '/praktisk/barnetValgteMaden',
      '/praktisk/barnetForberedt',
    ]);
    expect(rule('FRL-07', 'warning').severity).toBe('warning');
  });

  it('FRL-07 warns about a missing side room only when the conference concerns young children', () => {
    const d = plan();
    d.praktisk.omhandlerMindreBoern = true;
    d.praktisk.sidelokaleTilSmaaBoern = true;
    expect(paths('FRL-07', d)).toEqual([]);
    d.praktisk.sidelokaleTilSmaaBoern = false;
    expect(paths('FRL-07', d)).toEqual(['/praktisk/sidelokaleTilSmaaBoern']);
    delete d.praktisk.sidelokaleTilSmaaBoern;
    expect(paths('FRL-07', d)).toEqual(['/praktisk/sidelokaleTilSmaaBoern']);
    // No young children, or not recorded (1.0.0 data): the seed asks for no side room.
    d.praktisk.omhandlerMindreBoern = false;
    expect(paths('FRL-07', d)).toEqual([]);
    delete d.praktisk.omhandlerMindreBoern;
    expect(paths('FRL-07', d)).toEqual([]);
  });

  it('FRL-xx catalogue: FRL-01–06 are errors, FRL-05 also has a warning half, FRL-07 is a warning', () => {
    const ids = familieraadslagningsplanRules.map((r) => `${r.id}:${r.severity}`);
    expect(ids).toEqual([
      'FRL-01:error',
      'FRL-02:error',
      'FRL-03:error',
      'FRL-04:error',
      'FRL-05:error',
      'FRL-05:warning',
      'FRL-06:error',
      'FRL-07:warning',
    ]);
  });

  it('rules tolerate empty and malformed data', () => {
    for (const r of familieraadslagningsplanRules) {
      for (const context of [ctx, ctx2]) {
        expect(() => r.check(null, context)).not.toThrow();
        expect(() =>
          r.check({ planpunkter: 'x', roller: 1, informatoerOplaeg: [null, 3], praktisk: 'x' }, context),
        ).not.toThrow();
      }
    }
  });
});
