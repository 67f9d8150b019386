import { createRuleContext, type RuleFinding } from '@skema/core';
import { describe, expect, it } from 'vitest';
import { henvendelsesskemaRules } from './henvendelsesskema.js';
import { YDELSE } from './henvendelsesskema-ydelser.js';

function run(id: string, data: unknown, options: Record<string, unknown> = {}, today = '2026-06-01'): RuleFinding[] {
  const r = henvendelsesskemaRules.find((x) => x.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  const defaults = Object.fromEntries(Object.entries(r.options ?? {}).map(([k, spec]) => [k, spec.default]));
  return r.check(data, createRuleContext({ today, formId: 'henvendelsesskema', options: { ...defaults, ...options } }));
}
const paths = (findings: RuleFinding[]) => findings.map((f) => f.path);

const SEKSTEN = '150310-9907'; // born 2010-03-15: 16 on 2026-06-01
const NI = '110217-9906'; // born 2017-02-11: 9
const FYLDER_15 = '010611-9910'; // born 2011-06-01: turns 15 on 2026-06-01
const VOKSEN = '200581-9908'; // born 1981-05-20: 45

const FORAELDER = 'forældremyndighedsindehaver';
const UNG = 'den unge (fyldt 15 år)';
const FULDMAGTSHAVER = 'fuldmagtshaver (almindelig fuldmagt / fremtidsfuldmagt)';
const P11D = 'Samtykke forsøgt indhentet – Retssikkerhedslovens § 11d, stk. 2';
const P82 = 'Uden samtykke – servicelovens § 82';
const ADOPTION = 'Adoption uden samtykke – § 11d / barnets lov § 70';

const s = (rolle: string, status: string) => ({ giver: 'Testperson', rolle, dato: '2026-05-01', status });
const sag = (cpr: string | undefined, samtykke: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  ydelse: YDELSE.enkeltsag,
  ydelsestype: 'børn/unge',
  henvender: { type: 'kommune', rolle: 'myndighedsrådgiver' },
  borger: { navn: 'Emil Testesen', ...(cpr ? { cpr } : {}) },
  samtykke,
  ...extra,
});
const voksen = (samtykke: Record<string, unknown>, repraesentation: Record<string, unknown> = {}) => ({
  ...sag(VOKSEN, samtykke),
  ydelsestype: 'voksne',
  repraesentation,
});

describe('HEN-02 samtykkegrundlag', () => {
  it('HEN-02 requires the basis for a referral about an identified borger', () => {
    expect(paths(run('HEN-02', sag(NI, { samtykker: [s(FORAELDER, 'givet')] })))).toEqual([
      '/samtykke/samtykkegrundlag',
    ]);
  });
  it('HEN-02 does not ask for a basis when the ydelse is anonymous or about several borgere', () => {
    expect(run('HEN-02', { ydelse: YDELSE.udvidetTelefon })).toEqual([]);
    expect(run('HEN-02', { ydelse: YDELSE.temaforloeb })).toEqual([]);
  });
  it('HEN-02 refuses «Med samtykke» without any consent given', () => {
    const findings = run(
      'HEN-02',
      sag(NI, { samtykkegrundlag: 'Med samtykke', samtykker: [s(FORAELDER, 'forsøgt indhentet')] }),
    );
    expect(paths(findings)).toEqual(['/samtykke/samtykkegrundlag']);
  });
  it('HEN-02 refuses «Med samtykke» when someone refused, pointing at the refusal', () => {
    const data = sag(NI, {
      samtykkegrundlag: 'Med samtykke',
      samtykker: [s(FORAELDER, 'givet'), s(FORAELDER, 'afvist')],
    });
    expect(paths(run('HEN-02', data))).toEqual(['/samtykke/samtykker/1/status']);
  });
  it('HEN-02 accepts «Med samtykke» with consent given and § 11d with an attempt', () => {
    expect(run('HEN-02', sag(NI, { samtykkegrundlag: 'Med samtykke', samtykker: [s(FORAELDER, 'givet')] }))).toEqual(
      [],
    );
    expect(run('HEN-02', sag(NI, { samtykkegrundlag: P11D, samtykker: [s(FORAELDER, 'forsøgt indhentet')] }))).toEqual(
      [],
    );
  });
});

