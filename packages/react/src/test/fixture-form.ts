import type { FormVersion, SkemaPlugin } from '@skema/core';
import dk from '@skema/plugin-dk';

/** A small form with the shapes the real forms use: groups, CPR, dates, enums, arrays, a SHOW rule. */
export const fixtureForm: FormVersion = {
  manifest: {
    id: 'fixture',
    version: '1.0.0',
    title: { da: 'Testformular', en: 'Test form' },
    status: 'published',
    plugins: [
      { name: '@skema/plugin-dk', version: '^1.0.0' },
      { name: 'fixture-rules', version: '^1.0.0' },
    ],
    changelog: 'Test',
  },
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://skema.dk/schemas/fixture/1.0.0/schema.json',
    type: 'object',
    additionalProperties: false,
    required: ['barn', 'type'],
    properties: {
      barn: {
        type: 'object',
        additionalProperties: false,
        required: ['navn'],
        properties: {
          navn: { type: 'string', minLength: 1, title: 'Navn' },
          cpr: { type: 'string', format: 'cpr' },
        },
      },
      type: { type: 'string', enum: ['Underretning til kommunen', 'Bekymringsskrivelse'] },
      beskrivelse: { type: 'string' },
      orienteret: { type: 'boolean' },
      begrundelse: { type: 'string' },
      dato: { type: 'string', format: 'date' },
      deltagere: { type: 'array', default: [{}], items: { $ref: '#/$defs/person' } },
    },
    $defs: {
      person: {
        type: 'object',
        additionalProperties: false,
        properties: { navn: { type: 'string' }, rolle: { type: 'string' } },
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
      { type: 'Control', scope: '#/properties/type' },
      { type: 'Control', scope: '#/properties/beskrivelse', options: { multi: true } },
      { type: 'Control', scope: '#/properties/orienteret' },
      {
        type: 'Control',
        scope: '#/properties/begrundelse',
        rule: { effect: 'SHOW', condition: { scope: '#/properties/orienteret', schema: { const: false } } },
      },
      { type: 'Control', scope: '#/properties/dato' },
      { type: 'Control', scope: '#/properties/deltagere' },
    ],
  },
  i18n: {
    da: {
      'sections.barn.label': 'Barnet',
      'barn.label': 'Barnet',
      'barn.navn.label': 'Barnets navn',
      'barn.cpr.label': 'CPR-nummer',
      'type.label': 'Type',
      'type.Underretning til kommunen': 'Underretning til kommunen',
      'type.Bekymringsskrivelse': 'Bekymringsskrivelse',
      'beskrivelse.label': 'Beskrivelse',
      'beskrivelse.description': 'Beskriv det, du har set.',
      'orienteret.label': 'Er forældrene orienteret?',
      'begrundelse.label': 'Begrundelse',
      'dato.label': 'Dato',
      'deltagere.label': 'Deltagere',
      'deltagere.item.label': 'Deltager',
      'deltagere.navn.label': 'Navn',
      'deltagere.rolle.label': 'Rolle',
    },
    en: {
      'sections.barn.label': 'The child',
      'barn.label': 'The child',
      'barn.navn.label': 'Name of the child',
      'barn.cpr.label': 'CPR number',
      'type.label': 'Type',
      'type.Underretning til kommunen': 'Notification to the municipality',
      'type.Bekymringsskrivelse': 'Letter of concern',
      'beskrivelse.label': 'Description',
      'beskrivelse.description': 'Describe what you saw.',
      'orienteret.label': 'Have the parents been informed?',
      'begrundelse.label': 'Reason',
      'dato.label': 'Date',
      'deltagere.label': 'Participants',
      'deltagere.item.label': 'Participant',
      'deltagere.navn.label': 'Name',
      'deltagere.rolle.label': 'Role',
    },
  },
  hash: 'sha256-fixture-1',
};

/** FIX-01: a rule of the kind the real plugins have (required content with the rule id as code). */
export const fixtureRules: SkemaPlugin = {
  name: 'fixture-rules',
  version: '1.0.0',
  rules: [
    {
      id: 'FIX-01',
      severity: 'error',
      appliesTo: ['fixture'],
      description: { da: 'Beskrivelse er påkrævet', en: 'Description is required' },
      source: 'test',
      message: { da: '«{label}» skal udfyldes (FIX-01).', en: '"{label}" is required (FIX-01).' },
      check: (data) => {
        const d = data as { beskrivelse?: string };
        return d.beskrivelse ? [] : [{ path: '/beskrivelse' }];
      },
    },
    {
      id: 'FIX-02',
      severity: 'warning',
      appliesTo: ['fixture'],
      description: { da: 'Dato bør udfyldes', en: 'Date should be filled in' },
      source: 'test',
      message: { da: '«{label}» bør udfyldes.', en: '"{label}" should be filled in.' },
      check: (data) => ((data as { dato?: string }).dato ? [] : [{ path: '/dato' }]),
    },
  ],
  deadlines: [
    {
      id: 'FIX-P1',
      appliesTo: ['fixture'],
      description: { da: 'Frist', en: 'Deadline' },
      source: 'test',
      derive: (data, ctx) => {
        const dato = (data as { dato?: string }).dato;
        if (!dato) return [];
        return [
          {
            path: '/dato',
            label: { da: 'Svarfrist', en: 'Reply deadline' },
            due: ctx.calendar.addWorkingDays(dato, 5),
            basis: { from: dato, amount: 5, unit: 'arbejdsdage' },
          },
        ];
      },
    },
  ],
};

/** Stable plugin list: the component builds one engine per array. */
export const fixturePlugins: readonly SkemaPlugin[] = [dk(), fixtureRules];
