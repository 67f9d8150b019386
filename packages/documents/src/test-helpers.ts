import type { FormVersion, ValidationResult } from '@skema/core';

/** A small form with what the document must handle: groups, a rule, enums, booleans, dates, CPR, a budget table, long items. */
export function fixtureForm(title = 'Børn & unge'): FormVersion {
  return {
    manifest: {
      id: 'fixture',
      version: '1.2.0',
      title: { da: title, en: 'Children & youth' },
      status: 'published',
      plugins: [{ name: '@skema/plugin-dk', version: '^1.0.0' }],
      changelog: 'x',
    },
    hash: 'sha256-form',
    schema: {
      type: 'object',
      properties: {
        barn: { type: 'object', properties: { navn: { type: 'string' }, cpr: { type: 'string', format: 'cpr' } } },
        type: { type: 'string', enum: ['a', 'b'] },
        kunVedB: { type: 'string' },
        tom: { type: 'string' },
        samtykke: { type: 'boolean' },
        dato: { type: 'string', format: 'date' },
        notat: { type: 'string' },
        forhold: { type: 'array', items: { type: 'string', enum: ['vold', 'andet'] } },
        budget: {
          type: 'array',
          items: {
            type: 'object',
            properties: { aktivitet: { type: 'string' }, timer: { type: 'number' }, beloeb: { type: 'number' } },
          },
        },
        moeder: { type: 'array', items: { $ref: '#/$defs/moede' } },
      },
      $defs: {
        moede: {
          type: 'object',
          properties: { dato: { type: 'string', format: 'date' }, referat: { type: 'string' } },
        },
      },
    },
    uischema: {
      type: 'VerticalLayout',
      elements: [
        {
          type: 'Group',
          i18n: 'sections.barn',
          elements: [
            { type: 'Control', scope: '#/properties/barn/properties/navn' },
            { type: 'Control', scope: '#/properties/barn/properties/cpr' },
          ],
        },
        {
          type: 'Group',
          i18n: 'sections.sag',
          elements: [
            { type: 'Control', scope: '#/properties/type' },
            {
              type: 'Control',
              scope: '#/properties/kunVedB',
              rule: { effect: 'SHOW', condition: { scope: '#/properties/type', schema: { const: 'b' } } },
            },
            { type: 'Control', scope: '#/properties/tom' },
            { type: 'Control', scope: '#/properties/samtykke' },
            { type: 'Control', scope: '#/properties/dato' },
            { type: 'Control', scope: '#/properties/notat' },
            { type: 'Control', scope: '#/properties/forhold' },
          ],
        },
        {
          type: 'Group',
          i18n: 'sections.oekonomi',
          elements: [
            { type: 'Control', scope: '#/properties/budget' },
            { type: 'Control', scope: '#/properties/moeder' },
          ],
        },
      ],
    },
    i18n: {
      da: {
        'sections.barn.label': 'Barnet',
        'sections.sag.label': 'Sagen',
        'sections.oekonomi.label': 'Økonomi og møder',
        'barn.navn.label': 'Barnets navn',
        'barn.cpr.label': 'CPR-nummer',
        'type.label': 'Type',
        'type.a': 'Første type',
        'type.b': 'Anden type',
        'kunVedB.label': 'Kun ved B',
        'tom.label': 'Tomt felt',
        'samtykke.label': 'Samtykke',
        'dato.label': 'Dato',
        'notat.label': 'Notat',
        'forhold.label': 'Særlige forhold',
        'forhold.vold': 'Vold',
        'forhold.andet': 'Andet',
        'budget.label': 'Budget',
        'budget.aktivitet.label': 'Aktivitet',
        'budget.timer.label': 'Timer',
        'budget.beloeb.label': 'Beløb',
        'moeder.label': 'Møder',
        'moeder.dato.label': 'Mødedato',
        'moeder.referat.label': 'Referat',
      },
      en: {},
    },
  };
}

export const fixtureData = {
  barn: { navn: 'Åse Ørsted', cpr: '010118-9901' },
  type: 'a',
  kunVedB: 'skjult værdi',
  tom: '  ',
  samtykke: false,
  dato: '2026-12-07',
  notat: 'Kort notat',
  forhold: ['vold'],
  budget: [
    { aktivitet: 'Rådgivning', timer: 10, beloeb: 12500.5 },
    { aktivitet: 'Supervision', timer: 2.5, beloeb: 3000 },
  ],
  moeder: [
    {
      dato: '2026-05-01',
      referat:
        'Et referat, der er langt nok til at blive vist som en tekst for sig selv og ikke som en celle i en tabel, fordi det fylder mere end en linje.',
    },
  ],
};

export function fixtureValidation(): ValidationResult {
  return {
    valid: true,
    errors: [],
    warnings: [
      {
        path: '/notat',
        code: 'FIX-01',
        severity: 'warning',
        message: 'Notatet er kort',
        messages: { da: 'Notatet er kort', en: 'The note is short' },
      },
    ],
    derived: {
      deadlines: [
        {
          ruleId: 'FIX-02',
          path: '/dato',
          label: { da: 'Opfølgning', en: 'Follow-up' },
          due: '2026-12-21',
          basis: { from: '/dato', amount: 10, unit: 'arbejdsdage' },
          status: 'pending',
        },
      ],
    },
    receipt: {
      formId: 'fixture',
      version: '1.2.0',
      schemaHash: 'sha256-form',
      plugins: [{ name: '@skema/plugin-dk', version: '1.0.0' }],
      validatedAt: '2026-06-01T10:00:00.000Z',
    },
  };
}

export const fixtureSubmission = {
  id: 'K-2026-000042',
  data: fixtureData,
  status: 'submitted' as const,
  createdAt: '2026-06-01T10:15:00Z',
  updatedAt: '2026-06-02T08:00:00Z',
};
