import { readFileSync } from 'node:fs';
import { createRuleContext, type RuleDefinition, type RuleFinding } from '@skema/core';
import { describe, expect, it } from 'vitest';
import { henvendelsesskemaDeadlines, henvendelsesskemaRules } from './henvendelsesskema.js';
import { YDELSE, YDELSESPROFILER } from './henvendelsesskema-ydelser.js';

function rule(id: string): RuleDefinition {
  const found = henvendelsesskemaRules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
}

/** Runs a rule the way the engine does: option defaults, then the test's overrides. */
function run(id: string, data: unknown, options: Record<string, unknown> = {}): RuleFinding[] {
  const r = rule(id);
  const defaults = Object.fromEntries(Object.entries(r.options ?? {}).map(([k, spec]) => [k, spec.default]));
  return r.check(
    data,
    createRuleContext({ today: '2026-06-01', formId: 'henvendelsesskema', options: { ...defaults, ...options } }),
  );
}
const paths = (findings: RuleFinding[]) => findings.map((f) => f.path);

const enkeltsag = () => ({
  ydelse: YDELSE.enkeltsag,
  ydelsestype: 'børn/unge',
  henvender: {
    type: 'kommune',
    rolle: 'myndighedsrådgiver',
    ledelsesgodkendt: true,
    leder: { navn: 'Karen Ledersen' },
  } as Record<string, unknown>,
  borger: { navn: 'Emil Testesen', cpr: '150310-9907', handlekommune: 'Testrup Kommune' } as Record<string, unknown>,
  samtykke: {
    samtykkegrundlag: 'Med samtykke',
    samtykker: [{ giver: 'Anne Testesen', rolle: 'forældremyndighedsindehaver', status: 'givet' }],
  },
  oplysningshjul: { primaerProblemstilling: 'Skolefravær.', sekundaerProblemstilling: 'Morgenkonflikter.' } as Record<
    string,
    unknown
  >,
});
const gruppe = (ydelse: string, henvender: Record<string, unknown>) => ({ ydelse, ydelsestype: 'voksne', henvender });

const schema = JSON.parse(
  readFileSync(new URL('../../../../schemas/henvendelsesskema/1.0.0/schema.json', import.meta.url), 'utf8'),
) as { properties: { ydelse: { enum: string[] }; henvender: { properties: { rolle: { enum: string[] } } } } };

describe('henvendelsesskema rule catalogue', () => {
  it('covers HEN-01 … HEN-25 once each, with the spec severities', () => {
    const ids = [
      ...new Set([...henvendelsesskemaRules.map((r) => r.id), ...henvendelsesskemaDeadlines.map((d) => d.id)]),
    ].sort();
    expect(ids).toEqual(Array.from({ length: 25 }, (_, i) => `HEN-${String(i + 1).padStart(2, '0')}`));
    // HEN-05 has an error part (the youth, below-15) and a warning part (joint custody).
    expect(henvendelsesskemaRules.filter((r) => r.severity === 'warning').map((r) => r.id)).toEqual([
      'HEN-05',
      'HEN-19',
      'HEN-21',
    ]);
    expect(henvendelsesskemaRules.filter((r) => r.severity === 'error' && r.id === 'HEN-05')).toHaveLength(1);
    expect(henvendelsesskemaDeadlines.map((d) => d.id).sort()).toEqual([
      'HEN-15',
      'HEN-16',
      'HEN-17',
      'HEN-18',
      'HEN-24',
    ]);
    for (const r of henvendelsesskemaRules) expect(r.appliesTo).toEqual(['henvendelsesskema']);
  });

  it('every rule and deadline tolerates partial or mistyped data without throwing', () => {
    const odd: unknown[] = [
      undefined,
      null,
      'tekst',
      [],
      {},
      {
        ydelse: 42,
        henvender: 'x',
        borger: [],
        samtykke: { samtykker: ['x', null, { rolle: 7 }] },
        bilag: [null, 'x'],
      },
      {
        ydelse: YDELSE.miniEnkeltsag,
        oplysningshjul: { behovetOmfatter: 'x', pressebevaagenhed: 'ja' },
        visitation: { fordelingsdato: '31-12-2026' },
      },
    ];
    const ctx = createRuleContext({ today: '2026-06-01', formId: 'henvendelsesskema' });
    for (const data of odd) {
      for (const r of henvendelsesskemaRules) expect(Array.isArray(r.check(data, ctx))).toBe(true);
      for (const d of henvendelsesskemaDeadlines) expect(Array.isArray(d.derive(data, ctx))).toBe(true);
    }
  });

  it('HEN-11 table has one row per ydelse of the schema and only roles the schema offers', () => {
    expect(YDELSESPROFILER.map((p) => p.ydelse).sort()).toEqual([...schema.properties.ydelse.enum].sort());
    const roles = new Set(schema.properties.henvender.properties.rolle.enum);
    for (const p of YDELSESPROFILER)
      for (const way of p.henvendere) for (const r of way.roller) expect(roles.has(r)).toBe(true);
  });
});

