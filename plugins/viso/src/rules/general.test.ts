import { readFileSync } from 'node:fs';
import { createRuleContext, type DeadlineDefinition, type RuleDefinition } from '@skema/core';
import { createDanishCalendar } from '@skema/plugin-dk';
import { describe, expect, it } from 'vitest';
import { generalDeadlines, generalRules } from './general.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the cases edit fixtures in place at any depth, into invalid shapes on purpose
type Data = Record<string, any>;

/** The data of a form's valid example, so the tests run on the real shape of the form. */
function example(formId: string, name: string): Data {
  const url = new URL(`../../../../schemas/${formId}/1.0.0/examples/valid/${name}.json`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { data: Data }).data;
}

const ctx = (formId: string, options: Record<string, unknown> = {}) =>
  createRuleContext({ today: '2026-06-01', formId, options, calendar: createDanishCalendar() });
const rule = (id: string): RuleDefinition => {
  const r = generalRules.find((x) => x.id === id);
  if (!r) throw new Error(`missing rule ${id}`);
  return r;
};
const deadline = (id: string): DeadlineDefinition => {
  const d = generalDeadlines.find((x) => x.id === id);
  if (!d) throw new Error(`missing deadline ${id}`);
  return d;
};
const paths = (id: string, formId: string, data: unknown, options?: Record<string, unknown>) =>
  rule(id)
    .check(data, ctx(formId, options))
    .map((f) => f.path);

describe('general rules (spec §4)', () => {
  it('GEN-02 is a warning on the henvendelsesskema only', () => {
    expect(rule('GEN-02').severity).toBe('warning');
    expect(rule('GEN-02').appliesTo).toEqual(['henvendelsesskema']);
  });

  it('GEN-02 accepts a referral that records the kind of perspective', () => {
    const data = example('henvendelsesskema', 'enkeltsag-ung-16-med-samtykke');
    expect(data.oplysningshjul.perspektiver.perspektivtype).toBe('Indefra-perspektiv');
    expect(paths('GEN-02', 'henvendelsesskema', data)).toEqual([]);
  });

  it('GEN-02 warns when a referral about one borger leaves out the kind of perspective', () => {
    const data = example('henvendelsesskema', 'enkeltsag-ung-16-med-samtykke');
    delete data.oplysningshjul.perspektiver.perspektivtype;
    expect(paths('GEN-02', 'henvendelsesskema', data)).toEqual(['/oplysningshjul/perspektiver/perspektivtype']);
    // The borger example carries the borger's own perspective but not its kind.
    expect(
      paths(
        'GEN-02',
        'henvendelsesskema',
        example('henvendelsesskema', 'borgerforloeb-foraelder-anden-problemstilling'),
      ),
    ).toEqual(['/oplysningshjul/perspektiver/perspektivtype']);
  });

  it('GEN-02 does not ask anonymous referrals or referrals without one borger', () => {
    expect(
      paths('GEN-02', 'henvendelsesskema', example('henvendelsesskema', 'udvidet-telefonraadgivning-anonym')),
    ).toEqual([]);
    expect(
      paths('GEN-02', 'henvendelsesskema', example('henvendelsesskema', 'temaforloeb-tilbud-med-driftsoverenskomst')),
    ).toEqual([]);
  });

  it('GEN-02 follows the ydelser option', () => {
    const data = example('henvendelsesskema', 'borgerforloeb-foraelder-anden-problemstilling');
    expect(paths('GEN-02', 'henvendelsesskema', data, { ydelser: ['Rådgivningsforløb i en enkeltsag'] })).toEqual([]);
  });

  it('DP-09 accepts siblings registered on their own CPR numbers', () => {
    const data = example('underretning', 'kommune-sendt-medunderskrevet');
    expect(data.soeskende).toHaveLength(1);
    expect(paths('DP-09', 'underretning', data)).toEqual([]);
    expect(paths('DP-09', 'underretning', example('underretning', 'bekymringsskrivelse-voksen'))).toEqual([]);
  });

  it("DP-09 refuses a sibling with the child's CPR number, whichever way it is written", () => {
    const data = example('underretning', 'kommune-sendt-medunderskrevet');
    data.soeskende[0].cpr = String(data.barn.cpr).replace('-', '');
    expect(paths('DP-09', 'underretning', data)).toEqual(['/soeskende/0/cpr']);
  });

  it('DP-09 refuses two siblings with the same CPR number', () => {
    const data = example('underretning', 'ankestyrelsen-saerlige-forhold');
    data.soeskende.push({ navn: 'Noa Testesen', cpr: data.soeskende[0].cpr });
    expect(paths('DP-09', 'underretning', data)).toEqual(['/soeskende/1/cpr']);
  });

  it('DP-09 leaves malformed CPR numbers to the schema', () => {
    const data = example('underretning', 'kommune-sendt-medunderskrevet');
    data.soeskende[0].cpr = 'ukendt';
    expect(paths('DP-09', 'underretning', data)).toEqual([]);
  });

  it('GEN-02 and DP-09 never throw on malformed data', () => {
    for (const r of generalRules) {
      for (const data of [
        null,
        undefined,
        'x',
        { ydelse: 'Rådgivningsforløb i en enkeltsag', oplysningshjul: 3 },
        { soeskende: 'x', barn: [] },
      ]) {
        expect(() => r.check(data, ctx(r.appliesTo[0] ?? 'test'))).not.toThrow();
      }
    }
  });
});

