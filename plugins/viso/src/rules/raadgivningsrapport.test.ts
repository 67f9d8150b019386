import { createRuleContext, type RuleDefinition } from '@skema/core';
import { createDanishCalendar } from '@skema/plugin-dk';
import { describe, expect, it } from 'vitest';
import { raadgivningsrapportDeadlines, raadgivningsrapportRules } from './raadgivningsrapport.js';

const ctx = (options: Record<string, unknown> = {}) =>
  createRuleContext({ formId: 'raadgivningsrapport', today: '2026-06-01', options, calendar: createDanishCalendar() });
const rule = (id: string): RuleDefinition => {
  const r = raadgivningsrapportRules.find((x) => x.id === id);
  if (!r) throw new Error(`missing rule ${id}`);
  return r;
};
const paths = (id: string, data: unknown, options?: Record<string, unknown>) =>
  rule(id)
    .check(data, ctx(options))
    .map((f) => f.path);
const rap08 = raadgivningsrapportDeadlines.find((d) => d.id === 'RAP-08')!;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the cases edit fixtures in place at any depth, into invalid shapes on purpose
type Data = Record<string, any>;
const anbefaling = (prioritet: number) => ({ prioritet, tekst: `Anbefaling ${prioritet}` });
const endelig = (): Data => ({
  sag: { ydelse: 'Rådgivningsforløb i en enkeltsag', borgere: [{ navn: 'Emil Testesen', cpr: '120514-9911' }] },
  rapporttype: 'Rådgivningsrapport',
  status: 'endelig',
  titel: 'Rådgivningsrapport – Emil',
  grundlag: { maal: 'm', metoder: 'x', omfang: 'y' },
  fagligePointer: 'p',
  anbefalinger: [anbefaling(1), anbefaling(2), anbefaling(3)],
  bilag: [{ type: 'Opsamlingsnotat fra det afsluttende møde', titel: 'Opsamling 19.05.2026' }],
  afsluttendeMoede: { dato: '2026-05-19', afholdt: true, borgerDeltog: true },
  udsendelse: { udkastUdsendtDato: '2026-05-05' },
});
const udkast = (): Data => ({
  ...endelig(),
  status: 'udkast',
  titel: 'Udkast – Rådgivningsrapport – Emil',
  bilag: [],
  afsluttendeMoede: { dato: '2026-06-16' },
  udsendelse: { udkastUdsendtDato: '2026-05-29' },
});

