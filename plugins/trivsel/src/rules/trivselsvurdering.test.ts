import { describe, expect, it } from 'vitest';
import { createRuleContext } from '@skema/core';
import {
  INDSATSTYPER,
  suggestedIndsatstype,
  suggestedSamarbejdspartnere,
  TRIVSELSNIVEAUER,
  TRV01_FORSLAG,
  trivselsvurderingDeadlines,
  trivselsvurderingRules,
  trv01Forslagstekst,
} from './trivselsvurdering.js';

describe('trivselsvurdering TRV-01 mapping', () => {
  it('TRV-01 suggests an intervention type for every barometer level, per seed 002', () => {
    expect(suggestedIndsatstype('Børn i trivsel')).toBe('Forebyggende indsats rettet mod alle børn i fællesskabet');
    expect(suggestedIndsatstype('Børn i moderat trivsel')).toBe(
      'Forebyggende indsats rettet mod alle børn i fællesskabet',
    );
    expect(suggestedIndsatstype('Børn i faldende trivsel')).toBe('Foregribende indsats målrettet en gruppe af børn');
    expect(suggestedIndsatstype('Børn i udsatte trivselspositioner')).toBe(
      'Indgribende indsats målrettet det enkelte barn',
    );
    expect(suggestedIndsatstype('Børn i truede trivselspositioner')).toBe(
      'Indgribende indsats målrettet det enkelte barn',
    );
  });

  it('TRV-01 covers exactly the five levels and only the three intervention types', () => {
    expect(Object.keys(TRV01_FORSLAG).sort()).toEqual([...TRIVSELSNIVEAUER].sort());
    for (const forslag of Object.values(TRV01_FORSLAG)) expect(INDSATSTYPER).toContain(forslag.indsatstype);
  });

  it('TRV-01 suggests collaborators, PPR from falling well-being on', () => {
    expect(suggestedSamarbejdspartnere('Børn i trivsel')).toEqual(['skolens ressourcepersoner']);
    expect(suggestedSamarbejdspartnere('Børn i faldende trivsel')).toContain('PPR');
    expect(suggestedSamarbejdspartnere('Børn i truede trivselspositioner')).toContain(
      'Forebyggende socialrådgiver og/eller rådgiver i Myndighedsafdelingen',
    );
  });

  it('TRV-01 gives no suggestion for an unknown or missing level', () => {
    expect(suggestedIndsatstype('børn i trivsel')).toBeUndefined();
    expect(suggestedIndsatstype(undefined)).toBeUndefined();
    expect(suggestedIndsatstype(3)).toBeUndefined();
    expect(suggestedSamarbejdspartnere('toString')).toEqual([]);
  });
});

const ctx = (options: Record<string, unknown> = {}) =>
  createRuleContext({ today: '2026-06-01', formId: 'trivselsvurdering', options });

const vurdering = (): Record<string, unknown> => ({
  barn: { navn: 'Emil Testesen', klasse: '4.b' },
  dato: '2026-05-04',
  vurderetAf: { navn: 'Mette Lærer', funktion: 'kontaktlærer' },
  niveau: 'Børn i faldende trivsel',
  tegnPaaTrivselMistrivsel: 'Emil er ofte alene i frikvartererne.',
  deltagelseIFaellesskaber: 'Emil deltager i timerne, men står uden for legen.',
});