describe('HEN-01 creation route', () => {
  it('HEN-01 allows the internal procedure for udvidet telefonrådgivning and temaforløb', () => {
    expect(run('HEN-01', { ydelse: YDELSE.udvidetTelefon, oprettelse: 'intern oprettelse ved fagkonsulent' })).toEqual(
      [],
    );
    expect(run('HEN-01', { ydelse: YDELSE.temaforloeb, oprettelse: 'intern oprettelse ved fagkonsulent' })).toEqual([]);
  });
  it('HEN-01 refuses the internal procedure for an enkeltsag', () => {
    const findings = run('HEN-01', { ...enkeltsag(), oprettelse: 'intern oprettelse ved fagkonsulent' });
    expect(findings).toEqual([{ path: '/oprettelse', params: { ydelse: YDELSE.enkeltsag } }]);
    expect(run('HEN-01', { ...enkeltsag(), oprettelse: 'digitalt henvendelsesskema' })).toEqual([]);
  });
  it('HEN-01 allows mini flere borgere internally only when it generalises an enkeltsag', () => {
    const data = { ydelse: YDELSE.miniFlereBorgere, oprettelse: 'intern oprettelse ved fagkonsulent' };
    const findings = run('HEN-01', data);
    expect(paths(findings)).toEqual(['/oprettelse']);
    expect(findings[0]?.message?.da).toContain('almengør');
    expect(run('HEN-01', { ...data, almengoerEnkeltsag: true })).toEqual([]);
  });
});

describe('HEN-11 eligible referrer (§2.2 table)', () => {
  it('HEN-11 accepts a myndighedsrådgiver for an enkeltsag on the children’s area', () => {
    expect(run('HEN-11', enkeltsag())).toEqual([]);
  });
  it('HEN-11 refuses PPR for an enkeltsag on the social area unless the myndighedsrådgiver directly involved is named', () => {
    const data = { ...enkeltsag(), henvender: { type: 'kommune', rolle: 'PPR', lederOrienteret: true } };
    const findings = run('HEN-11', data);
    expect(paths(findings)).toEqual(['/henvender/rolle']);
    expect(findings[0]!.message?.da).toMatch(/direkte involverede myndighedsrådgiver/);
    expect(
      run('HEN-11', { ...data, henvender: { ...data.henvender, myndighedsraadgiver: { navn: 'Mette Myndighed' } } }),
    ).toEqual([]);
  });
  it('HEN-11 accepts an enkeltsag from a bosted (leder af tilbud) when the myndighedsrådgiver directly involved is named', () => {
    const bosted = { ...enkeltsag(), ydelsestype: 'voksne', henvender: { type: 'tilbud', rolle: 'leder af tilbud' } };
    expect(paths(run('HEN-11', bosted))).toEqual(['/henvender/rolle']);
    expect(
      run('HEN-11', {
        ...bosted,
        henvender: {
          ...bosted.henvender,
          myndighedsraadgiver: { navn: 'Mette Myndighed', organisation: 'Testrup Kommune' },
        },
      }),
    ).toEqual([]);
  });
  it('HEN-11 requires the leader informed when PPR refers an enkeltsag on special education', () => {
    const data = { ...enkeltsag(), ydelsestype: 'specialundervisning', henvender: { type: 'kommune', rolle: 'PPR' } };
    expect(paths(run('HEN-11', data))).toEqual(['/henvender/lederOrienteret']);
    expect(run('HEN-11', { ...data, henvender: { ...data.henvender, lederOrienteret: true } })).toEqual([]);
  });
  it('HEN-11 accepts a temaforløb from a school leader when either myndighed or PPR is informed', () => {
    const henvender = { type: 'kommune', rolle: 'ledelsesrepræsentant på skolen' };
    const findings = run('HEN-11', gruppe(YDELSE.temaforloeb, henvender));
    expect(paths(findings)).toEqual(['/henvender/myndighedOrienteret']);
    expect(findings[0]?.params?.hvem).toBe('myndigheden eller PPR');
    expect(run('HEN-11', gruppe(YDELSE.temaforloeb, { ...henvender, pprOrienteret: true }))).toEqual([]);
  });
  it('HEN-11 refuses a professional role for the borger ydelse and a citizen role with a professional type', () => {
    expect(
      paths(run('HEN-11', { ydelse: YDELSE.borgere, henvender: { type: 'kommune', rolle: 'myndighedsrådgiver' } })),
    ).toEqual(['/henvender/rolle']);
    expect(paths(run('HEN-11', { ydelse: YDELSE.borgere, henvender: { type: 'kommune', rolle: 'forælder' } }))).toEqual(
      ['/henvender/type'],
    );
    expect(run('HEN-11', { ydelse: YDELSE.borgere, henvender: { type: 'borger', rolle: 'forælder' } })).toEqual([]);
  });
});

