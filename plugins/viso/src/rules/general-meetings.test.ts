import { readFileSync } from 'node:fs';
import { createRuleContext, type RuleDefinition } from '@skema/core';
import { createDanishCalendar } from '@skema/plugin-dk';
import { describe, expect, it } from 'vitest';
import { generalDeadlines, generalRules } from './general.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the cases edit fixtures in place at any depth, into invalid shapes on purpose
type Data = Record<string, any>;

/** A valid example of the opsamlingsnotat, so the tests run on the real shape of the form. */
function example(name: string, version = '1.1.0'): Data {
  const url = new URL(`../../../../schemas/opsamlingsnotat/${version}/examples/valid/${name}.json`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { data: Data }).data;
}

const ctx = (version = '1.1.0', options: Record<string, unknown> = {}) =>
  createRuleContext({
    today: '2026-06-01',
    formId: 'opsamlingsnotat',
    version,
    options,
    calendar: createDanishCalendar(),
  });
const rule = (id: string): RuleDefinition => {
  const r = generalRules.find((x) => x.id === id);
  if (!r) throw new Error(`missing rule ${id}`);
  return r;
};
const paths = (id: string, data: unknown, version?: string) =>
  rule(id)
    .check(data, ctx(version))
    .map((f) => f.path);
const full = () => example('afklarende-moede-oplysninger-observation-partsrepraesentant');
const mini = () => example('mini-enkeltsag-forlaenget-nyt-afklarende-moede');

describe('GEN-03, GEN-04, GEN-05 and DP-10 on the opsamlingsnotat (spec §4)', () => {
  it('GEN-03 accepts an extended mini course with a new clarifying meeting, and courses that need none', () => {
    expect(paths('GEN-03', mini())).toEqual([]);
    const attended = mini();
    attended.inddragelse = { borgerDeltog: true };
    delete attended.afklarende.nytAfklarendeMoedeDato;
    expect(paths('GEN-03', attended)).toEqual([]);
    const notExtended = mini();
    notExtended.afklarende.forloebForlaenget = false;
    delete notExtended.afklarende.nytAfklarendeMoedeDato;
    expect(paths('GEN-03', notExtended)).toEqual([]);
  });

  it('GEN-03 requires a new clarifying meeting when an extended mini course had the borger absent', () => {
    const d = mini();
    delete d.afklarende.nytAfklarendeMoedeDato;
    expect(paths('GEN-03', d)).toEqual(['/afklarende/nytAfklarendeMoedeDato']);
    d.afklarende.nytAfklarendeMoedeDato = 'snart';
    expect(paths('GEN-03', d)).toEqual(['/afklarende/nytAfklarendeMoedeDato']);
    // The rule is about the mini enkeltsag only (001 §3.5).
    d.sag.ydelse = 'Rådgivningsforløb i en enkeltsag';
    expect(paths('GEN-03', d)).toEqual([]);
  });

  it('GEN-04 accepts supplementary information collected with agreement, consent, notice and minimisation', () => {
    expect(paths('GEN-04', full())).toEqual([]);
    expect(paths('GEN-04', example('afklarende-moede'))).toEqual([]);
  });

  it('GEN-04 refuses each missing condition of collecting supplementary information', () => {
    const d = full();
    d.supplerendeOplysninger.push({ beskrivelse: 'Journal fra børnepsykiatrien.' });
    expect(paths('GEN-04', d)).toEqual([
      '/supplerendeOplysninger/1/aftaltMedFagkonsulent',
      '/supplerendeOplysninger/1/henvenderOrienteret',
      '/supplerendeOplysninger/1/noedvendighedVurderet',
      '/supplerendeOplysninger/1/samtykkeFra',
      '/supplerendeOplysninger/1/samtykkeIVias',
    ]);
  });

  it('GEN-05 accepts announced observation, and others taking part with their written consent', () => {
    expect(paths('GEN-05', full())).toEqual([]);
    const d = full();
    d.observationer[0].andrePersonerIndgaar = false;
    delete d.observationer[0].skriftligtSamtykkeFraAndre;
    expect(paths('GEN-05', d)).toEqual([]);
  });

  it('GEN-05 refuses unannounced observation and others in a recording without written consent', () => {
    const d = full();
    d.observationer = [
      { form: 'observation', anmeldt: false },
      { form: 'videooptagelse', anmeldt: true, andrePersonerIndgaar: true, skriftligtSamtykkeFraAndre: false },
      { form: 'observation' },
    ];
    expect(paths('GEN-05', d)).toEqual([
      '/observationer/0/anmeldt',
      '/observationer/1/skriftligtSamtykkeFraAndre',
      '/observationer/2/anmeldt',
    ]);
    const [unannounced] = rule('GEN-05').check(d, ctx());
    expect(unannounced?.message?.da).toMatch(/uanmeldt observation/);
  });

  it('DP-10 accepts a sent notat that every party representative received, and a notat not yet sent', () => {
    expect(paths('DP-10', full())).toEqual([]);
    const unsent = full();
    unsent.partsrepraesentanter[0].notatTilsendt = false;
    delete unsent.udsendelse;
    expect(paths('DP-10', unsent)).toEqual([]);
  });

  it('DP-10 refuses a sent notat that a party representative did not receive', () => {
    const d = full();
    d.partsrepraesentanter.push({ navn: 'Ali Advokattest', repraesenterer: 'Emils far' });
    expect(paths('DP-10', d)).toEqual(['/partsrepraesentanter/1/notatTilsendt']);
  });

  it('GEN-03, GEN-04, GEN-05 and DP-10 are errors from opsamlingsnotat 1.1.0 and silent on 1.0.0, which has no such fields', () => {
    const bad = mini();
    delete bad.afklarende.nytAfklarendeMoedeDato;
    bad.supplerendeOplysninger = [{ beskrivelse: 'x' }];
    bad.observationer = [{ form: 'observation', anmeldt: false }];
    bad.partsrepraesentanter = [{ navn: 'A', repraesenterer: 'B' }];
    for (const id of ['GEN-03', 'GEN-04', 'GEN-05', 'DP-10']) {
      expect(rule(id).severity).toBe('error');
      expect(rule(id).appliesTo).toEqual(['opsamlingsnotat']);
      expect((rule(id) as { since?: Record<string, string> }).since).toEqual({ opsamlingsnotat: '1.1.0' });
      expect(paths(id, bad, '1.0.0')).toEqual([]);
      expect(paths(id, bad, '1.1.0').length).toBeGreaterThan(0);
    }
  });

  it('GEN-03, GEN-04, GEN-05 and DP-10 never throw on malformed data', () => {
    for (const id of ['GEN-03', 'GEN-04', 'GEN-05', 'DP-10']) {
      for (const data of [
        null,
        'x',
        {
          supplerendeOplysninger: 'x',
          observationer: [null, 3],
          partsrepraesentanter: {},
          udsendelse: { udsendtDato: '2026-05-01' },
        },
      ]) {
        expect(() => rule(id).check(data, ctx())).not.toThrow();
      }
    }
  });
});