describe('trivselsvurdering TRV-01 reminder', () => {
  const trv01 = trivselsvurderingDeadlines.find((d) => d.id === 'TRV-01')!;

  it('TRV-01 reminds of the suggested collaborators and intervention type from the assessment date', () => {
    const [reminder, ...rest] = trv01.derive(vurdering(), ctx());
    expect(rest).toEqual([]);
    expect(reminder).toMatchObject({
      path: '/niveau',
      due: '2026-05-04',
      basis: { from: '2026-05-04', amount: 0, unit: 'dage' },
      met: false,
    });
    expect(reminder!.label.da).toMatch(/^Foreslåede samarbejdspartnere og indsatstype: /);
    expect(reminder!.label.da).toContain(
      'forældre samt ressourceperson, PPR og forebyggende socialrådgiver/familie-behandler.',
    );
    expect(reminder!.label.da).toContain('Indsatstype: Foregribende indsats målrettet en gruppe af børn.');
    expect(reminder!.label.en).toContain('Early intervention aimed at a group of children');
    expect(reminder!.label.en).not.toMatch(/[æøå]/);
  });

  it('TRV-01 is met once the next steps are recorded', () => {
    for (const videreForloeb of [
      { samarbejdspartnere: ['PPR'] },
      { dialogmoede: '2026-05-11' },
      { indsatsplanReference: 'indsatsplan-2026-0042' },
    ]) {
      expect(trv01.derive({ ...vurdering(), videreForloeb }, ctx())[0]?.met).toBe(true);
    }
    expect(
      trv01.derive({ ...vurdering(), videreForloeb: { samarbejdspartnere: [' '], dialogmoede: 'snart' } }, ctx())[0]
        ?.met,
    ).toBe(false);
  });

  it('TRV-01 falls back to today without a valid date and says nothing without a level', () => {
    expect(trv01.derive({ ...vurdering(), dato: '4. maj' }, ctx())[0]?.due).toBe('2026-06-01');
    expect(trv01.derive({ ...vurdering(), niveau: 'Børn i mistrivsel' }, ctx())).toEqual([]);
    expect(trv01.derive(null, ctx())).toEqual([]);
  });

  it('TRV-01 gives a sentence for every level and none for an unknown one', () => {
    for (const niveau of TRIVSELSNIVEAUER) {
      const text = trv01Forslagstekst(niveau)!;
      expect(text.da).toContain(TRV01_FORSLAG[niveau].indsatstype);
      for (const partner of TRV01_FORSLAG[niveau].samarbejdspartnere)
        expect(text.da.toLowerCase()).toContain(partner.toLowerCase());
      expect(text.en).not.toMatch(/[æøå]/);
    }
    expect(trv01Forslagstekst('toString')).toBeUndefined();
  });
});

describe('trivselsvurdering TRV-02', () => {
  const trv02 = trivselsvurderingRules.find((r) => r.id === 'TRV-02')!;
  const paths = (data: unknown, options: Record<string, unknown> = {}) =>
    trv02.check(data, ctx(options)).map((f) => f.path);
  const truet = (): Record<string, unknown> => ({ ...vurdering(), niveau: 'Børn i truede trivselspositioner' });

  it('TRV-02 is a warning', () => {
    expect(trv02.severity).toBe('warning');
  });

  it('TRV-02 asks to consider the underretningspligt for a child in a threatened position', () => {
    expect(paths(truet())).toEqual(['/underretningOvervejet/overvejet']);
    expect(paths({ ...truet(), underretningOvervejet: { overvejet: false, begrundelse: 'Ikke relevant' } })).toEqual([
      '/underretningOvervejet/overvejet',
    ]);
  });

  it('TRV-02 asks for the reasons when the duty was considered without a begrundelse', () => {
    const findings = trv02.check({ ...truet(), underretningOvervejet: { overvejet: true, begrundelse: '  ' } }, ctx());
    expect(findings.map((f) => f.path)).toEqual(['/underretningOvervejet/begrundelse']);
    expect(findings[0]?.message?.da).toContain('begrund');
  });

  it('TRV-02 is satisfied by a recorded consideration with a reason', () => {
    expect(
      paths({
        ...truet(),
        underretningOvervejet: { overvejet: true, begrundelse: 'Der er underrettet til kommunen den 4. maj.' },
      }),
    ).toEqual([]);
  });

  it('TRV-02 says nothing for other levels unless the tenant adds them', () => {
    expect(paths(vurdering())).toEqual([]);
    const udsat = { ...vurdering(), niveau: 'Børn i udsatte trivselspositioner' };
    expect(paths(udsat)).toEqual([]);
    expect(
      paths(udsat, { niveauer: ['Børn i udsatte trivselspositioner', 'Børn i truede trivselspositioner'] }),
    ).toEqual(['/underretningOvervejet/overvejet']);
  });

  it('TRV-02 never throws on malformed data', () => {
    for (const data of [
      null,
      42,
      'tekst',
      [],
      { niveau: 'Børn i truede trivselspositioner', underretningOvervejet: 'ja' },
    ]) {
      expect(() => trv02.check(data, ctx())).not.toThrow();
    }
  });
});