describe('HEN-12 management approval', () => {
  it('HEN-12 requires ledelsesgodkendt for an enkeltsag, adoption and sagsbehandling', () => {
    for (const ydelse of [YDELSE.enkeltsag, YDELSE.adoption, YDELSE.sagsbehandling]) {
      expect(paths(run('HEN-12', { ydelse, henvender: { ledelsesgodkendt: false } }))).toEqual([
        '/henvender/ledelsesgodkendt',
      ]);
    }
    expect(run('HEN-12', enkeltsag())).toEqual([]);
  });
  it('HEN-12 does not require approval for a mini enkeltsag but names the leader whenever approval is claimed', () => {
    expect(run('HEN-12', { ydelse: YDELSE.miniEnkeltsag, henvender: {} })).toEqual([]);
    expect(paths(run('HEN-12', { ydelse: YDELSE.miniEnkeltsag, henvender: { ledelsesgodkendt: true } }))).toEqual([
      '/henvender/leder',
    ]);
  });
});

describe('HEN-13 driftsoverenskomst', () => {
  const tilbud = { type: 'tilbud', rolle: 'leder af tilbud' };
  it('HEN-13 refuses flere borgere and temaforløb from a tilbud without driftsoverenskomst', () => {
    expect(paths(run('HEN-13', gruppe(YDELSE.flereBorgere, tilbud)))).toEqual(['/henvender/driftsoverenskomst']);
    expect(paths(run('HEN-13', gruppe(YDELSE.temaforloeb, { ...tilbud, driftsoverenskomst: false })))).toEqual([
      '/henvender/driftsoverenskomst',
    ]);
  });
  it('HEN-13 accepts a tilbud with driftsoverenskomst and a municipal tilbud', () => {
    expect(run('HEN-13', gruppe(YDELSE.temaforloeb, { ...tilbud, driftsoverenskomst: true }))).toEqual([]);
    expect(run('HEN-13', gruppe(YDELSE.flereBorgere, { ...tilbud, type: 'kommune' }))).toEqual([]);
  });
  it('HEN-13 requires the authority to agree to mini flere borgere without driftsoverenskomst', () => {
    expect(paths(run('HEN-13', gruppe(YDELSE.miniFlereBorgere, tilbud)))).toEqual(['/henvender/myndighedOrienteret']);
    expect(run('HEN-13', gruppe(YDELSE.miniFlereBorgere, { ...tilbud, myndighedOrienteret: true }))).toEqual([]);
  });
});

describe('HEN-23 udredning', () => {
  it('HEN-23 lets a myndighedsrådgiver request udredning with an enkeltsag', () => {
    expect(run('HEN-23', { ...enkeltsag(), oenskerUdredning: true })).toEqual([]);
  });
  it('HEN-23 refuses udredning requested by PPR', () => {
    const data = { ...enkeltsag(), oenskerUdredning: true, henvender: { rolle: 'PPR' } };
    expect(paths(run('HEN-23', data))).toEqual(['/henvender/rolle']);
  });
  it('HEN-23 refuses udredning without a rådgivningsforløb it can be paired with, unless the option allows it', () => {
    const data = { ...enkeltsag(), ydelse: YDELSE.miniEnkeltsag, oenskerUdredning: true };
    expect(paths(run('HEN-23', data))).toEqual(['/oenskerUdredning']);
    expect(run('HEN-23', data, { ydelserMedUdredning: [YDELSE.enkeltsag, YDELSE.miniEnkeltsag] })).toEqual([]);
  });
});

