import { describe, expect, it } from 'vitest';
import { describeChanges, type SummaryContext } from './change-summary.js';
import type { FieldInfo } from './form-fields.js';

const field = (pointer: string, key: string, label: string, options: string[] = []): FieldInfo => ({
  pointer,
  key,
  label,
  hasText: true,
  requiredInBase: false,
  options,
});
const ctx: SummaryContext = {
  tenantId: 'nordby',
  title: 'Aftaleskema',
  fields: [
    field('/barn/navn', 'barn.navn', 'Barnets navn'),
    field('/moede/form', 'moede.form', 'Mødeform', ['Samarbejdsmøde']),
    field('/note', 'note', 'Note'),
  ],
  nationalTexts: {
    'barn.navn.label': 'Barnets navn',
    'moede.form.label': 'Mødeform',
    'moede.form.Samarbejdsmøde': 'Samarbejdsmøde',
    'note.label': 'Note',
  },
};

describe('describeChanges', () => {
  it('says in plain Danish what changes against the overlay in effect, in the form’s order', () => {
    const effective = {
      tenantId: 'nordby',
      formId: 'f',
      version: '1.0.0',
      hide: ['/note'],
      texts: { da: { 'barn.navn.label': 'Navn på barnet' } },
    };
    const draft = {
      ...effective,
      title: { da: 'Aftaleskema (Nordby)' },
      hide: [],
      require: ['/moede/form', '/barn/navn'],
      texts: {
        da: {
          'barn.navn.label': 'Barnets fulde navn',
          'moede.form.Samarbejdsmøde': 'Samarbejde',
          'note.description': 'Kort.',
          'x-nordby.sted.label': 'Sted',
        },
        en: { 'x-nordby.sted.label': 'Sted' },
      },
      fields: { properties: { sted: { type: 'string' } }, required: ['sted'] },
    };
    expect(describeChanges(effective, draft, ctx)).toEqual([
      'Overskriften ændres fra «Aftaleskema» til «Aftaleskema (Nordby)».',
      'Feltet «Note» bliver vist igen.',
      'Feltet «Barnets fulde navn» skal nu udfyldes.',
      'Feltet «Mødeform» skal nu udfyldes.',
      'Feltet «Navn på barnet» hedder nu «Barnets fulde navn».',
      'Svarmuligheden «Samarbejdsmøde» i «Mødeform» hedder nu «Samarbejde».',
      'Hjælpeteksten til «Note» bliver: «Kort.».',
      'Nyt felt: «Sted», som skal udfyldes.',
    ]);
  });

  it('is empty when the draft is what is in effect, and names changes it cannot describe as advanced', () => {
    const effective = {
      tenantId: 'nordby',
      formId: 'f',
      version: '1.0.0',
      hide: ['/note'],
      constraints: { '/note': { maxLength: 10 } },
    };
    expect(describeChanges(effective, structuredClone(effective), ctx)).toEqual([]);
    expect(
      describeChanges(undefined, { tenantId: 'nordby', formId: 'f', version: '1.0.0', texts: { da: {}, en: {} } }, ctx),
    ).toEqual([]);
    expect(describeChanges(effective, { ...effective, hide: ['/note', '/barn/navn'], constraints: {} }, ctx)).toEqual([
      'Feltet «Barnets navn» bliver skjult.',
      'Andre indstillinger ændres (se den avancerede visning).',
    ]);
  });
});