describe('DP-08 journaliseringspligt on the opsamlingsnotat', () => {
  const dp08 = generalDeadlines.find((d) => d.id === 'DP-08')!;

  it('DP-08 expects every notat but the afklarende møde (OPS-01) filed in VIAS 5 working days after the meeting', () => {
    const d = example('afsluttende-moede', '1.0.0');
    const [found] = dp08.derive(d, ctx('1.0.0'));
    expect(found).toMatchObject({
      path: '/udsendelse/lagtIViasDato',
      basis: { from: d.moede.dato, amount: 5, unit: 'arbejdsdage' },
    });
    expect(dp08.derive(example('afklarende-moede', '1.0.0'), ctx('1.0.0'))).toEqual([]);
  });

  it('DP-08 is met when the notat is filed in time, not when it is filed late, and follows the option', () => {
    const d = example('afsluttende-moede', '1.0.0');
    d.moede.dato = '2026-05-04';
    d.udsendelse = { lagtIViasDato: '2026-05-08' };
    expect(dp08.derive(d, ctx('1.0.0'))[0]).toMatchObject({ due: '2026-05-11', met: true });
    d.udsendelse.lagtIViasDato = '2026-05-12';
    expect(dp08.derive(d, ctx('1.0.0'))[0]).toMatchObject({ met: false });
    expect(dp08.derive(d, ctx('1.0.0', { arbejdsdage: 1 }))[0]).toMatchObject({ due: '2026-05-05' });
  });
});
