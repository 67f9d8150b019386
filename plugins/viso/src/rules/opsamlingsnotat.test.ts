import { createRuleContext, type DeadlineDefinition, type RuleDefinition } from '@skema/core';
import { createDanishCalendar } from '@skema/plugin-dk';
import { describe, expect, it } from 'vitest';
import { opsamlingsnotatDeadlines, opsamlingsnotatRules } from './opsamlingsnotat.js';

const ctx = (options: Record<string, unknown> = {}) =>
  createRuleContext({ formId: 'opsamlingsnotat', today: '2026-06-01', options, calendar: createDanishCalendar() });
const rule = (id: string): RuleDefinition => {
  const r = opsamlingsnotatRules.find((x) => x.id === id);
  if (!r) throw new Error(`missing rule ${id}`);
  return r;
};
const deadline = (id: string): DeadlineDefinition => {
  const d = opsamlingsnotatDeadlines.find((x) => x.id === id);
  if (!d) throw new Error(`missing deadline ${id}`);
  return d;
};
const paths = (id: string, data: unknown, options?: Record<string, unknown>) =>
  rule(id)
    .check(data, ctx(options))
    .map((f) => f.path);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the cases edit fixtures in place at any depth, into invalid shapes on purpose
type Data = Record<string, any>;
const afklarende = (): Data => ({
  sag: { ydelse: 'Rådgivningsforløb i en enkeltsag' },
  moede: {
    moedetype: 'Afklarende møde',
    dato: '2026-04-30',
    deltagere: [
      { navn: 'Lise Rådgiver', rolle: 'myndighedsrådgiver' },
      { navn: 'Sofie Specialist', rolle: 'VISO-specialist' },
    ],
    moedeleder: { navn: 'Sofie Specialist', rolle: 'VISO-specialist' },
  },
  inddragelse: { borgerDeltog: true, perspektivtype: 'Indefra-perspektiv' },
  afklarende: {
    del1: {
      parternesPerspektiver: 'a',
      aktuelleIndsatser: 'b',
      samarbejdeNu: 'c',
      inddragelseAfBorger: 'd',
      forventninger: 'e',
    },
    grundlagForForloeb: true,
    del2: {
      visoTilbud: { hvad: 'Rådgivning', hvem: 'Skolen', hvordan: 'Møder', hvornaar: 'Maj–december' },
      maal: ['Personalet kender Emils signaler på overbelastning.'],
      primaerModtager: { navn: 'Lise Rådgiver' },
    },
  },
});
const withType = (moedetype: string, extra: Data = {}): Data => {
  const d = afklarende();
  d.moede.moedetype = moedetype;
  delete d.afklarende;
  return { ...d, ...extra };
};