describe('HEN-14 one borger per case', () => {
  it('HEN-14 accepts one identified borger and the borger’s own CPR in a text', () => {
    const data = enkeltsag();
    data.oplysningshjul.sekundaerProblemstilling = 'Registreret på 150310-9907 i VIAS.';
    expect(run('HEN-14', data)).toEqual([]);
  });
  it('HEN-14 requires name, CPR and handlekommune, except CPR for an unborn child', () => {
    const data = { ...enkeltsag(), borger: {} };
    expect(paths(run('HEN-14', data))).toEqual(['/borger/navn', '/borger/cpr', '/borger/handlekommune']);
    expect(
      run('HEN-14', { ...data, borger: { navn: 'Ufødt barn', ufoedt: true, handlekommune: 'Testrup Kommune' } }),
    ).toEqual([]);
  });
  it('HEN-14 accepts a child without a CPR number by «intet CPR-nummer» and a birth date, or an erstatningspersonnummer', () => {
    const borger = { navn: 'Emil Testesen', handlekommune: 'Testrup Kommune' };
    expect(
      run('HEN-14', { ...enkeltsag(), borger: { ...borger, intetCprNummer: true, foedselsdato: '2016-02-11' } }),
    ).toEqual([]);
    expect(paths(run('HEN-14', { ...enkeltsag(), borger: { ...borger, intetCprNummer: true } }))).toEqual([
      '/borger/cpr',
    ]);
    expect(run('HEN-14', { ...enkeltsag(), borger: { ...borger, cpr: '711016-4001' } })).toEqual([]);
    expect(
      paths(
        run('HEN-14', {
          ...enkeltsag(),
          borger: { ...borger, intetCprNummer: true, foedselsdato: '2016-02-11', cpr: '110216-9906' },
        }),
      ),
    ).toEqual(['/borger/intetCprNummer']);
  });
  it('HEN-25 counts a birth date as identifying in an anonymous referral', () => {
    const anonym = { ydelse: YDELSE.udvidetTelefon, borger: { foedselsdato: '2016-02-11' } };
    expect(paths(run('HEN-25', anonym))).toContain('/borger/foedselsdato');
  });
  it('HEN-14 refuses a family referral with several children', () => {
    const data = enkeltsag();
    data.borger.flereBoernIFamilien = true;
    const findings = run('HEN-14', data);
    expect(paths(findings)).toEqual(['/borger/flereBoernIFamilien']);
    expect(findings[0]?.message?.da).toContain('én henvendelse for hvert barn');
  });
  it('HEN-14 refuses a sibling’s CPR number in a free-text field', () => {
    const data = enkeltsag();
    data.oplysningshjul.sekundaerProblemstilling = 'Lillesøster (1102179906) har det samme.';
    expect(paths(run('HEN-14', data))).toEqual(['/oplysningshjul/sekundaerProblemstilling']);
  });
  it('HEN-14 refuses a CPR number on a ydelse about several borgere', () => {
    const data = { ...gruppe(YDELSE.flereBorgere, {}), borger: { cpr: '200581-9908' } };
    expect(paths(run('HEN-14', data))).toEqual(['/borger/cpr']);
    expect(run('HEN-14', gruppe(YDELSE.flereBorgere, {}))).toEqual([]);
  });
});

describe('HEN-25 anonymous ydelser', () => {
  it('HEN-25 accepts udvidet telefonrådgivning without identifying data', () => {
    expect(
      run('HEN-25', {
        ydelse: YDELSE.udvidetTelefon,
        oplysningshjul: { primaerProblemstilling: 'Metoder til udredning.' },
      }),
    ).toEqual([]);
  });
  it('HEN-25 refuses CPR, names, consents and CPR numbers in text when anonymous', () => {
    const data = {
      ydelse: YDELSE.udvidetTelefon,
      borger: { navn: 'Emil Testesen', cpr: '150310-9907' },
      samtykke: { samtykker: [{ giver: 'Anne Testesen' }] },
      oplysningshjul: { primaerProblemstilling: 'Drengen med CPR 150310-9907.' },
    };
    expect(paths(run('HEN-25', data))).toEqual([
      '/borger/navn',
      '/borger/cpr',
      '/samtykke/samtykker',
      '/oplysningshjul/primaerProblemstilling',
    ]);
  });
  it('HEN-25 applies to telefonrådgivning only when marked anonymous', () => {
    expect(paths(run('HEN-25', { ydelse: YDELSE.telefon, borger: { anonym: true, navn: 'Emil Testesen' } }))).toEqual([
      '/borger/navn',
    ]);
    expect(run('HEN-25', { ydelse: YDELSE.telefon, borger: { navn: 'Emil Testesen' } })).toEqual([]);
  });
  it('HEN-25 refuses anonymity for a ydelse about an identified borger', () => {
    expect(paths(run('HEN-25', { ...enkeltsag(), borger: { anonym: true } }))).toEqual(['/borger/anonym']);
  });
});