describe('raadgivningsrapport rules', () => {
  it('RAP-01 allows at most seven recommendations (option)', () => {
    const d = endelig();
    d.anbefalinger = [1, 2, 3, 4, 5, 6, 7].map(anbefaling);
    expect(paths('RAP-01', d)).toEqual([]);
    d.anbefalinger.push(anbefaling(8));
    expect(rule('RAP-01').check(d, ctx())).toEqual([{ path: '/anbefalinger', params: { antal: 8, maks: 7 } }]);
    expect(paths('RAP-01', d, { maks: 8 })).toEqual([]);
  });

  it('RAP-02 requires unique priorities 1…n', () => {
    expect(paths('RAP-02', endelig())).toEqual([]);
    const d = endelig();
    d.anbefalinger = [anbefaling(2), anbefaling(1), anbefaling(2)];
    expect(paths('RAP-02', d)).toEqual(['/anbefalinger/2/prioritet']);
    d.anbefalinger = [anbefaling(1), anbefaling(4)];
    expect(paths('RAP-02', d)).toEqual(['/anbefalinger/1/prioritet']);
    d.anbefalinger = [{ tekst: 'uden prioritet' }];
    expect(paths('RAP-02', d)).toEqual([]);
  });

  it('RAP-03 requires "udkast" in a draft title and the draft sent before the closing meeting', () => {
    expect(paths('RAP-03', udkast())).toEqual([]);
    const d = udkast();
    d.titel = 'Rådgivningsrapport – Emil';
    d.udsendelse.udkastUdsendtDato = '2026-06-16';
    expect(paths('RAP-03', d)).toEqual(['/udsendelse/udkastUdsendtDato', '/titel']);
  });

  it('RAP-03 requires the send date of a draft whose closing meeting has taken place, before the meeting', () => {
    const d = udkast();
    d.afsluttendeMoede = { dato: '2026-05-28' };
    d.udsendelse = {};
    expect(paths('RAP-03', d)).toEqual(['/udsendelse/udkastUdsendtDato']);
    d.afsluttendeMoede = { dato: '2026-06-01' };
    expect(paths('RAP-03', d)).toEqual([]);
    d.afsluttendeMoede = { afholdt: true };
    expect(paths('RAP-03', d)).toEqual(['/udsendelse/udkastUdsendtDato']);
    d.afsluttendeMoede = { dato: '2026-05-28' };
    d.udsendelse = { udkastUdsendtDato: '2026-05-21' };
    expect(paths('RAP-03', d)).toEqual([]);
    d.udsendelse = { udkastUdsendtDato: '2026-05-29' };
    expect(paths('RAP-03', d)).toEqual(['/udsendelse/udkastUdsendtDato']);
    const future = udkast();
    future.udsendelse = {};
    expect(paths('RAP-03', future)).toEqual([]);
  });

  it('RAP-03 requires the final report to record that the draft was sent before the closing meeting', () => {
    const d = endelig();
    d.udsendelse = { endeligUdsendtDato: '2026-05-26' };
    expect(paths('RAP-03', d)).toEqual(['/udsendelse/udkastUdsendtDato']);
    delete d.udsendelse;
    expect(paths('RAP-03', d)).toEqual(['/udsendelse/udkastUdsendtDato']);
    d.udsendelse = { udkastUdsendtDato: '2026-05-19' };
    expect(paths('RAP-03', d)).toEqual(['/udsendelse/udkastUdsendtDato']);
    d.udsendelse = { udkastUdsendtDato: 'ikke en dato' };
    expect(paths('RAP-03', d)).toEqual(['/udsendelse/udkastUdsendtDato']);
    expect(paths('RAP-03', { ...endelig(), rapporttype: 'Analyserapport', udsendelse: undefined, bilag: [] })).toEqual(
      [],
    );
  });

  it('RAP-03 requires a held closing meeting, the attached summary and no "udkast" for the final report', () => {
    expect(paths('RAP-03', endelig())).toEqual([]);
    const d = endelig();
    d.titel = 'UDKAST – Rådgivningsrapport';
    d.afsluttendeMoede = { dato: '2026-06-16' };
    d.bilag = [];
    expect(paths('RAP-03', d)).toEqual(['/titel', '/afsluttendeMoede/afholdt', '/bilag']);
    d.afsluttendeMoede = { dato: '2026-06-16', afholdt: true };
    expect(paths('RAP-03', d)).toContain('/afsluttendeMoede/dato');
    expect(paths('RAP-03', { ...endelig(), rapporttype: 'Analyserapport', bilag: [] })).toEqual([]);
  });

  it('RAP-04 warns when the report is longer than the handbook allows', () => {
    expect(rule('RAP-04').severity).toBe('warning');
    const d = endelig();
    d.antalSider = 16;
    expect(paths('RAP-04', d)).toEqual([]);
    d.antalSider = 17;
    expect(rule('RAP-04').check(d, ctx())).toEqual([
      { path: '/antalSider', params: { antal: 17, maks: 16, rapporttype: 'rådgivningsrapport' } },
    ]);
    d.rapporttype = 'Udredningsrapport';
    d.antalSider = 13;
    expect(paths('RAP-04', d)).toEqual(['/antalSider']);
    expect(paths('RAP-04', d, { maksSiderUdredningsrapport: 14 })).toEqual([]);
  });

  it('RAP-05 requires the assessment report attached when an assessment was made', () => {
    const d = endelig();
    d.udredningGennemfoert = true;
    expect(paths('RAP-05', d)).toEqual(['/bilag']);
    d.bilag.push({ type: 'Udredningsrapport', titel: 'Udredning af Emil' });
    expect(paths('RAP-05', d)).toEqual([]);
  });

  it('RAP-06 requires exactly one borger with a CPR number, except for group services', () => {
    expect(paths('RAP-06', endelig())).toEqual([]);
    const d = endelig();
    d.sag.borgere.push({ navn: 'Ida Testesen', cpr: '030316-9914' });
    expect(rule('RAP-06').check(d, ctx())).toEqual([{ path: '/sag/borgere', params: { antal: 2 } }]);
    d.sag.borgere = [{ navn: 'Emil Testesen' }];
    expect(paths('RAP-06', d)).toEqual(['/sag/borgere/0/cpr']);
    d.sag = { ydelse: 'Rådgivningsforløb vedrørende flere borgere – for fagpersoner' };
    expect(paths('RAP-06', d)).toEqual([]);
  });

  it('RAP-07 refuses a report for services that end with slides or notes', () => {
    const d = endelig();
    d.sag.ydelse = 'Temaforløb – for fagpersoner';
    const [finding] = rule('RAP-07').check(d, ctx());
    expect(finding?.path).toBe('/sag/ydelse');
    expect(finding?.message?.da).toContain('slides og materialer');
    expect(paths('RAP-07', endelig())).toEqual([]);
  });

  it('RAP-07 mini enkeltsag: no recommendations, and the duty to hand over is stressed', () => {
    const d = endelig();
    d.sag.ydelse = 'Mini-rådgivningsforløb i en enkeltsag – for fagpersoner';
    d.oevrigeAnbefalingerProsa = 'Desuden …';
    expect(paths('RAP-07', d)).toEqual([
      '/anbefalinger',
      '/oevrigeAnbefalingerProsa',
      '/variant/henvendersOverleveringspligtFremhaevet',
    ]);
    d.anbefalinger = [];
    delete d.oevrigeAnbefalingerProsa;
    d.variant = { henvendersOverleveringspligtFremhaevet: true };
    expect(paths('RAP-07', d)).toEqual([]);
  });

  it('RAP-07 borgere: recommendations only on what the recipient can do; sagsbehandling: analyserapport', () => {
    const d = endelig();
    d.sag.ydelse = 'Rådgivningsforløb – for borgere';
    expect(paths('RAP-07', d)).toEqual(['/variant/anbefalingerAleneModtagerensHandlemuligheder']);
    d.variant = { anbefalingerAleneModtagerensHandlemuligheder: true };
    expect(paths('RAP-07', d)).toEqual([]);
    d.rapporttype = 'Udredningsrapport';
    expect(paths('RAP-07', d)).toEqual(['/rapporttype']);
    d.sag.ydelse = 'Rådgivningsforløb om sagsbehandling – for myndighedsrådgivere';
    d.rapporttype = 'Rådgivningsrapport';
    expect(paths('RAP-07', d)).toEqual(['/rapporttype']);
    d.rapporttype = 'Analyserapport';
    expect(paths('RAP-07', d)).toEqual([]);
  });

  it('rules tolerate empty and malformed data', () => {
    for (const r of raadgivningsrapportRules) {
      expect(() => r.check(undefined, ctx())).not.toThrow();
      expect(() =>
        r.check({ anbefalinger: 'x', sag: 4, status: 'endelig', bilag: [null], antalSider: '9' }, ctx()),
      ).not.toThrow();
    }
    expect(rap08.derive({ afsluttendeMoede: { dato: 'snart' } }, ctx())).toEqual([]);
  });
});

describe('raadgivningsrapport deadlines', () => {
  it('RAP-08 asks the referrer to forward the draft before the closing meeting', () => {
    const [found] = rap08.derive(udkast(), ctx());
    expect(found).toMatchObject({ path: '/udsendelse/udkastVideresendtTilBorgerDato', due: '2026-06-15', met: false });
    const d = udkast();
    d.udsendelse.udkastVideresendtTilBorgerDato = '2026-06-01';
    expect(rap08.derive(d, ctx())[0]?.met).toBe(true);
  });

  it('RAP-08 asks for the report to be reviewed with an absent borger', () => {
    const d = endelig();
    d.afsluttendeMoede.borgerDeltog = false;
    const found = rap08.derive(d, ctx()).find((f) => f.path === '/afsluttendeMoede/rapportGennemgaaetMedBorgerDato');
    // 19 May + 7 working days, skipping Pinse (25 May).
    expect(found).toMatchObject({
      due: '2026-05-29',
      met: false,
      basis: { from: '2026-05-19', amount: 7, unit: 'arbejdsdage' },
    });
    d.sag.ydelse = 'Rådgivningsforløb vedrørende flere borgere – for fagpersoner';
    expect(rap08.derive(d, ctx())).toEqual([]);
  });
});