describe('HEN-03 consent obtained or attempted', () => {
  it('HEN-03 refuses a referral with no consent recorded', () => {
    const findings = run('HEN-03', sag(NI, { samtykkegrundlag: 'Med samtykke', samtykker: [] }));
    // A 9-year-old: «den unge (fyldt 15 år)» is no consent giver before the 15th birthday.
    expect(findings).toEqual([{ path: '/samtykke/samtykker', params: { givere: `${FORAELDER} / værge` } }]);
  });
  it('HEN-03 does not count close relatives as consent for a child', () => {
    expect(
      paths(run('HEN-03', sag(NI, { samtykkegrundlag: P11D, samtykker: [s('nære pårørende', 'givet')] }))),
    ).toEqual(['/samtykke/samtykker']);
  });
  it('HEN-03 accepts a refusal or an attempt as a consent that was sought', () => {
    expect(run('HEN-03', sag(NI, { samtykkegrundlag: P11D, samtykker: [s(FORAELDER, 'afvist')] }))).toEqual([]);
    expect(
      run('HEN-03', voksen({ samtykkegrundlag: 'Med samtykke', samtykker: [s('borger', 'forsøgt indhentet')] })),
    ).toEqual([]);
  });
  it('HEN-03 leaves the adult path without consent to HEN-08', () => {
    expect(run('HEN-03', voksen({ samtykkegrundlag: P82, samtykker: [] }))).toEqual([]);
  });
});

describe('HEN-04 § 11d, stk. 2', () => {
  const ok = {
    samtykkegrundlag: P11D,
    samtykker: [s(FORAELDER, 'forsøgt indhentet')],
    sagOmSaerligStoetteEfterBarnetsLov: true,
    orienteretOmBisidder: true,
  };
  it('HEN-04 accepts a complete § 11d referral from a kommune', () => {
    expect(run('HEN-04', sag(NI, ok))).toEqual([]);
  });
  it('HEN-04 reports every missing condition', () => {
    const data = {
      ...sag(NI, { samtykkegrundlag: P11D, samtykker: [s('nære pårørende', 'givet')] }),
      ydelsestype: 'voksne',
      henvender: { type: 'tilbud' },
    };
    expect(paths(run('HEN-04', data))).toEqual([
      '/ydelsestype',
      '/henvender/type',
      '/samtykke/sagOmSaerligStoetteEfterBarnetsLov',
      '/samtykke/samtykker',
      '/samtykke/orienteretOmBisidder',
    ]);
  });
  it('HEN-04 accepts an attempt with the youth aged 15 and does not apply to other bases', () => {
    expect(run('HEN-04', sag(SEKSTEN, { ...ok, samtykker: [s(UNG, 'afvist')] }))).toEqual([]);
    expect(run('HEN-04', sag(NI, { samtykkegrundlag: 'Med samtykke' }))).toEqual([]);
  });
});

