import { createRuleContext, type DeadlineFinding } from '@skema/core';
import { createDanishCalendar } from '@skema/plugin-dk';
import { describe, expect, it } from 'vitest';
import { henvendelsesskemaDeadlines } from './henvendelsesskema.js';
import { YDELSE } from './henvendelsesskema-ydelser.js';

const calendar = createDanishCalendar();

function derive(
  id: string,
  data: unknown,
  options: Record<string, unknown> = {},
  today = '2026-06-01',
): DeadlineFinding[] {
  const def = henvendelsesskemaDeadlines.find((d) => d.id === id);
  if (!def) throw new Error(`no deadline ${id}`);
  const defaults = Object.fromEntries(Object.entries(def.options ?? {}).map(([k, spec]) => [k, spec.default]));
  return def.derive(
    data,
    createRuleContext({ today, formId: 'henvendelsesskema', calendar, options: { ...defaults, ...options } }),
  );
}
const brief = (findings: DeadlineFinding[]) => findings.map((f) => ({ path: f.path, due: f.due, met: f.met }));

const sag = (visitation: Record<string, unknown>, samtykke: Record<string, unknown> = {}) => ({
  ydelse: YDELSE.enkeltsag,
  ydelsestype: 'børn/unge',
  borger: { navn: 'Emil Testesen', cpr: '150310-9907' },
  samtykke: {
    samtykkegrundlag: 'Med samtykke',
    samtykker: [{ rolle: 'forældremyndighedsindehaver', status: 'givet' }],
    ...samtykke,
  },
  visitation,
});

describe('HEN-18 first contact within 7 arbejdsdage of fordeling', () => {
  it('HEN-18 counts working days past Kristi himmelfartsdag and is met by a timely dato1Kontakt', () => {
    // Wednesday 6 May 2026 + 7 working days skips the weekends and Ascension Day (14 May).
    const findings = derive('HEN-18', sag({ fordelingsdato: '2026-05-06', dato1Kontakt: '2026-05-18' }));
    expect(brief(findings)).toEqual([{ path: '/visitation/dato1Kontakt', due: '2026-05-18', met: true }]);
    expect(findings[0]?.basis).toEqual({ from: '2026-05-06', amount: 7, unit: 'arbejdsdage' });
  });
  it('HEN-18 is not met when the first contact is late or not recorded', () => {
    expect(derive('HEN-18', sag({ fordelingsdato: '2026-05-06', dato1Kontakt: '2026-05-19' }))[0]?.met).toBe(false);
    expect(derive('HEN-18', sag({ fordelingsdato: '2026-05-06' }))[0]?.met).toBe(false);
  });
  it('HEN-18 derives nothing before fordeling and follows its option', () => {
    expect(derive('HEN-18', sag({}))).toEqual([]);
    expect(derive('HEN-18', sag({ fordelingsdato: '2026-05-06' }), { arbejdsdage: 5 })[0]?.due).toBe('2026-05-13');
  });
});

describe('HEN-24 pressebevågenhed', () => {
  it('HEN-24 reminds at once (due today) to inform the nearest VISO leader', () => {
    const data = { oplysningshjul: { pressebevaagenhed: true } };
    expect(brief(derive('HEN-24', data, {}, '2026-06-01'))).toEqual([
      { path: '/visitation/visoLederOrienteret', due: '2026-06-01', met: false },
    ]);
  });
  it('HEN-24 is met when the leader was informed and absent without press attention', () => {
    const data = { oplysningshjul: { pressebevaagenhed: true }, visitation: { visoLederOrienteret: '2026-05-28' } };
    expect(brief(derive('HEN-24', data))).toEqual([
      { path: '/visitation/visoLederOrienteret', due: '2026-05-28', met: true },
    ]);
    expect(derive('HEN-24', { oplysningshjul: { pressebevaagenhed: false } })).toEqual([]);
  });
});

describe('HEN-15 ongoing course on the same CPR', () => {
  it('HEN-15 reminds to check for an ongoing course before registration', () => {
    const findings = derive('HEN-15', sag({ modtagetDato: '2026-05-04' }));
    expect(brief(findings)).toEqual([{ path: '/visitation/igangvaerendeForloeb', due: '2026-05-04', met: false }]);
    expect(derive('HEN-15', sag({ modtagetDato: '2026-05-04', igangvaerendeForloeb: false }))[0]?.met).toBe(true);
  });
  it('HEN-15 asks the ongoing course’s fagkonsulent to decide when there is one', () => {
    const data = sag({ modtagetDato: '2026-05-04', registreringsdato: '2026-05-06', igangvaerendeForloeb: true });
    expect(brief(derive('HEN-15', data))).toEqual([
      { path: '/visitation/igangvaerendeForloebBeslutning', due: '2026-05-06', met: false },
    ]);
    const decided = sag({ igangvaerendeForloeb: true, igangvaerendeForloebBeslutning: 'oprettes som nyt forløb' });
    expect(derive('HEN-15', decided)[0]?.met).toBe(true);
  });
  it('HEN-15 derives nothing for an anonymous referral', () => {
    expect(derive('HEN-15', { ydelse: YDELSE.udvidetTelefon, visitation: {} })).toEqual([]);
  });
});

describe('HEN-16 consent missing at screening', () => {
  it('HEN-16 reminds Team Support to contact a fagkonsulent without registering', () => {
    const data = sag({ screeningsdato: '2026-05-05' }, { samtykker: [] });
    expect(brief(derive('HEN-16', data))).toEqual([
      { path: '/visitation/fagkonsulentKontaktetOmSamtykke', due: '2026-05-05', met: false },
    ]);
    const contacted = sag(
      { screeningsdato: '2026-05-05', fagkonsulentKontaktetOmSamtykke: '2026-05-05' },
      { samtykker: [] },
    );
    expect(derive('HEN-16', contacted)[0]?.met).toBe(true);
  });
  it('HEN-16 derives nothing when consent is in place or before screening', () => {
    expect(derive('HEN-16', sag({ screeningsdato: '2026-05-05' }))).toEqual([]);
    expect(derive('HEN-16', sag({}, { samtykker: [] }))).toEqual([]);
  });
});

describe('HEN-17 letters on fordeling', () => {
  it('HEN-17 derives the kvitteringsbrev and the persondatabrev on the day of fordeling', () => {
    const findings = derive('HEN-17', sag({ fordelingsdato: '2026-05-06', kvitteringsbrevSendt: '2026-05-06' }));
    expect(brief(findings)).toEqual([
      { path: '/visitation/kvitteringsbrevSendt', due: '2026-05-06', met: true },
      { path: '/visitation/persondatabrevSendt', due: '2026-05-06', met: false },
    ]);
  });
  it('HEN-17 sends no persondatabrev for an anonymous referral and nothing before fordeling', () => {
    const anonymous = { ydelse: YDELSE.udvidetTelefon, visitation: { fordelingsdato: '2026-05-06' } };
    expect(derive('HEN-17', anonymous).map((f) => f.path)).toEqual(['/visitation/kvitteringsbrevSendt']);
    expect(derive('HEN-17', sag({}))).toEqual([]);
  });
});
