import { describe, expect, it } from 'vitest';
import { createRuleContext, type RuleDefinition } from '@skema/core';
import { indsatsplanRules } from './indsatsplan.js';

const ctx = (options: Record<string, unknown> = {}) =>
  createRuleContext({ today: '2026-06-01', formId: 'indsatsplan', options });
const rule = (id: string): RuleDefinition => {
  const r = indsatsplanRules.find((x) => x.id === id);
  if (!r) throw new Error(`missing ${id}`);
  return r;
};
const paths = (id: string, data: unknown, options: Record<string, unknown> = {}) =>
  rule(id)
    .check(data, ctx(options))
    .map((f) => f.path);

const plan = () => ({
  grundlag: {
    trivselsvurdering: { niveau: 'Børn i faldende trivsel', dato: '2026-05-04' },
    indsatstype: 'Foregribende indsats målrettet en gruppe af børn',
  } as Record<string, unknown>,
  dialog: {
    barnetsPerspektiv: 'Emil trækker sig i frikvartererne; han forsøger at undgå at stå alene.',
    barnetFortaellerSelv: 'Emil siger, at han ikke har nogen at være sammen med.',
    hvadBekymrer: 'Emil er ofte alene og har haft fravær om mandagen.',
    hvadFungerer: 'Emil er glad for matematik og for sin kontaktlærer.',
    hvadVilViGerneSeSke: 'At Emil har en at lege med i frikvarteret.',
  } as Record<string, unknown>,
  aftaler: {
    maal: [
      {
        maal: 'Emil deltager i en legegruppe.',
        tiltag: 'Legegrupper i 4.b to gange om ugen.',
        hvem: 'Kontaktlæreren',
        hvornaar: 'Fra uge 20',
      },
    ],
    foersteSkridt: { hvad: 'Sammensætte legegrupperne.', hvem: 'Kontaktlæreren' },
    opfoelgning: { hvordan: 'Kort samtale med Emil og forældrene.', hvornaar: '2026-06-15' },
    tovholder1Led: 'Mette Lærer',
    tovholder2Led: 'Jens Skoleleder',
    naesteMoede: '2026-06-22',
  } as Record<string, unknown>,
});

describe('indsatsplan rules', () => {
  it('IND-01 accepts a plan with the child perspective and the child’s own words', () => {
    expect(paths('IND-01', plan())).toEqual([]);
  });

  it('IND-01 requires the child perspective and, by default, what the child says', () => {
    const data = plan();
    data.dialog.barnetsPerspektiv = ' ';
    delete data.dialog.barnetFortaellerSelv;
    expect(paths('IND-01', data)).toEqual(['/dialog/barnetsPerspektiv', '/dialog/barnetFortaellerSelv']);
    expect(paths('IND-01', data, { kraevBarnetsEgneOrd: false })).toEqual(['/dialog/barnetsPerspektiv']);
  });

  it('IND-02 accepts a complete plan', () => {
    expect(paths('IND-02', plan())).toEqual([]);
  });

  it('IND-02 requires indsatstype, goals with tiltag, first step, follow-up, both tovholdere and the next meeting', () => {
    expect(paths('IND-02', {})).toEqual([
      '/grundlag/indsatstype',
      '/aftaler/maal',
      '/aftaler/foersteSkridt/hvad',
      '/aftaler/foersteSkridt/hvem',
      '/aftaler/opfoelgning/hvordan',
      '/aftaler/opfoelgning/hvornaar',
      '/aftaler/tovholder1Led',
      '/aftaler/tovholder2Led',
      '/aftaler/naesteMoede',
    ]);
  });

  it('IND-02 requires every goal to name its tiltag, who and when', () => {
    const data = plan();
    data.aftaler.maal = [{ maal: 'Emil deltager i en legegruppe.', tiltag: '' }];
    expect(paths('IND-02', data)).toEqual([
      '/aftaler/maal/0/tiltag',
      '/aftaler/maal/0/hvem',
      '/aftaler/maal/0/hvornaar',
    ]);
  });

  it('IND-03 warns when the indsatstype differs from the TRV-01 suggestion without a reason', () => {
    expect(rule('IND-03').severity).toBe('warning');
    expect(paths('IND-03', plan())).toEqual([]);
    const data = plan();
    data.grundlag.indsatstype = 'Indgribende indsats målrettet det enkelte barn';
    expect(paths('IND-03', data)).toEqual(['/grundlag/begrundelseForIndsatstype']);
    data.grundlag.begrundelseForIndsatstype = 'Emil er den eneste i klassen, der er alene i frikvartererne.';
    expect(paths('IND-03', data)).toEqual([]);
  });

  it('IND-03 says nothing when the level is unknown', () => {
    const data = plan();
    data.grundlag = { indsatstype: 'Indgribende indsats målrettet det enkelte barn' };
    expect(paths('IND-03', data)).toEqual([]);
  });

  it('IND-04 warns when the next meeting is held without observed differences', () => {
    expect(rule('IND-04').severity).toBe('warning');
    expect(paths('IND-04', plan())).toEqual([]);
    const held = plan();
    held.aftaler.naesteMoede = '2026-06-01';
    expect(paths('IND-04', held)).toEqual(['/observeredeForskelle']);
    expect(paths('IND-04', { ...held, observeredeForskelle: 'Emil leger med to fra klassen om tirsdagen.' })).toEqual(
      [],
    );
  });

  it('IND rules never throw on malformed data', () => {
    for (const r of indsatsplanRules) {
      expect(() => r.check(null, ctx())).not.toThrow();
      expect(() => r.check({ aftaler: { maal: 'x' }, grundlag: 7 }, ctx())).not.toThrow();
    }
  });
});
