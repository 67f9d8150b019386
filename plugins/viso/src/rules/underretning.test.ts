import { describe, expect, it } from 'vitest';
import { createRuleContext, SkemaEngine, type FormVersion, type RuleDefinition } from '@skema/core';
import viso from '../plugin.js';
import { underretningRules } from './underretning.js';

const rule = (id: string): RuleDefinition => {
  const found = underretningRules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};

const paths = (id: string, data: unknown) =>
  rule(id)
    .check(data, createRuleContext({ today: '2026-06-01', formId: 'underretning' }))
    .map((f) => f.path);

function toKommune(): Record<string, unknown> {
  return {
    type: 'Underretning til kommunen',
    status: 'Sendt',
    modtager: 'Den stedlige kommunes underretningspostkasse',
    barn: { navn: 'Emil Testesen', cpr: '010118-9901' },
    faktuelleOplysninger: 'Fravær over 40 %.',
    visosOpgaveISagen: 'Rådgivning af skolen.',
    iagttagelser: 'Emil siger, at han ikke tør gå hjem.',
    udarbejdetAf: { navn: 'Anne Specialistsen' },
    medunderskriver: { navn: 'Mette Prøvesen', dato: '2026-04-21' },
    foraeldreOrienteret: false,
    foraeldreOrienteringVurdering: 'En orientering kan udsætte barnet for pres.',
    sendtDato: '2026-04-21',
  };
}

function toAnkestyrelsen(): Record<string, unknown> {
  return {
    ...toKommune(),
    type: 'Underretning til Ankestyrelsen',
    modtager: 'Ankestyrelsen (sikkermail@ast.dk)',
    visosKendskabOgInvolvering: 'Rådgivning siden februar; kommunen underrettet i april.',
    tidligereUnderretningTilKommunen: { dato: '2026-04-21' },
    lederDroeftelse: { leder: 'Lars Ledersen', dato: '2026-05-18' },
    kommuneOrienteretOmAST: true,
    korrespondance: [{ dato: '2026-04-21', beskrivelse: 'Underretning til kommunen' }],
    medunderskriver: { navn: 'Mette Prøvesen', dato: '2026-05-19' },
    sendtDato: '2026-05-19',
  };
}

function bekymringsskrivelse(): Record<string, unknown> {
  return {
    type: 'Bekymringsskrivelse',
    status: 'Udkast',
    modtager: 'Ledelse og myndighed',
    voksen: { navn: 'Jens Testesen' },
    faktuelleOplysninger: 'Bor på botilbud.',
    visosOpgaveISagen: 'Rådgivning af personalet.',
    iagttagelser: 'Låst inde på værelset.',
    udarbejdetAf: { navn: 'Anne Specialistsen' },
  };
}

