import { createRuleContext, type DeadlineDefinition, type RuleDefinition } from '@skema/core';
import { createDanishCalendar } from '@skema/plugin-dk';
import { describe, expect, it } from 'vitest';
import { forankringsplanDeadlines, forankringsplanRules } from './forankringsplan.js';

const ctx = (options: Record<string, unknown> = {}, today = '2026-06-01') =>
  createRuleContext({ formId: 'forankringsplan', today, options, calendar: createDanishCalendar() });
const rule = (id: string): RuleDefinition => {
  const r = forankringsplanRules.find((x) => x.id === id);
  if (!r) throw new Error(`missing rule ${id}`);
  return r;
};
const deadline = (id: string): DeadlineDefinition => {
  const d = forankringsplanDeadlines.find((x) => x.id === id);
  if (!d) throw new Error(`missing deadline ${id}`);
  return d;
};
const paths = (id: string, data: unknown, options?: Record<string, unknown>, today?: string) =>
  rule(id)
    .check(data, ctx(options, today))
    .map((f) => f.path);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the cases edit fixtures in place at any depth, into invalid shapes on purpose
type Data = Record<string, any>;
/** Afsluttende møde and forankringsmøde on 2026-03-10; one follow-up held, the next agreed. */
const plan = (): Data => ({
  afsluttendeMoedeDato: '2026-03-10',
  sidsteRaadgivningsgangDato: '2026-02-24',
  tovholder: { navn: 'Lise Tovholdertest', aftaltDato: '2026-02-24' },
  deltagerErklaering: true,
  forankringsmoede: {
    dato: '2026-03-10',
    aftaltDato: '2026-02-24',
    varighedTimer: 1,
    invitationSendtDato: '2026-02-25',
    dagsordenSendtTilTovholderDato: '2026-03-02',
    afholdt: true,
  },
  aktiviteter: [{ hvad: 'Pauseplan evalueres', hvem: 'Kontaktlærer', hvornaar: '2026-04-01' }],
  opfoelgendeMoeder: [
    {
      dato: '2026-04-28',
      afholdt: true,
      varighedTimer: 1.5,
      statusSamtaleDato: '2026-04-21',
      kommunenHarArbejdetAktivt: true,
    },
    { dato: '2026-06-23', varighedTimer: 1.5 },
  ],
  naesteOpfoelgendeMoede: '2026-06-23',
  sparringssessioner: [{ dato: '2026-03-30' }, { dato: '2026-04-14' }, { dato: '2026-05-12' }],
});