describe('HEN-05 youth consent from 15 (Q5)', () => {
  const both = [s(FORAELDER, 'givet'), s(UNG, 'givet')];
  it('HEN-05 requires a 16-year-old to be asked', () => {
    expect(run('HEN-05', sag(SEKSTEN, { samtykker: [s(FORAELDER, 'givet')] }))).toEqual([
      { path: '/samtykke/samtykker', params: { alder: 15 } },
    ]);
    expect(run('HEN-05', sag(SEKSTEN, { samtykker: both }))).toEqual([]);
  });
  it('HEN-05 applies from the day the youth turns 15, computed from the CPR number', () => {
    const data = sag(FYLDER_15, { samtykker: [s(FORAELDER, 'givet')] });
    expect(paths(run('HEN-05', data, {}, '2026-06-01'))).toEqual(['/samtykke/samtykker']);
    expect(run('HEN-05', data, {}, '2026-05-31')).toEqual([]);
  });
  it('HEN-05 supplements, not replaces, the custody holder’s consent', () => {
    const findings = run('HEN-05', sag(SEKSTEN, { samtykker: [s(UNG, 'givet')] }));
    expect(paths(findings)).toEqual(['/samtykke/samtykker']);
    expect(findings[0]?.message?.da).toContain('erstatter ikke');
    // youthSupplementsParents can no longer be switched off (its schema is const true); a false that
    // reached the rule anyway does not change it.
    expect(
      paths(run('HEN-05', sag(SEKSTEN, { samtykker: [s(UNG, 'givet')] }), { youthSupplementsParents: false })),
    ).toEqual(['/samtykke/samtykker']);
  });
  it('HEN-05 counts statuses as configured (a tenant may count fewer as asked)', () => {
    const refused = sag(SEKSTEN, { samtykker: [s(FORAELDER, 'givet'), s(UNG, 'afvist')] });
    expect(run('HEN-05', refused)).toEqual([]);
    expect(paths(run('HEN-05', refused, { youthStatuses: ['givet', 'forsøgt indhentet'] }))).toEqual([
      '/samtykke/samtykker',
    ]);
  });
  it('HEN-05 a 10-year-old’s own consent does not count, on «Med samtykke» or on the § 11d path', () => {
    const ti = '110216-9906'; // born 2016-02-11: 10 on 2026-06-01
    const own = sag(ti, { samtykkegrundlag: 'Med samtykke', samtykker: [s(UNG, 'givet')] });
    expect(paths(run('HEN-05', own))).toEqual(['/samtykke/samtykker/0/rolle']);
    expect(paths(run('HEN-02', own))).toEqual(['/samtykke/samtykkegrundlag']);
    expect(paths(run('HEN-03', own))).toEqual(['/samtykke/samtykker']);
    const p11d = sag(ti, {
      samtykkegrundlag: P11D,
      samtykker: [s(UNG, 'forsøgt indhentet')],
      sagOmSaerligStoetteEfterBarnetsLov: true,
      orienteretOmBisidder: true,
    });
    expect(paths(run('HEN-04', p11d))).toEqual(['/samtykke/samtykker']);
    expect(paths(run('HEN-05', p11d))).toEqual(['/samtykke/samtykker/0/rolle']);
    // Valid: the custody holder is asked.
    const withParent = sag(ti, {
      samtykkegrundlag: 'Med samtykke',
      samtykker: [s(FORAELDER, 'givet'), s(UNG, 'givet')],
    });
    for (const id of ['HEN-02', 'HEN-03', 'HEN-05']) expect(run(id, withParent), id).toEqual([]);
  });
  it('HEN-05 uses the birth date of a child without a CPR number', () => {
    const data = {
      ...sag(undefined, { samtykker: [s(UNG, 'givet')] }),
      borger: { navn: 'Emil Testesen', intetCprNummer: true, foedselsdato: '2016-02-11' },
    };
    expect(paths(run('HEN-05', data))).toEqual(['/samtykke/samtykker/0/rolle']);
    const sixteen = {
      ...data,
      borger: { ...data.borger, foedselsdato: '2010-03-15' },
      samtykke: { samtykker: [s(FORAELDER, 'givet')] },
    };
    expect(paths(run('HEN-05', sixteen))).toEqual(['/samtykke/samtykker']);
  });
  it('HEN-05 judges the age on the reference date (the referral made at 14), not the clock of a later update', () => {
    const data = sag(FYLDER_15, { samtykker: [s(FORAELDER, 'givet')] });
    const at = (referenceDate: string | undefined) => {
      const r = henvendelsesskemaRules.find((x) => x.id === 'HEN-05')!;
      return r.check(
        data,
        createRuleContext({
          today: '2026-06-01',
          ...(referenceDate ? { referenceDate } : {}),
          options: { youthStatuses: ['givet', 'forsøgt indhentet', 'afvist'] },
        }),
      );
    };
    expect(at('2026-05-31')).toEqual([]);
    expect(paths(at(undefined))).toEqual(['/samtykke/samtykker']);
  });
  it('HEN-05 does not apply to children under 15 or to adults', () => {
    expect(run('HEN-05', sag(NI, { samtykker: [s(FORAELDER, 'givet')] }))).toEqual([]);
    expect(run('HEN-05', voksen({ samtykker: [s('borger', 'givet')] }))).toEqual([]);
  });
});

describe('HEN-06 værgemål and anbringelse uden samtykke', () => {
  it('HEN-06 requires the guardian, named and asked, when there is værgemål', () => {
    const data = voksen({ samtykker: [s('borger', 'givet')] }, { vaergemaal: true });
    expect(paths(run('HEN-06', data))).toEqual(['/repraesentation/vaerge', '/samtykke/samtykker']);
    const ok = voksen({ samtykker: [s('værge', 'givet')] }, { vaergemaal: true, vaerge: { navn: 'Lise Prøvesen' } });
    expect(run('HEN-06', ok)).toEqual([]);
  });
  it('HEN-06 requires the custody holder to be asked also with anbringelse uden samtykke', () => {
    const data = sag(SEKSTEN, { anbringelseUdenSamtykke: true, samtykker: [s(UNG, 'givet')] });
    expect(paths(run('HEN-06', data))).toEqual(['/samtykke/samtykker']);
    expect(
      run(
        'HEN-06',
        sag(SEKSTEN, { anbringelseUdenSamtykke: true, samtykker: [s(UNG, 'givet'), s(FORAELDER, 'afvist')] }),
      ),
    ).toEqual([]);
  });
  it('HEN-05 leaves the custody holder to HEN-06 when the referral concerns anbringelse uden samtykke', () => {
    expect(run('HEN-05', sag(SEKSTEN, { anbringelseUdenSamtykke: true, samtykker: [s(UNG, 'givet')] }))).toEqual([]);
  });
});