describe('opsamlingsnotat rules', () => {
  it('OPS-02 requires reason and alternative perspective when the borger was absent', () => {
    const d = afklarende();
    d.inddragelse = { borgerDeltog: false };
    expect(paths('OPS-02', d)).toEqual([
      '/inddragelse/aarsagTilFravaer',
      '/inddragelse/perspektivIndhentetPaaAndenVis',
    ]);
    d.inddragelse = {
      borgerDeltog: false,
      aarsagTilFravaer: 'Emil var syg.',
      perspektivIndhentetPaaAndenVis: 'Samtale med kontaktpædagog dagen før.',
    };
    expect(paths('OPS-02', d)).toEqual([]);
    expect(paths('OPS-02', afklarende())).toEqual([]);
  });

  it('OPS-02 applies to the udredning and closing meetings but not to working meetings (option)', () => {
    expect(paths('OPS-02', withType('Møde om udredning', { inddragelse: { borgerDeltog: false } }))).toHaveLength(2);
    expect(paths('OPS-02', withType('Afsluttende møde', { inddragelse: { borgerDeltog: false } }))).toHaveLength(2);
    expect(paths('OPS-02', withType('Arbejdsmøde', { inddragelse: { borgerDeltog: false } }))).toEqual([]);
    expect(
      paths('OPS-02', withType('Arbejdsmøde', { inddragelse: { borgerDeltog: false } }), {
        moedetyper: ['Arbejdsmøde'],
      }),
    ).toHaveLength(2);
  });

  it('GEN-01 requires reason and alternative perspective when the borger was absent from the other meeting types', () => {
    const absent = { inddragelse: { borgerDeltog: false } };
    for (const type of ['Midtvejsmøde', 'Arbejdsmøde', 'Forankringsmøde', 'Opfølgende møde', 'Rådgivningsmøde']) {
      expect(paths('GEN-01', withType(type, absent)), type).toEqual([
        '/inddragelse/aarsagTilFravaer',
        '/inddragelse/perspektivIndhentetPaaAndenVis',
      ]);
    }
    const explained = {
      inddragelse: {
        borgerDeltog: false,
        aarsagTilFravaer: 'Emil var i skole.',
        perspektivIndhentetPaaAndenVis: 'Kontaktpædagogen talte med Emil dagen før.',
      },
    };
    expect(paths('GEN-01', withType('Midtvejsmøde', explained))).toEqual([]);
    expect(
      paths('GEN-01', withType('Midtvejsmøde', { inddragelse: { ...explained.inddragelse, aarsagTilFravaer: '  ' } })),
    ).toEqual(['/inddragelse/aarsagTilFravaer']);
    expect(paths('GEN-01', withType('Arbejdsmøde'))).toEqual([]);
  });

  it('GEN-01 leaves the OPS-02 meeting types to OPS-02, so an absence is reported once', () => {
    for (const type of ['Afklarende møde', 'Møde om udredning', 'Afsluttende møde']) {
      const d = withType(type, { inddragelse: { borgerDeltog: false } });
      const reported = opsamlingsnotatRules
        .flatMap((r) => r.check(d, ctx()).map((f) => `${r.id} ${f.path}`))
        .filter((f) => /aarsag|AndenVis/.test(f));
      expect(reported, type).toEqual([
        'OPS-02 /inddragelse/aarsagTilFravaer',
        'OPS-02 /inddragelse/perspektivIndhentetPaaAndenVis',
      ]);
    }
    // A tenant that moves a meeting type to OPS-02 removes it from GEN-01's list.
    const arbejdsmoede = withType('Arbejdsmøde', { inddragelse: { borgerDeltog: false } });
    expect(paths('GEN-01', arbejdsmoede, { moedetyper: ['Midtvejsmøde'] })).toEqual([]);
  });

  it('GEN-01 never throws on malformed data', () => {
    for (const data of [
      null,
      42,
      'x',
      [],
      {},
      { moede: { moedetype: 'Midtvejsmøde' }, inddragelse: 'nej' },
      { moede: { moedetype: 'Midtvejsmøde' }, inddragelse: { borgerDeltog: false, aarsagTilFravaer: 7 } },
    ]) {
      expect(() => paths('GEN-01', data)).not.toThrow();
    }
    expect(
      paths('GEN-01', {
        moede: { moedetype: 'Midtvejsmøde' },
        inddragelse: { borgerDeltog: false, aarsagTilFravaer: 7 },
      }),
    ).toContain('/inddragelse/perspektivIndhentetPaaAndenVis');
  });

  it('OPS-03 requires at least one concrete goal after the clarifying meeting', () => {
    expect(paths('OPS-03', afklarende())).toEqual([]);
    const d = afklarende();
    d.afklarende.del2.maal = [];
    expect(paths('OPS-03', d)).toEqual(['/afklarende/del2/maal']);
    d.afklarende.del2.maal = ['   '];
    expect(paths('OPS-03', d)).toEqual(['/afklarende/del2/maal']);
    d.afklarende.del2.maal = ['Et mål', ''];
    expect(paths('OPS-03', d)).toEqual(['/afklarende/del2/maal/1']);
  });

  it('OPS-03 does not ask for goals when no forløb is started', () => {
    const d = afklarende();
    d.afklarende = {
      ...d.afklarende,
      grundlagForForloeb: false,
      begrundelseUdenForloeb: 'Behandlingsbehov',
      del2: undefined,
    };
    expect(paths('OPS-03', d)).toEqual([]);
  });

  it('OPS-04 requires a midway meeting to be agreed with the fagkonsulent', () => {
    const d = withType('Midtvejsmøde', { midtvejsmoede: { nyeAftaler: 'x', forventningsafstemninger: 'y' } });
    expect(paths('OPS-04', d)).toEqual(['/midtvejsmoede/aftaltMedFagkonsulent']);
    d.midtvejsmoede.aftaltMedFagkonsulent = true;
    expect(paths('OPS-04', d)).toEqual([]);
    expect(paths('OPS-04', afklarende())).toEqual([]);
  });

  it('OPS-06 requires every goal evaluated plus forankring and udbredelse', () => {
    const d = withType('Afsluttende møde', {
      afsluttende: {
        evalueringAfMaal: [{ maal: 'Mål 1', vurdering: 'nået' }, { maal: 'Mål 2' }],
        forankring: 'Ugentlig sparring i teamet.',
      },
    });
    const findings = rule('OPS-06').check(d, ctx());
    expect(findings.map((f) => f.path)).toEqual([
      '/afsluttende/evalueringAfMaal/1/vurdering',
      '/afsluttende/udbredelse',
    ]);
    expect(findings[0]?.params).toEqual({ nr: 2 });
    d.afsluttende.evalueringAfMaal[1].vurdering = 'delvist nået';
    d.afsluttende.udbredelse = 'Oplæg på personalemøde.';
    expect(paths('OPS-06', d)).toEqual([]);
    expect(paths('OPS-06', withType('Afsluttende møde', { afsluttende: {} }))).toEqual([
      '/afsluttende/evalueringAfMaal',
      '/afsluttende/forankring',
      '/afsluttende/udbredelse',
    ]);
  });

  it('OPS-07 makes a participating fagkonsulent the chair unless agreed otherwise', () => {
    const d = afklarende();
    d.moede.deltagere.push({ navn: 'Frank Fagkonsulent', rolle: 'VISO-fagkonsulent' });
    expect(paths('OPS-07', d)).toEqual(['/moede/moedeleder/rolle']);
    d.moede.andenMoedelederAftalt = true;
    expect(paths('OPS-07', d)).toEqual([]);
    expect(paths('OPS-07', afklarende())).toEqual([]);
  });

  it('OPS-07 requires the fagkonsulent to take part and chair with high conflict, press or several borgere', () => {
    const d = afklarende();
    d.sag.pressebevaagenhed = true;
    d.moede.andenMoedelederAftalt = true;
    const findings = rule('OPS-07').check(d, ctx());
    expect(findings.map((f) => f.path)).toEqual(['/moede/deltagere', '/moede/moedeleder/rolle']);
    expect(findings[0]?.message?.da).toContain('pressens bevågenhed');
    d.moede.deltagere.push({ navn: 'Frank Fagkonsulent', rolle: 'VISO-fagkonsulent' });
    d.moede.moedeleder = { navn: 'Frank Fagkonsulent', rolle: 'VISO-fagkonsulent' };
    expect(paths('OPS-07', d)).toEqual([]);
    const flere = afklarende();
    flere.sag.ydelse = 'Rådgivningsforløb vedrørende flere borgere – for fagpersoner';
    expect(paths('OPS-07', flere)).toEqual(['/moede/deltagere', '/moede/moedeleder/rolle']);
    expect(paths('OPS-07', withType('Afsluttende møde', { sag: { ydelse: flere.sag.ydelse } }))).toEqual([]);
  });

  it('GEN-02 warns when the kind of perspective is not recorded', () => {
    expect(rule('GEN-02').severity).toBe('warning');
    expect(paths('GEN-02', afklarende())).toEqual([]);
    const d = afklarende();
    delete d.inddragelse.perspektivtype;
    expect(paths('GEN-02', d)).toEqual(['/inddragelse/perspektivtype']);
    expect(paths('GEN-02', withType('Forankringsmøde', { inddragelse: { borgerDeltog: true } }))).toEqual([]);
  });

  it('rules tolerate empty and malformed data', () => {
    for (const r of opsamlingsnotatRules) {
      expect(() => r.check(undefined, ctx())).not.toThrow();
      expect(() =>
        r.check({ moede: { moedetype: 'Afklarende møde', deltagere: 'x' }, afklarende: 3, afsluttende: [] }, ctx()),
      ).not.toThrow();
    }
    for (const d of opsamlingsnotatDeadlines)
      expect(d.derive({ moede: { moedetype: 'Afklarende møde', dato: 'i går' } }, ctx())).toEqual([]);
  });
});