describe('HEN-19, HEN-20, HEN-21, HEN-22 scope', () => {
  const borgere = (hjul: Record<string, unknown>) => ({ ydelse: YDELSE.borgere, oplysningshjul: hjul });
  it('HEN-19 warns about a borger forløb during ongoing municipal measures', () => {
    expect(paths(run('HEN-19', borgere({ aktuelleKommunaleIndsatser: true })))).toEqual([
      '/oplysningshjul/aktuelleKommunaleIndsatser',
    ]);
  });
  it('HEN-19 accepts ongoing measures when the advice concerns another problem', () => {
    expect(
      run('HEN-19', borgere({ aktuelleKommunaleIndsatser: true, andenProblemstillingEndIndsatserne: true })),
    ).toEqual([]);
    expect(run('HEN-19', { ...enkeltsag(), oplysningshjul: { aktuelleKommunaleIndsatser: true } })).toEqual([]);
  });
  it('HEN-20 refuses an enkeltsag whose main problem is cooperation and conflict', () => {
    const data = enkeltsag();
    data.oplysningshjul.hovedproblemstillingErSamarbejdOgKonflikt = true;
    expect(run('HEN-20', data)).toEqual([
      { path: '/oplysningshjul/hovedproblemstillingErSamarbejdOgKonflikt', params: { ydelse: YDELSE.enkeltsag } },
    ]);
    expect(run('HEN-20', enkeltsag())).toEqual([]);
  });
  it('HEN-20 applies to further ydelser through its option', () => {
    const data = { ydelse: YDELSE.miniEnkeltsag, oplysningshjul: { hovedproblemstillingErSamarbejdOgKonflikt: true } };
    expect(run('HEN-20', data)).toEqual([]);
    expect(paths(run('HEN-20', data, { ydelser: [YDELSE.enkeltsag, YDELSE.miniEnkeltsag] }))).toHaveLength(1);
  });
  it('HEN-21 warns once per out-of-scope need', () => {
    const data = { oplysningshjul: { behovetOmfatter: ['driftslignende indsats', 'sundhedsrelaterede temaer'] } };
    expect(run('HEN-21', data).map((f) => f.params?.behov)).toEqual([
      'driftslignende indsats',
      'sundhedsrelaterede temaer',
    ]);
    expect(run('HEN-21', enkeltsag())).toEqual([]);
  });
  it('HEN-22 requires the minimum attachments and the description of the work so far for a mini enkeltsag', () => {
    const data = {
      ydelse: YDELSE.miniEnkeltsag,
      bilag: [{ type: 'seneste udredninger', fil: 'u.pdf' }],
      oplysningshjul: {},
    };
    expect(run('HEN-22', data).map((f) => f.params?.type ?? f.path)).toEqual([
      'status fra indsatser',
      '/oplysningshjul/arbejdetIndtilNu',
    ]);
  });
  it('HEN-22 accepts a complete mini enkeltsag and follows its option', () => {
    const data = {
      ydelse: YDELSE.miniEnkeltsag,
      bilag: [{ type: 'seneste udredninger' }, { type: 'status fra indsatser' }],
      oplysningshjul: { arbejdetIndtilNu: 'Faste rutiner og visuel støtte.' },
    };
    expect(run('HEN-22', data)).toEqual([]);
    expect(paths(run('HEN-22', data, { paakraevedeBilag: ['VUM'] }))).toEqual(['/bilag']);
    expect(run('HEN-22', { ...data, ydelse: YDELSE.enkeltsag, bilag: [] })).toEqual([]);
  });
});