describe('HEN-07 adult consent-givers', () => {
  const fuldmagt = {
    fuldmagt: 'fremtidsfuldmagt',
    fuldmagtshaver: { navn: 'Lise Prøvesen' },
    ikraft: true,
    omfatterSocialomraadet: true,
  };
  it('HEN-07 accepts the borger and a fuldmagtshaver whose fuldmagt is in force and covers the social area', () => {
    expect(run('HEN-07', voksen({ samtykker: [s('borger', 'givet')] }))).toEqual([]);
    expect(run('HEN-07', voksen({ samtykker: [s(FULDMAGTSHAVER, 'givet')] }, fuldmagt))).toEqual([]);
  });
  it('HEN-07 refuses a fuldmagt that is not in force, does not cover the social area, or does not exist', () => {
    const data = voksen(
      { samtykker: [s(FULDMAGTSHAVER, 'givet')] },
      { ...fuldmagt, ikraft: false, omfatterSocialomraadet: false },
    );
    expect(paths(run('HEN-07', data))).toEqual(['/repraesentation/ikraft', '/repraesentation/omfatterSocialomraadet']);
    expect(
      paths(run('HEN-07', voksen({ samtykker: [s(FULDMAGTSHAVER, 'givet')] }, { ...fuldmagt, fuldmagt: 'ingen' }))),
    ).toEqual(['/repraesentation/fuldmagt']);
  });
  it('HEN-07 refuses a værge without værgemål and a parent’s consent for an adult', () => {
    expect(paths(run('HEN-07', voksen({ samtykker: [s('værge', 'givet')] })))).toEqual(['/repraesentation/vaergemaal']);
    expect(run('HEN-07', voksen({ samtykker: [s(FORAELDER, 'givet')] }))).toEqual([
      { path: '/samtykke/samtykker/0/rolle', params: { rolle: FORAELDER } },
    ]);
  });
  it('HEN-07 does not apply to children', () => {
    expect(run('HEN-07', sag(NI, { samtykker: [s(FORAELDER, 'givet')] }))).toEqual([]);
  });
});

describe('HEN-08 adults without consent (§ 82)', () => {
  const ok = {
    samtykkegrundlag: P82,
    grundForManglendeSamtykke: 'Meget dement.',
    vaergemaalsansoegning: 'ansøgning om værgemål er sat i gang',
    naerePaaroerendeHoert: true,
  };
  it('HEN-08 accepts a complete § 82 referral', () => {
    expect(run('HEN-08', voksen(ok))).toEqual([]);
  });
  it('HEN-08 requires the reason, the guardianship status and the relatives heard', () => {
    expect(paths(run('HEN-08', voksen({ samtykkegrundlag: P82 })))).toEqual([
      '/samtykke/grundForManglendeSamtykke',
      '/samtykke/vaergemaalsansoegning',
      '/samtykke/naerePaaroerendeHoert',
    ]);
  });
  it('HEN-08 requires the fagkonsulent’s justification before sending to a provider', () => {
    const data = { ...voksen(ok), visitation: { visitationsudfald: 'sendt til leverandør' } };
    expect(paths(run('HEN-08', data))).toEqual(['/visitation/begrundelseUdenSamtykke']);
    expect(run('HEN-08', { ...data, visitation: { ...data.visitation, begrundelseUdenSamtykke: 'Noteret.' } })).toEqual(
      [],
    );
  });
  it('HEN-08 refuses § 82 for a child', () => {
    expect(paths(run('HEN-08', sag(NI, ok)))).toEqual(['/samtykke/samtykkegrundlag']);
  });
});

