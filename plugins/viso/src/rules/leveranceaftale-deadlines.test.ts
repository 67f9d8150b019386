import { describe, expect, it } from 'vitest';
import { createRuleContext, type DeadlineDefinition } from '@skema/core';
import { createDanishCalendar } from '@skema/plugin-dk';
import { leveranceaftaleDeadlines } from './leveranceaftale.js';
import { endOfMonth } from './leveranceaftale-deadlines.js';

const def = (id: string): DeadlineDefinition => {
  const found = leveranceaftaleDeadlines.find((d) => d.id === id);
  if (!found) throw new Error(`no deadline ${id}`);
  return found;
};

const danish = createDanishCalendar();
const derive = (id: string, data: unknown, options: Record<string, unknown> = {}) =>
  def(id).derive(
    data,
    createRuleContext({ today: '2026-06-01', formId: 'leveranceaftale', options, calendar: danish }),
  );

describe('leveranceaftale deadlines', () => {
  it('LEV-xx catalogue: the P rules of spec §3.4 are deadline definitions', () => {
    expect(leveranceaftaleDeadlines.map((d) => d.id)).toEqual(['LEV-01', 'LEV-15', 'LEV-18', 'LEV-19']);
    for (const d of leveranceaftaleDeadlines)
      expect(() => d.derive({ aktiviteter: [{ dato: 5 }], visitation: 'x' }, createRuleContext())).not.toThrow();
  });

  it('LEV-01 puts the proposal 5 calendar days after the opsamlingsnotat and marks it met when sent in time', () => {
    const [late] = derive('LEV-01', { tidsplan: { opsamlingsnotatUdsendt: '2026-02-11', forslagSendt: '2026-02-17' } });
    expect(late).toMatchObject({
      path: '/tidsplan/forslagSendt',
      due: '2026-02-16',
      basis: { from: '2026-02-11', amount: 5, unit: 'dage' },
      met: false,
    });
    const [onTime] = derive('LEV-01', {
      tidsplan: { opsamlingsnotatUdsendt: '2026-02-11', forslagSendt: '2026-02-16' },
    });
    expect(onTime?.met).toBe(true);
    expect(derive('LEV-01', { tidsplan: {} })).toEqual([]);
    expect(derive('LEV-01', { tidsplan: { opsamlingsnotatUdsendt: '2026-02-11' } }, { days: 3 })[0]?.due).toBe(
      '2026-02-14',
    );
  });

  it('LEV-15 asks for hours logged by the end of the activity month, once the agreement is approved', () => {
    const data = {
      status: 'Godkendt',
      aktiviteter: [
        { kategori: 'visitation', dato: '2026-02-05', loggetDato: '2026-02-27' },
        { kategori: 'specialrådgivning', dato: '2026-03-24', loggetDato: '2026-04-02' },
        { kategori: 'afslutning', dato: '2026-09-24' },
      ],
    };
    const found = derive('LEV-15', data);
    expect(found.map((d) => [d.path, d.due, d.met])).toEqual([
      ['/aktiviteter/0/loggetDato', '2026-02-28', true],
      ['/aktiviteter/1/loggetDato', '2026-03-31', false],
      ['/aktiviteter/2/loggetDato', '2026-09-30', false],
    ]);
    expect(derive('LEV-15', { ...data, status: 'Til godkendelse' })).toEqual([]);
    expect(derive('LEV-15', { ...data, status: 'Afbrudt', afbrydelse: { dato: '2026-05-01' } })).toHaveLength(2);
  });

  it('LEV-15 computes month ends across leap years and December', () => {
    expect(endOfMonth('2028-02-10')).toBe('2028-02-29');
    expect(endOfMonth('2026-12-31')).toBe('2026-12-31');
  });

  it('LEV-18 reminds that the supplier choice is justified when the visitation is sent', () => {
    const [open] = derive('LEV-18', { visitation: { modtagetDato: '2026-01-12' } });
    expect(open).toMatchObject({ path: '/leverandoerValgBegrundelse', due: '2026-01-12', met: false });
    const [done] = derive('LEV-18', {
      visitation: { modtagetDato: '2026-01-12' },
      leverandoerValgBegrundelse: 'Bedst kvalificeret.',
    });
    expect(done?.met).toBe(true);
    expect(derive('LEV-18', {})).toEqual([]);
  });

  it('LEV-19 counts 5 Danish working days for the answer (Easter 2026) and the contact, and 30 days for the meeting', () => {
    const data = {
      visitation: {
        modtagetDato: '2026-03-30',
        svar: 'ja tak',
        svarDato: '2026-04-09',
        henvenderKontaktetDato: '2026-04-17',
        tilbudtDatoAfklarendeMoede: '2026-05-11',
      },
    };
    const found = derive('LEV-19', data);
    expect(found.map((d) => [d.path, d.due, d.basis.unit, d.met])).toEqual([
      ['/visitation/svarDato', '2026-04-09', 'arbejdsdage', true],
      ['/visitation/henvenderKontaktetDato', '2026-04-16', 'arbejdsdage', false],
      ['/visitation/tilbudtDatoAfklarendeMoede', '2026-05-09', 'dage', false],
    ]);
    // Without the Danish holidays the answer would have been due on Easter Monday.
    const weekendOnly = def('LEV-19').derive(data, createRuleContext({ today: '2026-06-01' }));
    expect(weekendOnly[0]?.due).toBe('2026-04-06');
  });

  it('LEV-19 gives only the answer deadline for a nej tak, and accepts an afklarende møde held in time', () => {
    expect(
      derive('LEV-19', { visitation: { modtagetDato: '2026-03-02', svar: 'nej tak', svarDato: '2026-03-03' } }),
    ).toHaveLength(1);
    const held = derive('LEV-19', {
      visitation: { svar: 'ja tak', svarDato: '2026-03-02' },
      tidsplan: { datoAfklarendeMoede: '2026-03-20' },
    });
    expect(held.map((d) => d.met)).toEqual([false, true]);
  });
});