describe('general deadlines (spec §4)', () => {
  it('DP-04 expects the delivery closed 7 working days after the planned afsluttende møde', () => {
    const data = example('leveranceaftale', 'enkeltsag-godkendt');
    expect(data.status).toBe('Godkendt');
    const found = deadline('DP-04').derive(data, ctx('leveranceaftale'));
    // Thursday 24 September 2026 plus seven working days (no holidays between) is Monday 5 October.
    expect(found).toEqual([
      expect.objectContaining({
        path: '/status',
        due: '2026-10-05',
        basis: { from: '2026-09-24', amount: 7, unit: 'arbejdsdage' },
        met: false,
      }),
    ]);
  });

  it('DP-04 is met when the agreement is closed', () => {
    const data = example('leveranceaftale', 'enkeltsag-godkendt');
    data.status = 'Afsluttet';
    expect(deadline('DP-04').derive(data, ctx('leveranceaftale'))).toEqual([expect.objectContaining({ met: true })]);
  });

  it('DP-04 falls back to the budget line of the afsluttende møde and follows the option', () => {
    const data = example('leveranceaftale', 'hoejpris-to-leverandoerer');
    delete data.tidsplan.planlagtDatoAfsluttendeMoede;
    const [found] = deadline('DP-04').derive(data, ctx('leveranceaftale', { arbejdsdage: 5 }));
    expect(found?.basis).toEqual({ from: '2026-09-24', amount: 5, unit: 'arbejdsdage' });
    expect(found?.due).toBe('2026-10-01');
  });

  it('DP-04 counts Danish holidays as non-working days', () => {
    const data = example('leveranceaftale', 'enkeltsag-godkendt');
    data.tidsplan.planlagtDatoAfsluttendeMoede = '2026-12-22';
    // Juleaften, juledagene, nytårsaften and nytårsdag are closed: 23, 28, 29, 30 Dec, 4, 5, 6 Jan.
    expect(deadline('DP-04').derive(data, ctx('leveranceaftale'))[0]?.due).toBe('2027-01-06');
  });

  it('DP-04 gives no deadline for agreements that are not running or have no closing meeting', () => {
    expect(
      deadline('DP-04').derive(example('leveranceaftale', 'forlaenget-og-afbrudt'), ctx('leveranceaftale')),
    ).toEqual([]);
    expect(
      deadline('DP-04').derive(
        example('leveranceaftale', 'soeskende-til-godkendelse-uden-forankring'),
        ctx('leveranceaftale'),
      ),
    ).toEqual([]);
    const data = example('leveranceaftale', 'enkeltsag-godkendt');
    delete data.tidsplan.planlagtDatoAfsluttendeMoede;
    data.aktiviteter = data.aktiviteter.filter((a: Data) => a.moedetype !== 'Afsluttende møde');
    expect(deadline('DP-04').derive(data, ctx('leveranceaftale'))).toEqual([]);
    expect(
      deadline('DP-04').derive({ status: 'Godkendt', aktiviteter: 'x', tidsplan: 3 }, ctx('leveranceaftale')),
    ).toEqual([]);
  });
});