describe('HEN-09 adoption uden samtykke', () => {
  const adoption = (samtykke: Record<string, unknown>) => ({
    ...sag(undefined, samtykke),
    ydelse: YDELSE.adoption,
    borger: { ufoedt: true },
  });
  it('HEN-09 accepts informed parents who refused, under the adoption basis', () => {
    expect(
      run(
        'HEN-09',
        adoption({
          samtykkegrundlag: ADOPTION,
          biologiskeForaeldreInformeret: true,
          samtykker: [s(FORAELDER, 'afvist')],
        }),
      ),
    ).toEqual([]);
  });
  it('HEN-09 requires the biological parents to be informed', () => {
    expect(
      paths(run('HEN-09', adoption({ samtykkegrundlag: 'Med samtykke', samtykker: [s(FORAELDER, 'givet')] }))),
    ).toEqual(['/samtykke/biologiskeForaeldreInformeret']);
  });
  it('HEN-09 requires the adoption basis when the parents refuse', () => {
    const data = adoption({
      samtykkegrundlag: P11D,
      biologiskeForaeldreInformeret: true,
      samtykker: [s(FORAELDER, 'afvist')],
    });
    expect(paths(run('HEN-09', data))).toEqual(['/samtykke/samtykkegrundlag']);
  });
  it('HEN-09 refuses the adoption basis for another ydelse', () => {
    expect(paths(run('HEN-09', sag(NI, { samtykkegrundlag: ADOPTION })))).toEqual(['/samtykke/samtykkegrundlag']);
  });
});

describe('HEN-10 borger acceptance for sagsbehandling', () => {
  it('HEN-10 requires the borger’s acceptance for both sagsbehandling ydelser', () => {
    for (const ydelse of [YDELSE.sagsbehandling, YDELSE.miniSagsbehandling]) {
      expect(paths(run('HEN-10', { ...sag(NI, {}), ydelse }))).toEqual(['/samtykke/borgerAccept']);
      expect(run('HEN-10', { ...sag(NI, { borgerAccept: true }), ydelse })).toEqual([]);
    }
  });
  it('HEN-10 does not apply to an enkeltsag', () => {
    expect(run('HEN-10', sag(NI, {}))).toEqual([]);
  });
});

describe('HEN-05 (warning) joint custody', () => {
  const warn = (data: unknown) =>
    henvendelsesskemaRules
      .filter((r) => r.id === 'HEN-05' && r.severity === 'warning')
      .flatMap((r) => r.check(data, createRuleContext({ today: '2026-06-01' })));
  const holders = { foraeldremyndighedsindehavere: [{ navn: 'Anne Testesen' }, { navn: 'Bo Testesen' }] };
  const named = (giver: string) => ({ giver, rolle: FORAELDER, dato: '2026-05-01', status: 'givet' });
  it('HEN-05 names the second holder when only the first gave consent', () => {
    const data = sag(
      NI,
      { samtykkegrundlag: 'Med samtykke', samtykker: [named('Anne Testesen')] },
      { repraesentation: holders },
    );
    const findings = warn(data);
    expect(paths(findings)).toEqual(['/repraesentation/foraeldremyndighedsindehavere/1']);
    expect(findings[0]!.params).toEqual({ nr: 2 });
  });
  it('HEN-05 is quiet when both holders were asked (names compared without case and spacing)', () => {
    const data = sag(
      NI,
      { samtykker: [named('Anne Testesen'), { ...named(' bo  testesen'), status: 'forsøgt indhentet' }] },
      { repraesentation: holders },
    );
    expect(warn(data)).toEqual([]);
  });
});

describe('DP-05 withdrawn consent (HEN-02)', () => {
  it('HEN-02 a withdrawn consent stops the case on «Med samtykke»', () => {
    const withdrawn = { ...s(FORAELDER, 'givet'), tilbagekaldt: true, tilbagekaldtDato: '2026-05-20' };
    const data = sag(NI, { samtykkegrundlag: 'Med samtykke', samtykker: [withdrawn] });
    expect(paths(run('HEN-02', data))).toEqual(['/samtykke/samtykker/0/tilbagekaldt', '/samtykke/samtykkegrundlag']);
    expect(run('HEN-02', data)[0]!.message?.da).toMatch(/journaliserede materiale opbevares/);
    // Still asked (like a refusal): HEN-03 does not fire, the course just cannot go on on it.
    expect(run('HEN-03', data)).toEqual([]);
    expect(run('HEN-02', sag(NI, { samtykkegrundlag: 'Med samtykke', samtykker: [s(FORAELDER, 'givet')] }))).toEqual(
      [],
    );
  });
  it('HEN-02 requires the withdrawal date, whatever the basis', () => {
    const data = sag(NI, { samtykkegrundlag: P11D, samtykker: [{ ...s(FORAELDER, 'givet'), tilbagekaldt: true }] });
    expect(paths(run('HEN-02', data))).toEqual(['/samtykke/samtykker/0/tilbagekaldtDato']);
  });
});