describe('opsamlingsnotat deadlines', () => {
  it('OPS-01 is due five working days after the clarifying meeting, skipping holidays', () => {
    // 2026-05-08 is a Friday; Kristi himmelfartsdag (14 May) is not a working day.
    const d = afklarende();
    d.moede.dato = '2026-05-08';
    const found = deadline('OPS-01').derive(d, ctx());
    expect(found.map((f) => [f.path, f.due, f.met])).toEqual([
      ['/udsendelse/udsendtDato', '2026-05-18', false],
      ['/udsendelse/lagtIViasDato', '2026-05-18', false],
    ]);
    expect(found[0]?.basis).toEqual({ from: '2026-05-08', amount: 5, unit: 'arbejdsdage' });
  });

  it('OPS-01 is met when the notat was sent and filed on or before the due date', () => {
    const d = afklarende();
    d.udsendelse = { udsendtDato: '2026-05-07', lagtIViasDato: '2026-05-08' };
    expect(
      deadline('OPS-01')
        .derive(d, ctx())
        .map((f) => [f.due, f.met]),
    ).toEqual([
      ['2026-05-07', true],
      ['2026-05-07', false],
    ]);
    expect(deadline('OPS-01').derive(withType('Midtvejsmøde'), ctx())).toEqual([]);
  });

  it('OPS-05 reminds to file the minutes of a working meeting, or send a midway summary', () => {
    const d = withType('Arbejdsmøde', { opsamling: 'Referat' });
    expect(
      deadline('OPS-05')
        .derive(d, ctx())
        .map((f) => f.path),
    ).toEqual(['/udsendelse/lagtIViasDato']);
    d.arbejdsmoede = { harKarakterAfMidtvejsmoede: true };
    d.udsendelse = { udsendtDato: '2026-05-04' };
    expect(
      deadline('OPS-05')
        .derive(d, ctx())
        .map((f) => [f.path, f.met]),
    ).toEqual([['/udsendelse/udsendtDato', true]]);
    expect(deadline('OPS-05').derive(afklarende(), ctx())).toEqual([]);
  });

  it('OPS-08 reminds to send the summary of every adoption advisory meeting', () => {
    const d = withType('Rådgivningsmøde', {
      sag: { ydelse: 'Rådgivningsforløb om adoption uden samtykke – for myndighedsrådgivere' },
    });
    expect(
      deadline('OPS-08')
        .derive(d, ctx({ arbejdsdage: 3 }))
        .map((f) => [f.path, f.due]),
    ).toEqual([['/udsendelse/udsendtDato', '2026-05-05']]);
    expect(deadline('OPS-08').derive(withType('Rådgivningsmøde'), ctx())).toEqual([]);
  });
});