describe('underretning rules', () => {
  it('UND-xx catalogue: the E rules are errors and UND-07 is a warning', () => {
    expect(underretningRules.map((r) => `${r.id}:${r.severity}`)).toEqual([
      'UND-02:error',
      'UND-03:error',
      'UND-04:error',
      'UND-06:error',
      'UND-07:warning',
      'UND-08:error',
      'UND-10:error',
    ]);
  });

  it('UND-xx rules accept complete notifications of every type and do not throw on odd data', () => {
    const ctx = createRuleContext({ today: '2026-06-01', formId: 'underretning' });
    for (const r of underretningRules) {
      for (const data of [toKommune(), toAnkestyrelsen(), bekymringsskrivelse()])
        expect(r.check(data, ctx), `${r.id} ${String(data.type)}`).toEqual([]);
      expect(() => r.check(null, ctx)).not.toThrow();
      expect(() =>
        r.check({ type: 'Underretning til Ankestyrelsen', korrespondance: 'x', barn: 3 }, ctx),
      ).not.toThrow();
    }
  });

  it('UND-02 requires faktuelle oplysninger, VISOs opgave and iagttagelser', () => {
    const data = { ...toKommune(), faktuelleOplysninger: ' ', iagttagelser: undefined };
    expect(paths('UND-02', data)).toEqual(['/faktuelleOplysninger', '/iagttagelser']);
    expect(paths('UND-02', { ...bekymringsskrivelse(), visosOpgaveISagen: '' })).toEqual(['/visosOpgaveISagen']);
  });

  it('UND-03 requires the fagkonsulent co-signature when sending', () => {
    const data = { ...toKommune(), medunderskriver: undefined };
    expect(paths('UND-03', data)).toEqual(['/medunderskriver/navn']);
    expect(paths('UND-03', { ...data, status: 'Udkast', sendtDato: undefined })).toEqual([]);
    expect(paths('UND-03', { ...data, status: 'Udkast' })).toEqual(['/medunderskriver/navn']);
  });

  it('UND-03 lets the specialist send to the kommune alone with a recorded disagreement, but not to Ankestyrelsen or an adult letter', () => {
    const reason = 'Fagkonsulenten er uenig; specialisten underretter efter sin personlige pligt.';
    expect(
      paths('UND-03', { ...toKommune(), medunderskriver: undefined, udenMedunderskriftBegrundelse: reason }),
    ).toEqual([]);
    expect(
      paths('UND-03', { ...toAnkestyrelsen(), medunderskriver: undefined, udenMedunderskriftBegrundelse: reason }),
    ).toEqual(['/medunderskriver/navn']);
    expect(
      paths('UND-03', {
        ...bekymringsskrivelse(),
        status: 'Sendt',
        sendtDato: '2026-05-28',
        udenMedunderskriftBegrundelse: reason,
      }),
    ).toEqual(['/medunderskriver/navn']);
  });

  it('UND-03 refuses the drafting specialist as co-signer and a co-signature after sending', () => {
    expect(
      paths('UND-03', { ...toKommune(), medunderskriver: { navn: 'anne specialistsen', dato: '2026-04-21' } }),
    ).toEqual(['/medunderskriver/navn']);
    expect(
      paths('UND-03', { ...toKommune(), medunderskriver: { navn: 'Mette Prøvesen', dato: '2026-04-22' } }),
    ).toEqual(['/medunderskriver/dato']);
    expect(paths('UND-03', { ...toKommune(), medunderskriver: { navn: 'Mette Prøvesen' } })).toEqual([
      '/medunderskriver/dato',
    ]);
  });

  it('UND-04 requires a recorded decision on informing the parents for notifications about a child', () => {
    const data = { ...toKommune(), foraeldreOrienteret: undefined, foraeldreOrienteringVurdering: '' };
    expect(paths('UND-04', data)).toEqual(['/foraeldreOrienteret', '/foraeldreOrienteringVurdering']);
    expect(paths('UND-04', { ...toAnkestyrelsen(), foraeldreOrienteret: true })).toEqual([]);
    expect(paths('UND-04', bekymringsskrivelse())).toEqual([]);
  });

  it('UND-06 requires prior contact with the kommune, a leader discussion and the kommune informed, before sending to Ankestyrelsen', () => {
    const data = {
      ...toAnkestyrelsen(),
      tidligereUnderretningTilKommunen: undefined,
      lederDroeftelse: { leder: 'Lars Ledersen' },
      kommuneOrienteretOmAST: false,
    };
    expect(paths('UND-06', data)).toEqual([
      '/tidligereUnderretningTilKommunen/dato',
      '/lederDroeftelse/dato',
      '/kommuneOrienteretOmAST',
    ]);
    expect(
      paths('UND-06', { ...toAnkestyrelsen(), lederDroeftelse: { leder: 'Lars Ledersen', dato: '2026-05-20' } }),
    ).toEqual(['/lederDroeftelse/dato']);
    expect(paths('UND-06', toKommune())).toEqual([]);
  });

  it('UND-07 warns when name, CPR, VISOs kendskab or the correspondence is missing in an Ankestyrelsen notification', () => {
    const data = {
      ...toAnkestyrelsen(),
      barn: { navn: 'Emil Testesen' },
      visosKendskabOgInvolvering: '',
      korrespondance: [],
    };
    expect(paths('UND-07', data)).toEqual(['/barn/cpr', '/visosKendskabOgInvolvering', '/korrespondance']);
    expect(paths('UND-07', { ...toKommune(), barn: {} })).toEqual([]);
  });

  it('UND-08 requires the sikkermail@ast.dk channel for Ankestyrelsen', () => {
    expect(paths('UND-08', { ...toAnkestyrelsen(), modtager: 'Den stedlige kommunes underretningspostkasse' })).toEqual(
      ['/modtager'],
    );
    expect(paths('UND-08', { ...toAnkestyrelsen(), modtager: undefined })).toEqual(['/modtager']);
    expect(paths('UND-08', toKommune())).toEqual([]);
  });

  it('UND-10 sends a bekymringsskrivelse to ledelse og myndighed', () => {
    expect(
      paths('UND-10', { ...bekymringsskrivelse(), modtager: 'Den stedlige kommunes underretningspostkasse' }),
    ).toEqual(['/modtager']);
    expect(paths('UND-10', { ...toKommune() })).toEqual([]);
  });

  it('UND-10 escalates: myndighedsrådgiver when ignored, Socialtilsynet or kommunalbestyrelsen for unresolved general concerns', () => {
    const ignored = { ...bekymringsskrivelse(), eskalering: { bekymringTagetAlvorligt: false } };
    expect(paths('UND-10', ignored)).toEqual([
      '/eskalering/myndighedsraadgiverInvolveret/navn',
      '/eskalering/myndighedsraadgiverInvolveret/dato',
    ]);
    const general = { generelleForholdPaaTilbud: true, forholdHaandteret: false };
    expect(paths('UND-10', { ...bekymringsskrivelse(), eskalering: general })).toEqual([
      '/eskalering/socialtilsynetVurdering',
    ]);
    expect(paths('UND-10', { ...bekymringsskrivelse(), eskalering: { ...general, aeldreomraadet: true } })).toEqual([
      '/eskalering/kommunalbestyrelsenUnderrettetDato',
    ]);
    expect(paths('UND-10', { ...bekymringsskrivelse(), eskalering: { ...general, forholdHaandteret: true } })).toEqual(
      [],
    );
  });
});

