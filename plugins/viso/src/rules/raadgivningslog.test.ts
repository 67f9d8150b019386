import { describe, expect, it } from 'vitest';
import { createRuleContext, type RuleDefinition } from '@skema/core';
import { raadgivningslogDeadlines, raadgivningslogRules } from './raadgivningslog.js';

const ctx = (today = '2026-06-01', options: Record<string, unknown> = {}) =>
  createRuleContext({ today, formId: 'raadgivningslog', options });

const rule = (id: string): RuleDefinition => {
  const r = raadgivningslogRules.find((x) => x.id === id);
  if (!r) throw new Error(`missing ${id}`);
  return r;
};
const deadline = (id: string) => {
  const d = raadgivningslogDeadlines.find((x) => x.id === id);
  if (!d) throw new Error(`missing ${id}`);
  return d;
};
const paths = (id: string, data: unknown, today?: string) =>
  rule(id)
    .check(data, ctx(today))
    .map((f) => f.path);

const moede = (dato: string, extra: Record<string, unknown> = {}) => ({ dato, sted: 'Skolen', ...extra });

/** A forløb with afklarende møde 2026-02-02, two arbejdsmøder and an afsluttende møde in September. */
const base = () => ({
  moeder: {
    afklarendeMoede: moede('2026-02-02'),
    arbejdsmoeder: [moede('2026-03-16'), moede('2026-05-11')],
    afsluttendeMoede: moede('2026-09-07'),
  },
  inddragelseAfBarnet: 'Emil interviewes af kontaktlæreren før hvert arbejdsmøde.',
  maal: {
    overordnetMaal: [{ tekst: 'Emil kommer i skole alle dage.', dato: '2026-02-02' }],
    delmaal: {
      fremTilArbejdsmoeder: ['Emil møder ind tre dage om ugen.', 'Emil møder ind fire dage om ugen.'],
      fremTilAfsluttendeMoede: 'Fuld skoleuge.',
    },
  },
  rolleOgOpgavefordeling: [
    { rolle: 'Tovholder for arbejdsmøder undervejs/efter VISO-forløbet', navne: ['Lise Testesen'], aftaler: {} },
    {
      rolle: 'Inddragelse af barnet/den unge',
      navne: [],
      aftaler: { fremTilArbejdsmoeder: ['Kontaktlæreren taler med Emil.'] },
    },
  ],
});

