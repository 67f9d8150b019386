import { describe, expect, it } from 'vitest';
import { createRuleContext, type RuleDefinition } from '@skema/core';
import { leveranceaftaleRules } from './leveranceaftale.js';
import { assessHoejpris } from './leveranceaftale-approval.js';

const rule = (id: string, severity: 'error' | 'warning' = 'error'): RuleDefinition => {
  const found = leveranceaftaleRules.find((r) => r.id === id && r.severity === severity);
  if (!found) throw new Error(`no ${severity} rule ${id}`);
  return found;
};

const paths = (
  id: string,
  data: unknown,
  options: Record<string, unknown> = {},
  severity: 'error' | 'warning' = 'error',
) =>
  rule(id, severity)
    .check(data, createRuleContext({ today: '2026-06-01', formId: 'leveranceaftale', options }))
    .map((f) => f.path);

/** A complete, approved, non-højpris agreement (46 hours, about 50.800 kr. at the default rate). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the cases edit fixtures in place at any depth, into invalid shapes on purpose
function agreement(): Record<string, any> {
  return {
    sag: { sagsnummer: 'VISO-1', cpr: '010118-9901', navn: 'Emil Testesen' },
    leverandoer: { navn: 'Leverandør Eksempel ApS' },
    specialister: [{ navn: 'Anne Specialistsen' }],
    status: 'Godkendt',
    forloebsstatus: 'I gang',
    forloebStartdato: '2026-02-20',
    tidsplan: { datoAfklarendeMoede: '2026-02-05', planlagtDatoAfsluttendeMoede: '2026-09-24' },
    aktiviteter: [
      { kategori: 'visitation', moedetype: 'Afklarende møde', dato: '2026-02-05', timer: 6 },
      { kategori: 'udredning', dato: '2026-03-10', timer: 8, begrundelse: 'Sansemæssige belastninger skal udredes.' },
      {
        kategori: 'specialrådgivning',
        moedetype: 'Arbejdsmøde',
        dato: '2026-03-24',
        timer: 20,
        transportomkostninger: 600,
        udgifter: [{ type: 'tolk', beloeb: 1800, dokumentationOpbevares: true }],
      },
      { kategori: 'afslutning', dato: '2026-09-24', timer: 6 },
      { kategori: 'transport', dato: '2026-03-10', timer: 6, transportomkostninger: 2400 },
    ],
    leverancebeskrivelse: { formaal: 'F', maal: ['Et mål'], indhold: 'I', forloeb: 'F', metodiskTilgang: 'M' },
    forankring: { forankringsforloeb: true },
    fagkonsulentGodkendelse: { navn: 'Mette Prøvesen', dato: '2026-02-18' },
    hoejpris: false,
  };
}

describe('leveranceaftale rules', () => {
  it('LEV-xx catalogue: every E/W rule of spec §3.4 is present with its severity', () => {
    const ids = leveranceaftaleRules.map((r) => `${r.id}:${r.severity}`);
    for (const id of ['02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '16', '17'])
      expect(ids).toContain(`LEV-${id}:error`);
    expect(ids).toContain('LEV-08:warning');
    expect(ids).toContain('LEV-14:warning');
    for (const r of leveranceaftaleRules) expect(r.appliesTo).toEqual(['leveranceaftale']);
  });

  it('LEV-xx rules accept the complete agreement and do not throw on empty or odd data', () => {
    for (const r of leveranceaftaleRules) {
      const ctx = createRuleContext({ today: '2026-06-01', formId: 'leveranceaftale' });
      expect(r.check(agreement(), ctx), r.id).toEqual([]);
      expect(() => r.check(undefined, ctx)).not.toThrow();
      expect(() => r.check({ aktiviteter: 'x', aendringer: [null], soeskende: [7] }, ctx)).not.toThrow();
    }
  });

  it('LEV-02 requires a date on every budget line', () => {
    const data = agreement();
    delete data.aktiviteter[2].dato;
    expect(paths('LEV-02', data)).toEqual(['/aktiviteter/2/dato']);
  });

  it('LEV-03 requires visitation, specialrådgivning and afslutning in the budget', () => {
    const data = agreement();
    data.aktiviteter = data.aktiviteter.filter((a: { kategori: string }) => a.kategori !== 'afslutning');
    const findings = rule('LEV-03').check(data, createRuleContext());
    expect(findings).toEqual([{ path: '/aktiviteter', params: { kategori: 'afslutning' } }]);
    expect(paths('LEV-03', { aktiviteter: [] })).toHaveLength(3);
  });

  it('LEV-04 requires formål, indhold, forløb, metodisk tilgang and at least one goal', () => {
    const data = agreement();
    data.leverancebeskrivelse = { formaal: ' ', maal: [''], indhold: 'I', forloeb: 'F' };
    expect(paths('LEV-04', data)).toEqual([
      '/leverancebeskrivelse/formaal',
      '/leverancebeskrivelse/metodiskTilgang',
      '/leverancebeskrivelse/maal',
    ]);
    data.leverancebeskrivelse = { formaal: 'F', maal: ['Mål', ''], indhold: 'I', forloeb: 'F', metodiskTilgang: 'M' };
    expect(paths('LEV-04', data)).toEqual(['/leverancebeskrivelse/maal/1']);
  });

  it('LEV-05 refuses a running course before the agreement is Godkendt', () => {
    const data = { ...agreement(), status: 'Godkendt af fagkonsulent' };
    expect(paths('LEV-05', data)).toEqual(['/forloebsstatus']);
    expect(paths('LEV-05', { ...agreement(), status: 'Afbrudt' })).toEqual([]);
    expect(paths('LEV-05', { ...agreement(), status: 'Til godkendelse', forloebsstatus: 'Ikke startet' })).toEqual([]);
  });

  it('LEV-05 requires the fagkonsulent approval for approved statuses and a start on or after approval', () => {
    const noApproval = agreement();
    delete noApproval.fagkonsulentGodkendelse;
    expect(paths('LEV-05', noApproval)).toEqual(['/fagkonsulentGodkendelse/navn', '/fagkonsulentGodkendelse/dato']);
    expect(paths('LEV-05', { ...agreement(), forloebStartdato: '2026-02-17' })).toEqual(['/forloebStartdato']);
    expect(paths('LEV-05', { ...agreement(), forloebStartdato: '2026-02-18' })).toEqual([]);
  });

  it('LEV-06 requires a comment when the agreement is in Genforhandling', () => {
    const data = { ...agreement(), status: 'Genforhandling', forloebsstatus: 'Ikke startet' };
    expect(paths('LEV-06', data)).toEqual(['/genforhandlingKommentar']);
    expect(paths('LEV-06', { ...data, genforhandlingKommentar: 'Færre timer til udredning.' })).toEqual([]);
  });

  it('LEV-07 totals the budget with the hourly-rate option and compares it with the DKK threshold', () => {
    expect(assessHoejpris(agreement(), {})).toEqual({
      hoejpris: false,
      overThreshold: false,
      amountDkk: 50_800,
      hours: 46,
      thresholdDkk: 100_000,
      thresholdHours: undefined,
    });
    expect(assessHoejpris(agreement(), { hourlyRateDkk: 2_200 }).overThreshold).toBe(true);
    expect(assessHoejpris(agreement(), { thresholdDkk: 50_000 }).overThreshold).toBe(true);
    expect(assessHoejpris(agreement(), { thresholdHours: 40 }).overThreshold).toBe(true);
    expect(assessHoejpris(agreement(), { thresholdHours: null }).overThreshold).toBe(false);
    expect(assessHoejpris({ ...agreement(), hoejpris: true }, {})).toMatchObject({
      hoejpris: true,
      overThreshold: false,
    });
  });

  it('LEV-07 prices an activity by its fee in kroner (honorar) instead of hours × the placeholder rate', () => {
    // Hours at the 1.000 kr. placeholder give 50.800 kr.; the fees agreed in kroner give 120.800 kr.
    const data = agreement();
    data.aktiviteter[1].honorar = 40_000;
    data.aktiviteter[2].honorar = 58_000;
    expect(assessHoejpris(data, {})).toMatchObject({ overThreshold: true, amountDkk: 120_800, hours: 46 });
    expect(paths('LEV-07', { ...data, status: 'Til godkendelse' })).toEqual(['/hoejpris']);
    // A fee of 0 is a price (a free activity), not a missing one.
    data.aktiviteter[1].honorar = 0;
    data.aktiviteter[2].honorar = 0;
    expect(assessHoejpris(data, {}).amountDkk).toBe(50_800 - 28_000);
    // Hours still count towards an hours threshold when a fee is given.
    expect(assessHoejpris(data, { thresholdHours: 40 }).overThreshold).toBe(true);
  });

  it('LEV-07 messages state the computed budget total and the threshold it exceeds', () => {
    const data = agreement();
    data.aktiviteter[2].honorar = 80_000;
    const ctx = createRuleContext({ today: '2026-06-01', formId: 'leveranceaftale', version: '1.1.0' });
    const [flag, ...leader] = rule('LEV-07').check(data, ctx);
    // 6 + 8 hours and 12 at 1.000 kr., 80.000 kr. fee, 3.000 kr. transport, 1.800 kr. interpreter.
    expect(flag).toMatchObject({ path: '/hoejpris', params: { beloeb: '110.800', timer: '46', graense: '100.000' } });
    expect(flag!.message!.da).toContain('Budgettet er i alt {beloeb} kr.');
    expect(flag!.message!.da).toContain('{graense} kr.');
    expect(leader.map((f) => f.params?.beloeb)).toEqual(['110.800', '110.800', '110.800']);
    const hours = rule('LEV-07').check(agreement(), { ...ctx, options: { thresholdHours: 40 } })[0]!;
    expect(hours).toMatchObject({ path: '/hoejpris', params: { timer: '46', graense: '40' } });
    expect(hours.message!.da).toContain('{graense} timer');
    // Danish decimals in messages: 0,01 and 46,5, never 0.01.
    const odd = agreement();
    odd.aktiviteter[0].timer = 6.5;
    odd.aktiviteter[2].udgifter[0].beloeb = 1800.01;
    const [decimals] = rule('LEV-07').check(odd, { ...ctx, options: { thresholdDkk: 1000 } });
    expect(decimals!.params).toMatchObject({ beloeb: '51.300,01', timer: '46,5', graense: '1.000' });
  });

  it('LEV-07 requires the højpris flag and the leader approval when the budget is over the threshold', () => {
    expect(paths('LEV-07', agreement(), { thresholdDkk: 50_000 })).toEqual([
      '/hoejpris',
      '/lederGodkendelse/navn',
      '/lederGodkendelse/dato',
      '/lederGodkendelse/udfald',
    ]);
    expect(paths('LEV-07', agreement(), { thresholdDkk: 100_000 })).toEqual([]);
  });

  it('LEV-07 accepts a leader (a different person) approving on or after the fagkonsulent', () => {
    const data = {
      ...agreement(),
      hoejpris: true,
      lederGodkendelse: { navn: 'Lars Ledersen', dato: '2026-02-18', udfald: 'Godkendt' },
    };
    expect(paths('LEV-07', data)).toEqual([]);
    expect(paths('LEV-07', { ...data, status: 'Afventer leder', lederGodkendelse: undefined })).toEqual([]);
  });

  it('LEV-07 refuses the same person, an earlier leader date, a leader before any fagkonsulent, and a rejected leader', () => {
    const base = { ...agreement(), hoejpris: true };
    expect(
      paths('LEV-07', {
        ...base,
        lederGodkendelse: { navn: ' METTE  prøvesen', dato: '2026-02-19', udfald: 'Godkendt' },
      }),
    ).toEqual(['/lederGodkendelse/navn']);
    expect(
      paths('LEV-07', { ...base, lederGodkendelse: { navn: 'Lars Ledersen', dato: '2026-02-17', udfald: 'Godkendt' } }),
    ).toEqual(['/lederGodkendelse/dato']);
    expect(
      paths('LEV-07', {
        ...base,
        status: 'Afventer leder',
        fagkonsulentGodkendelse: undefined,
        lederGodkendelse: { navn: 'Lars Ledersen' },
      }),
    ).toEqual(['/lederGodkendelse']);
    expect(
      paths('LEV-07', { ...base, lederGodkendelse: { navn: 'Lars Ledersen', dato: '2026-02-19', udfald: 'Afvist' } }),
    ).toEqual(['/lederGodkendelse/udfald']);
  });

  it('LEV-08 requires øvrige udgifter to be agreed in advance and interpreters on a concrete activity', () => {
    const data = agreement();
    data.aktiviteter.push({
      kategori: 'øvrige udgifter',
      dato: '2026-04-01',
      udgifter: [{ type: 'tolk', beloeb: 100 }],
    });
    data.aktiviteter[2].udgifter.push({ type: 'andet', beloeb: 300 });
    expect(paths('LEV-08', data)).toEqual([
      '/aktiviteter/2/udgifter/1/forhaandsaftaltMed',
      '/aktiviteter/5/udgifter/0/forhaandsaftaltMed',
      '/aktiviteter/5/udgifter/0/type',
    ]);
    data.aktiviteter[2].udgifter[1].forhaandsaftaltMed = 'Mette Prøvesen';
    data.aktiviteter.pop();
    expect(paths('LEV-08', data)).toEqual([]);
  });

  it('LEV-08 (warning) asks for documentation of interpreter and transport expenses', () => {
    const data = agreement();
    data.aktiviteter[2].udgifter = [
      { type: 'transport', beloeb: 200 },
      { type: 'andet', beloeb: 50, forhaandsaftaltMed: 'M' },
    ];
    expect(paths('LEV-08', data, {}, 'warning')).toEqual(['/aktiviteter/2/udgifter/0/dokumentationOpbevares']);
    data.aktiviteter[2].udgifter[0].dokumentationOpbevares = true;
    expect(paths('LEV-08', data, {}, 'warning')).toEqual([]);
  });

  it('LEV-09 requires exactly one known coordinating supplier when several take part', () => {
    const data = { ...agreement(), oevrigeLeverandoerer: ['Sansecentret'] };
    expect(paths('LEV-09', data)).toEqual(['/koordinerendeLeverandoer']);
    expect(paths('LEV-09', { ...data, koordinerendeLeverandoer: 'Ukendt' })).toEqual(['/koordinerendeLeverandoer']);
    expect(paths('LEV-09', { ...data, koordinerendeLeverandoer: 'sansecentret' })).toEqual([]);
    expect(
      paths('LEV-09', {
        ...data,
        oevrigeLeverandoerer: ['Leverandør Eksempel ApS'],
        koordinerendeLeverandoer: 'Leverandør Eksempel ApS',
      }),
    ).toEqual(['/oevrigeLeverandoerer/0']);
    expect(paths('LEV-09', agreement())).toEqual([]);
  });

  it('LEV-10 requires a per-child budget and separate cases for siblings', () => {
    const data = { ...agreement(), soeskende: [{ navn: 'Ida Testesen', cpr: '0101189901', sagsnummer: 'VISO-1' }] };
    expect(paths('LEV-10', data)).toEqual(['/budgetOpdeltPrBarn', '/soeskende/0/cpr', '/soeskende/0/sagsnummer']);
    const ok = {
      ...agreement(),
      budgetOpdeltPrBarn: true,
      soeskende: [{ navn: 'Ida Testesen', cpr: '020320-9902', sagsnummer: 'VISO-2' }],
    };
    expect(paths('LEV-10', ok)).toEqual([]);
  });

  it('LEV-11 requires fagkonsulent approval of every change and a reason for description changes', () => {
    const data = {
      ...agreement(),
      aendringer: [
        { type: 'Ændring i tidsplanen', godkendtAf: 'Mette Prøvesen' },
        { type: 'Ændring i leverancebeskrivelsen' },
        { type: 'Ændring i leverancebeskrivelsen', begrundelse: 'Nyt mål', godkendtAf: 'Mette Prøvesen' },
      ],
    };
    expect(paths('LEV-11', data)).toEqual(['/aendringer/1/godkendtAf', '/aendringer/1/begrundelse']);
  });

  it('LEV-12 refuses more than 8 months without a recorded, justified extension', () => {
    const long = agreement();
    long.tidsplan.planlagtDatoAfsluttendeMoede = '2026-10-06';
    expect(paths('LEV-12', long)).toEqual(['/tidsplan/planlagtDatoAfsluttendeMoede']);
    long.tidsplan.forlaengelseAftalt = true;
    expect(paths('LEV-12', long)).toEqual(['/tidsplan/forlaengelseBegrundelse']);
    long.tidsplan.forlaengelseBegrundelse = 'Afventer lægelig vurdering.';
    expect(paths('LEV-12', long)).toEqual([]);
    const edge = agreement();
    edge.tidsplan.planlagtDatoAfsluttendeMoede = '2026-10-05';
    expect(paths('LEV-12', edge)).toEqual([]);
    expect(paths('LEV-12', edge, { maxMonths: 6 })).toEqual(['/tidsplan/planlagtDatoAfsluttendeMoede']);
    edge.tidsplan.planlagtDatoAfsluttendeMoede = '2026-01-05';
    expect(paths('LEV-12', edge)).toEqual(['/tidsplan/planlagtDatoAfsluttendeMoede']);
  });

  it('LEV-12 applies each ydelse’s own limit: 4 months for borger and mini ydelser, none for adoption', () => {
    const mini = agreement();
    mini.sag.ydelse = 'Mini-rådgivningsforløb i en enkeltsag – for fagpersoner';
    mini.tidsplan.planlagtDatoAfsluttendeMoede = '2026-06-06';
    expect(paths('LEV-12', mini)).toEqual(['/tidsplan/planlagtDatoAfsluttendeMoede']);
    mini.tidsplan.planlagtDatoAfsluttendeMoede = '2026-06-05';
    expect(paths('LEV-12', mini)).toEqual([]);
    expect(
      paths('LEV-12', {
        ...mini,
        sag: { ...mini.sag, ydelse: 'Rådgivningsforløb – for borgere' },
        tidsplan: { ...mini.tidsplan, planlagtDatoAfsluttendeMoede: '2026-07-01' },
      }),
    ).toEqual(['/tidsplan/planlagtDatoAfsluttendeMoede']);
    const adoption = agreement();
    adoption.sag.ydelse = 'Rådgivningsforløb om adoption uden samtykke – for myndighedsrådgivere';
    adoption.tidsplan.planlagtDatoAfsluttendeMoede = '2027-12-01';
    expect(paths('LEV-12', adoption)).toEqual([]);
  });

  it('LEV-13 requires a plan with agreements and dates when there is no forankringsforløb', () => {
    expect(paths('LEV-13', { ...agreement(), forankring: { forankringsforloeb: false } })).toEqual([
      '/forankring/plan',
    ]);
    expect(paths('LEV-13', { ...agreement(), forankring: undefined })).toEqual(['/forankring/plan']);
    const plan = [{ aftale: 'Statusmøde', dato: '2026-10-15' }, { aftale: 'Opfølgning' }];
    expect(paths('LEV-13', { ...agreement(), forankring: { forankringsforloeb: false, plan } })).toEqual([
      '/forankring/plan/1/dato',
    ]);
    expect(
      paths('LEV-13', { ...agreement(), forankring: { forankringsforloeb: false, plan: plan.slice(0, 1) } }),
    ).toEqual([]);
  });

  it('LEV-14 warns when an udredning line has no justification', () => {
    const data = agreement();
    delete data.aktiviteter[1].begrundelse;
    expect(paths('LEV-14', data, {}, 'warning')).toEqual(['/aktiviteter/1/begrundelse']);
    expect(rule('LEV-14', 'warning').severity).toBe('warning');
  });

  it('LEV-16 requires a reason when the delivery is Afbrudt', () => {
    expect(paths('LEV-16', { ...agreement(), status: 'Afbrudt' })).toEqual(['/afbrydelse/aarsag']);
    expect(paths('LEV-16', { ...agreement(), status: 'Afbrudt', afbrydelse: { aarsag: 'borgeren dør' } })).toEqual([]);
  });

  it('LEV-17 refuses a VISO interpreter for the afklarende møde but allows one during the forløb', () => {
    const data = agreement();
    data.aktiviteter[0].udgifter = [{ type: 'tolk', beloeb: 1500 }];
    expect(paths('LEV-17', data)).toEqual(['/aktiviteter/0/udgifter/0/type']);
    const sameDay = agreement();
    sameDay.aktiviteter.push({
      kategori: 'særlige aktiviteter',
      dato: '2026-02-05',
      udgifter: [{ type: 'tolk', beloeb: 900 }],
    });
    expect(paths('LEV-17', sameDay)).toEqual(['/aktiviteter/5/udgifter/0/type']);
    expect(paths('LEV-17', agreement())).toEqual([]);
  });
});
