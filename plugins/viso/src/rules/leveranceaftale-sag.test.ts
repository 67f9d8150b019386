import { describe, expect, it } from 'vitest';
import { createRuleContext } from '@skema/core';
import { lev10CaseBorger } from './leveranceaftale-sag.js';
import { YDELSE } from './henvendelsesskema-ydelser.js';

const ctx = (version = '1.1.0') => createRuleContext({ today: '2026-06-01', formId: 'leveranceaftale', version });
const paths = (sag: Record<string, unknown>, version?: string) =>
  lev10CaseBorger.check({ sag }, ctx(version)).map((f) => f.path);

describe('LEV-10 the case’s own borger (leveranceaftale 1.1.0)', () => {
  it('LEV-10 valid: an enkeltsag on a CPR number, a substitute number, or «Intet CPR-nummer» with a birth date', () => {
    expect(paths({ ydelse: YDELSE.enkeltsag, navn: 'Emil Testesen', cpr: '010118-9901' })).toEqual([]);
    // Erstatningspersonnummer: birth day + 60.
    expect(paths({ ydelse: YDELSE.enkeltsag, cpr: '711016-4001' })).toEqual([]);
    expect(paths({ ydelse: YDELSE.borgere, intetCprNummer: true, foedselsdato: '2016-09-14' })).toEqual([]);
  });

  it('LEV-10 valid: courses about several borgere, theme courses and theme days have no borger', () => {
    for (const ydelse of [YDELSE.flereBorgere, YDELSE.miniFlereBorgere, YDELSE.temaforloeb, YDELSE.temadageAdoption]) {
      expect(paths({ sagsnummer: 'VISO-1', ydelse }), ydelse).toEqual([]);
    }
  });

  it('LEV-10 valid: an unborn child in adoption without consent needs no CPR number', () => {
    expect(paths({ ydelse: YDELSE.adoption, ufoedt: true })).toEqual([]);
  });

  it('LEV-10 invalid: a ydelse about one borger (or none recorded) without a CPR number', () => {
    for (const ydelse of [
      YDELSE.borgere,
      YDELSE.enkeltsag,
      YDELSE.miniEnkeltsag,
      YDELSE.adoption,
      YDELSE.sagsbehandling,
      YDELSE.miniSagsbehandling,
    ]) {
      expect(paths({ ydelse, navn: 'Emil Testesen' }), ydelse).toEqual(['/sag/cpr']);
    }
    // Before 1.1.0 the schema required the CPR number for every case; an unrecorded ydelse keeps that.
    expect(paths({ navn: 'Emil Testesen' })).toEqual(['/sag/cpr']);
    const [finding] = lev10CaseBorger.check({ sag: { ydelse: YDELSE.enkeltsag } }, ctx());
    expect(finding!.params).toEqual({ ydelse: YDELSE.enkeltsag });
  });

  it('LEV-10 invalid: «Intet CPR-nummer» without a birth date, or together with a CPR number', () => {
    expect(paths({ ydelse: YDELSE.enkeltsag, intetCprNummer: true })).toEqual(['/sag/foedselsdato']);
    expect(
      paths({ ydelse: YDELSE.enkeltsag, intetCprNummer: true, foedselsdato: '2016-09-14', cpr: '010118-9901' }),
    ).toEqual(['/sag/intetCprNummer']);
  });

  it('LEV-10 invalid: an invented borger on a course that concerns no single borger', () => {
    expect(
      paths({ ydelse: YDELSE.temaforloeb, navn: 'Test Testesen', cpr: '010101-0000', foedselsdato: '2010-01-01' }),
    ).toEqual(['/sag/navn', '/sag/cpr', '/sag/foedselsdato']);
    // Anonymous advice carries no identifying data either (001 §3.2).
    expect(paths({ ydelse: YDELSE.udvidetTelefon, cpr: '010118-9901' })).toEqual(['/sag/cpr']);
  });

  it('LEV-10 invalid: «Barnet er endnu ikke født» outside adoption without consent', () => {
    expect(paths({ ydelse: YDELSE.enkeltsag, ufoedt: true })).toEqual(['/sag/ufoedt']);
  });

  it('LEV-10 valid: telephone advice may be anonymous, so nothing is required', () => {
    expect(paths({ ydelse: YDELSE.telefon })).toEqual([]);
  });

  it('LEV-10 is silent on 1.0.0, whose schema requires the CPR number itself', () => {
    expect(paths({ ydelse: YDELSE.enkeltsag }, '1.0.0')).toEqual([]);
    expect(paths({ ydelse: YDELSE.temaforloeb, cpr: '010118-9901' }, '1.0.0')).toEqual([]);
    expect(lev10CaseBorger.since).toEqual({ leveranceaftale: '1.1.0' });
  });

  it('LEV-10 does not throw on odd data', () => {
    for (const data of [undefined, null, 7, { sag: 'x' }, { sag: { ydelse: 3, cpr: 5 } }]) {
      expect(() => lev10CaseBorger.check(data, ctx())).not.toThrow();
    }
  });
});
