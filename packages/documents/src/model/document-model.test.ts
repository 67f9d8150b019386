import { describe, expect, it } from 'vitest';
import { fixtureForm, fixtureSubmission, fixtureValidation } from '../test-helpers.js';
import type { Block, Section } from './blocks.js';
import { buildDocumentModel } from './document-model.js';

const section = (sections: Section[], label: string): Section => {
  const s = sections.find((x) => x.label === label);
  if (!s) throw new Error(`no section ${label}`);
  return s;
};
const rows = (blocks: Block[]): Record<string, string> =>
  Object.fromEntries(blocks.flatMap((b) => (b.kind === 'fields' ? b.rows.map((r) => [r.label, r.value]) : [])));

describe('document model', () => {
  const model = buildDocumentModel({
    form: fixtureForm(),
    submission: fixtureSubmission,
    validation: fixtureValidation(),
    locale: 'da',
    options: { submittedBy: { name: 'Anne', role: 'psykolog' } },
  });

  it('has the UI schema groups as sections, in order, with their labels', () => {
    expect(model.sections.map((s) => s.label)).toEqual(['Barnet', 'Sagen', 'Økonomi og møder']);
  });

  it('leaves out empty fields and fields a UI rule hides, and labels enums and booleans', () => {
    const sag = rows(section(model.sections, 'Sagen').blocks);
    expect(sag).toEqual({ Type: 'Første type', Samtykke: 'Nej', Dato: '7. december 2026', Notat: 'Kort notat' });
    expect(section(model.sections, 'Sagen').blocks).toContainEqual({
      kind: 'list',
      label: 'Særlige forhold',
      items: ['Vold'],
    });
  });

  it('masks CPR numbers by default and in full only with showCpr', () => {
    expect(rows(section(model.sections, 'Barnet').blocks)['CPR-nummer']).toBe('010118-XXXX');
    expect(model.meta).toContainEqual({ label: 'CPR-nummer', value: '010118-XXXX' });
    const shown = buildDocumentModel({
      form: fixtureForm(),
      submission: fixtureSubmission,
      locale: 'da',
      options: { showCpr: true },
    });
    expect(shown.meta).toContainEqual({ label: 'CPR-nummer', value: '010118-9901' });
  });

  it('says who approved, from the recorded approvals: a signed-in person plainly, anything else «ikke verificeret», a rejection apart', () => {
    const approvals = [
      {
        actorId: 'oidc:demo-fagkonsulent',
        actorName: 'Frederik Fagkonsulent',
        subject: 'demo-fagkonsulent',
        kind: 'person' as const,
        role: 'fagkonsulent',
        at: '2026-06-02T10:00:00Z',
        decision: 'approved' as const,
        revision: 2,
      },
      { actorId: 'leder-key', role: 'leder', at: '2026-06-02T11:00:00Z', decision: 'approved' as const, revision: 3 },
      {
        actorId: 'oidc:demo-leder',
        actorName: 'Lene Leder',
        kind: 'person' as const,
        role: 'leder',
        at: '2026-06-02T12:00:00Z',
        decision: 'rejected' as const,
        revision: 4,
      },
    ];
    const meta = buildDocumentModel({
      form: fixtureForm(),
      submission: { ...fixtureSubmission, approvals },
      locale: 'da',
    }).meta;
    const approved = meta.find((m) => m.label === 'Godkendt af')!.value;
    expect(approved).toMatch(
      /^Frederik Fagkonsulent \(fagkonsulent\), .*2026.*; leder-key \(leder\), .* \(ikke verificeret\)$/,
    );
    expect(approved).not.toContain('Lene');
    expect(meta.find((m) => m.label === 'Afvist af')!.value).toMatch(/^Lene Leder \(leder\), /);
  });

  it('puts the person, receipt number, version, dates and who submitted in the title block', () => {
    expect(model.meta).toEqual([
      { label: 'Vedrører', value: 'Åse Ørsted' },
      { label: 'CPR-nummer', value: '010118-XXXX' },
      { label: 'Kvitteringsnummer', value: 'K-2026-000042' },
      { label: 'Skemaversion', value: 'fixture 1.2.0' },
      { label: 'Status', value: 'Indsendt' },
      { label: 'Oprettet', value: '1. juni 2026 kl. 12.15' },
      { label: 'Indsendt af', value: 'Anne (psykolog)' },
    ]);
  });

  it('shows an array of short objects as a table with totals of its numeric columns', () => {
    const table = section(model.sections, 'Økonomi og møder').blocks[0];
    expect(table).toEqual({
      kind: 'table',
      label: 'Budget',
      columns: [
        { label: 'Aktivitet', numeric: false },
        { label: 'Timer', numeric: true },
        { label: 'Beløb', numeric: true },
      ],
      rows: [
        ['Rådgivning', '10', '12.500,5'],
        ['Supervision', '2,5', '3.000'],
      ],
      totals: [undefined, '12,5', '15.500,5'],
      totalLabel: 'I alt',
    });
  });

  it('shows items with long texts one by one instead of as a table', () => {
    const moeder = section(model.sections, 'Økonomi og møder').blocks[1];
    expect(moeder?.kind).toBe('group');
    if (moeder?.kind !== 'group') return;
    expect(moeder.blocks.map((b) => b.kind === 'group' && b.label)).toEqual(['Møder 1.']);
  });

  it('lists rule warnings with the field label and derived deadlines', () => {
    expect(model.checks?.blocks[0]).toEqual({
      kind: 'list',
      label: 'Advarsler',
      items: ['Notat: Notatet er kort (FIX-01)'],
    });
    expect(model.checks?.blocks[1]).toMatchObject({
      kind: 'table',
      rows: [['Opfølgning (FIX-02)', '21. december 2026', 'afventer']],
    });
  });

  it('shows a field a SHOW rule reveals', () => {
    const b = buildDocumentModel({
      form: fixtureForm(),
      submission: { ...fixtureSubmission, data: { type: 'b', kunVedB: 'synlig' } },
      locale: 'da',
    });
    expect(rows(section(b.sections, 'Sagen').blocks)).toEqual({ Type: 'Anden type', 'Kun ved B': 'synlig' });
  });
});