describe('raadgivningslog rules', () => {
  it('LOG-03 requires the overall goal once the afklarende møde is held', () => {
    const data = { ...base(), maal: { ...base().maal, overordnetMaal: [] } };
    expect(paths('LOG-03', data)).toEqual(['/maal/overordnetMaal']);
    expect(paths('LOG-03', data, '2026-01-15')).toEqual([]);
    expect(paths('LOG-03', base())).toEqual([]);
  });

  it('LOG-03 requires a date on every adjustment of the overall goal', () => {
    const data = base();
    data.maal.overordnetMaal.push({ tekst: 'Emil kommer i skole fire dage om ugen.' } as {
      tekst: string;
      dato: string;
    });
    expect(paths('LOG-03', data)).toEqual(['/maal/overordnetMaal/1/dato']);
  });

  it('LOG-04 requires the delmål for the period after each held meeting', () => {
    expect(paths('LOG-04', base())).toEqual([]);
    const data = base();
    data.maal.delmaal.fremTilArbejdsmoeder = ['Emil møder ind tre dage om ugen.', ' '];
    expect(paths('LOG-04', data)).toEqual(['/maal/delmaal/fremTilArbejdsmoeder/1']);
  });

  it('LOG-04 points at the column when the cell does not exist and ignores meetings not yet held', () => {
    const data = base();
    data.maal.delmaal.fremTilArbejdsmoeder = ['Emil møder ind tre dage om ugen.'];
    expect(paths('LOG-04', data)).toEqual(['/maal/delmaal/fremTilArbejdsmoeder']);
    expect(paths('LOG-04', data, '2026-03-01')).toEqual([]);
  });

  it('LOG-04 asks for the period up to the afsluttende møde after the last arbejdsmøde and for after the forløb', () => {
    const data = base();
    data.maal.delmaal = { fremTilArbejdsmoeder: ['a', 'b'] } as typeof data.maal.delmaal;
    expect(paths('LOG-04', data)).toEqual(['/maal/delmaal/fremTilAfsluttendeMoede']);
    expect(paths('LOG-04', data, '2026-09-08')).toEqual([
      '/maal/delmaal/fremTilAfsluttendeMoede',
      '/maal/delmaal/efterForloebet',
    ]);
  });

  it('LOG-04 with no arbejdsmøder goes straight to the afsluttende møde', () => {
    const data = { moeder: { afklarendeMoede: moede('2026-02-02') }, maal: { delmaal: {} } };
    expect(paths('LOG-04', data)).toEqual(['/maal/delmaal/fremTilAfsluttendeMoede']);
  });

  it('LOG-05 requires the child-inclusion text and the inclusion row with an agreement', () => {
    expect(paths('LOG-05', base())).toEqual([]);
    const data = { ...base(), inddragelseAfBarnet: '' };
    expect(paths('LOG-05', data)).toEqual(['/inddragelseAfBarnet']);
    const noRow = { ...base(), rolleOgOpgavefordeling: [base().rolleOgOpgavefordeling[0]] };
    expect(paths('LOG-05', noRow)).toEqual(['/rolleOgOpgavefordeling']);
    const emptyRow = base();
    emptyRow.rolleOgOpgavefordeling[1]!.aftaler = { fremTilArbejdsmoeder: [''] };
    expect(paths('LOG-05', emptyRow)).toEqual(['/rolleOgOpgavefordeling/1/aftaler']);
  });

  it('LOG-06 requires a named tovholder once the afsluttende møde is held', () => {
    const data = base();
    data.rolleOgOpgavefordeling[0]!.navne = [];
    expect(paths('LOG-06', data)).toEqual([]);
    expect(paths('LOG-06', data, '2026-09-07')).toEqual(['/rolleOgOpgavefordeling/0/navne']);
    expect(paths('LOG-06', base(), '2026-09-07')).toEqual([]);
    expect(paths('LOG-06', { ...base(), rolleOgOpgavefordeling: [] }, '2026-10-01')).toEqual([
      '/rolleOgOpgavefordeling',
    ]);
  });

  it('LOG-07 warns when a meeting summary skips an agenda item', () => {
    const data = {
      moedeopsamlinger: [
        { moede: 'Afklarende møde', dato: '2026-02-02', delmaalKommendePeriode: 'Tre dage om ugen.' },
        {
          moede: 'Arbejdsmøde',
          dato: '2026-03-16',
          opsamlingSidenSidst: 'Emil har mødt to dage.',
          evalueringAfDelmaal: '',
          delmaalKommendePeriode: 'Fire dage.',
        },
      ],
    };
    expect(rule('LOG-07').severity).toBe('warning');
    expect(paths('LOG-07', data)).toEqual(['/moedeopsamlinger/1/evalueringAfDelmaal']);
    data.moedeopsamlinger[1]!.evalueringAfDelmaal = 'Delmålet er delvist nået.';
    expect(paths('LOG-07', data)).toEqual([]);
  });

  it('LOG-08 requires meeting dates in order', () => {
    expect(paths('LOG-08', base())).toEqual([]);
    const data = base();
    data.moeder.arbejdsmoeder[1] = moede('2026-03-16');
    expect(paths('LOG-08', data)).toEqual(['/moeder/arbejdsmoeder/1/dato']);
  });

  it('LOG-08 lets a forankringsmøde share the afsluttende date but not precede it', () => {
    const data = {
      ...base(),
      moeder: { ...base().moeder, forankringsmoeder: [moede('2026-09-07'), moede('2026-09-01')] },
    };
    expect(paths('LOG-08', data)).toEqual(['/moeder/forankringsmoeder/1/dato']);
  });

  it('LOG-08 ignores missing dates and malformed data without throwing', () => {
    expect(paths('LOG-08', { moeder: { afklarendeMoede: 'x', arbejdsmoeder: [null, {}] } })).toEqual([]);
    for (const r of raadgivningslogRules) expect(() => r.check(42, ctx())).not.toThrow();
  });
});

describe('raadgivningslog deadlines', () => {
  it('LOG-01 reminds to update the log after every held meeting until logOpdateret is set', () => {
    const data = base();
    data.moeder.afklarendeMoede = moede('2026-02-02', { logOpdateret: '2026-02-04' });
    const found = deadline('LOG-01').derive(data, ctx());
    expect(found.map((d) => [d.path, d.met])).toEqual([
      ['/moeder/afklarendeMoede/logOpdateret', true],
      ['/moeder/arbejdsmoeder/0/logOpdateret', false],
      ['/moeder/arbejdsmoeder/1/logOpdateret', false],
    ]);
    // 2026-03-16 is a Monday: five working days later is the next Monday.
    expect(found[1]!.due).toBe('2026-03-23');
    expect(found[1]!.basis).toEqual({ from: '2026-03-16', amount: 5, unit: 'arbejdsdage' });
  });

  it('LOG-01 honours the arbejdsdage option', () => {
    const found = deadline('LOG-01').derive(base(), ctx('2026-06-01', { arbejdsdage: 2 }));
    expect(found[0]!.due).toBe('2026-02-04');
  });

  it('LOG-02 reminds to distribute the log, counted from the update when recorded', () => {
    const data = base();
    data.moeder.afklarendeMoede = moede('2026-02-02', { logOpdateret: '2026-02-04', distribueret: '2026-02-05' });
    data.moeder.arbejdsmoeder[0] = moede('2026-03-16', { logOpdateret: '2026-03-18' });
    const found = deadline('LOG-02').derive(data, ctx());
    expect(found.map((d) => [d.path, d.met])).toEqual([
      ['/moeder/afklarendeMoede/distribueret', true],
      ['/moeder/arbejdsmoeder/0/distribueret', false],
      ['/moeder/arbejdsmoeder/1/distribueret', false],
    ]);
    expect(found[1]!.basis.from).toBe('2026-03-18');
    expect(found[2]!.basis.from).toBe('2026-05-11');
  });

  it('LOG-02 gives nothing for meetings not yet held', () => {
    expect(deadline('LOG-02').derive(base(), ctx('2026-01-01'))).toEqual([]);
  });
});