describe('forankringsplan rules', () => {
  it('FOR-01 requires the anchoring meeting agreed by the last advisory session', () => {
    expect(paths('FOR-01', plan())).toEqual([]);
    const d = plan();
    d.forankringsmoede.aftaltDato = '2026-03-01';
    expect(rule('FOR-01').check(d, ctx())).toMatchObject([
      { path: '/forankringsmoede/aftaltDato', params: { dato: '2026-02-24' } },
    ]);
    delete d.sidsteRaadgivningsgangDato;
    expect(paths('FOR-01', d)).toEqual([]);
    delete d.forankringsmoede.aftaltDato;
    expect(paths('FOR-01', d)).toEqual(['/forankringsmoede/aftaltDato']);
  });

  it('FOR-01 refuses an anchoring meeting before the closing meeting', () => {
    const d = plan();
    d.forankringsmoede.dato = '2026-03-09';
    expect(paths('FOR-01', d)).toEqual(['/forankringsmoede/dato']);
  });

  it('FOR-02 requires the coordinator agreed before the invitation is sent', () => {
    expect(paths('FOR-02', plan())).toEqual([]);
    const d = plan();
    d.tovholder.aftaltDato = '2026-02-26';
    expect(paths('FOR-02', d)).toEqual(['/tovholder/aftaltDato']);
    delete d.tovholder.aftaltDato;
    expect(paths('FOR-02', d)).toEqual(['/tovholder/aftaltDato']);
    delete d.forankringsmoede.invitationSendtDato;
    expect(paths('FOR-02', d)).toEqual([]);
  });

  it('FOR-03 allows only one future follow-up meeting at a time', () => {
    expect(paths('FOR-03', plan())).toEqual([]);
    const d = plan();
    d.opfoelgendeMoeder.push({ dato: '2026-08-18' });
    expect(rule('FOR-03').check(d, ctx())).toEqual([
      { path: '/opfoelgendeMoeder/2/dato', params: { dato: '2026-06-23' } },
    ]);
    // «Næste opfølgende møde» counts when it differs from the planned meeting in the list.
    const e = plan();
    e.naesteOpfoelgendeMoede = '2026-06-09';
    expect(paths('FOR-03', e)).toEqual(['/opfoelgendeMoeder/1/dato']);
    // Once the June meeting is past, the August one may be agreed.
    expect(paths('FOR-03', d, {}, '2026-06-24')).toEqual([]);
  });

  it('FOR-04 allows at most three follow-up meetings within six months of the closing meeting', () => {
    expect(paths('FOR-04', plan())).toEqual([]);
    const d = plan();
    d.opfoelgendeMoeder = [
      { dato: '2026-04-01', afholdt: true },
      { dato: '2026-05-01', afholdt: true },
      { dato: '2026-05-28', afholdt: true },
      { dato: '2026-09-11' },
    ];
    delete d.naesteOpfoelgendeMoede;
    expect(
      rule('FOR-04')
        .check(d, ctx())
        .map((f) => [f.path, f.params]),
    ).toEqual([
      ['/opfoelgendeMoeder', { antal: 4, maks: 3 }],
      ['/opfoelgendeMoeder/3/dato', { maaneder: 6, dato: '2026-09-10' }],
    ]);
  });

  it('FOR-04 requires a held anchoring meeting before any follow-up, and 1.5 hours per meeting', () => {
    const d = plan();
    d.forankringsmoede.afholdt = false;
    d.opfoelgendeMoeder[1].varighedTimer = 2;
    d.opfoelgendeMoeder.unshift({ dato: '2026-03-10', afholdt: true });
    expect(paths('FOR-04', d)).toEqual([
      '/opfoelgendeMoeder/0/dato',
      '/forankringsmoede/afholdt',
      '/opfoelgendeMoeder/2/varighedTimer',
    ]);
    expect(paths('FOR-04', d, { maksTimer: 2, maksMoeder: 3 })).toEqual([
      '/opfoelgendeMoeder/0/dato',
      '/forankringsmoede/afholdt',
    ]);
  });

  it('FOR-05 allows at most two telephone sparring sessions before each follow-up meeting', () => {
    expect(paths('FOR-05', plan())).toEqual([]);
    const d = plan();
    d.sparringssessioner.push({ dato: '2026-04-20' });
    expect(rule('FOR-05').check(d, ctx())).toEqual([
      { path: '/sparringssessioner/3/dato', params: { maks: 2, nr: 3 } },
    ]);
    // Sessions after the last known meeting count towards the next one.
    const e = plan();
    e.sparringssessioner = [{ dato: '2026-07-01' }, { dato: '2026-07-08' }, { dato: '2026-07-15' }];
    expect(paths('FOR-05', e)).toEqual(['/sparringssessioner/2/dato']);
  });

  it('FOR-05 refuses sparring before the anchoring meeting and supports an overall limit (Q9)', () => {
    const d = plan();
    d.sparringssessioner.unshift({ dato: '2026-03-05' });
    expect(paths('FOR-05', d)).toEqual(['/sparringssessioner/0/dato']);
    expect(paths('FOR-05', plan(), { maksIAlt: 2 })).toEqual(['/sparringssessioner']);
  });

  it('FOR-06 warns when the status call is missing or the municipality has not worked actively', () => {
    expect(rule('FOR-06').severity).toBe('warning');
    expect(paths('FOR-06', plan())).toEqual([]);
    const d = plan();
    delete d.opfoelgendeMoeder[0].statusSamtaleDato;
    d.opfoelgendeMoeder[1].kommunenHarArbejdetAktivt = false;
    expect(paths('FOR-06', d)).toEqual([
      '/opfoelgendeMoeder/0/statusSamtaleDato',
      '/opfoelgendeMoeder/1/kommunenHarArbejdetAktivt',
    ]);
  });

  it('rules tolerate empty and malformed data', () => {
    for (const r of forankringsplanRules) {
      expect(() => r.check(undefined, ctx())).not.toThrow();
      expect(() =>
        r.check({ opfoelgendeMoeder: [null, 3], sparringssessioner: 'x', forankringsmoede: [] }, ctx()),
      ).not.toThrow();
    }
    for (const d of forankringsplanDeadlines)
      expect(() => d.derive({ versioner: [{ dato: 'x' }] }, ctx())).not.toThrow();
  });
});

describe('forankringsplan deadlines', () => {
  it('FOR-02 wants the agenda with the coordinator a week before the anchoring meeting', () => {
    const [found] = deadline('FOR-02').derive(plan(), ctx());
    expect(found).toMatchObject({
      due: '2026-03-03',
      met: true,
      basis: { from: '2026-03-10', amount: -1, unit: 'uger' },
    });
    const d = plan();
    d.forankringsmoede.dagsordenSendtTilTovholderDato = '2026-03-04';
    expect(deadline('FOR-02').derive(d, ctx())[0]?.met).toBe(false);
  });

  it('FOR-07 reminds the coordinator and specialist of each version, and marks the end of the course', () => {
    const d = plan();
    d.versioner = [{ dato: '2026-03-10', anledning: 'Forankringsmøde', udsendtDato: '2026-03-12' }];
    const found = deadline('FOR-07').derive(d, ctx());
    expect(found.map((f) => [f.path, f.due, f.met])).toEqual([
      ['/versioner/0/udsendtDato', '2026-03-17', true],
      ['/versioner/0/lagtIViasDato', '2026-03-17', false],
      ['/forloebAfsluttetDato', '2026-09-10', false],
    ]);
  });
});