describe('UND-07 severity through the engine', () => {
  // A minimal form: the schema accepts anything, so only the rules speak.
  const form: FormVersion = {
    manifest: {
      id: 'underretning',
      version: '1.0.0',
      title: { da: 'Underretning', en: 'Notification' },
      status: 'published',
      plugins: [{ name: '@skema/plugin-viso', version: '^1.0.0' }],
      changelog: 'test',
    },
    schema: { type: 'object' },
    uischema: {},
    i18n: { da: { 'barn.cpr.label': 'Barnets CPR-nummer' }, en: { 'barn.cpr.label': "Child's CPR number" } },
    hash: 'sha256-und07-test',
  };
  const engine = new SkemaEngine({ plugins: [viso()] });
  const data = { ...toAnkestyrelsen(), barn: { navn: 'Emil Testesen' } };

  it('UND-07 is a warning by default and the submission stays valid', () => {
    const result = engine.validate(form, data, { today: '2026-06-01' });
    expect(result.valid).toBe(true);
    expect(result.warnings.map((w) => [w.code, w.path])).toEqual([['UND-07', '/barn/cpr']]);
    expect(result.warnings[0]?.message).toBe('Underretningen til Ankestyrelsen bør indeholde «Barnets CPR-nummer».');
  });

  it("UND-07 becomes an error when a tenant sets ruleOptions['UND-07'].severity = 'error'", () => {
    const result = engine.validate(form, data, {
      today: '2026-06-01',
      ruleOptions: { 'UND-07': { severity: 'error' } },
    });
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => [e.code, e.path, e.severity])).toEqual([['UND-07', '/barn/cpr', 'error']]);
    expect(result.warnings).toEqual([]);
  });
});
