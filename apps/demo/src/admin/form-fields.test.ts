import { describe, expect, it } from 'vitest';
import { formOutline, outlineFields, textKey } from './form-fields.js';

const form = {
  schema: {
    type: 'object',
    required: ['type'],
    properties: {
      type: { type: 'string', enum: ['A', 'B'] },
      barn: { type: 'object', required: ['navn'], properties: { navn: { type: 'string' }, cpr: { type: 'string' } } },
      soeskende: { type: 'array', items: { type: 'object', properties: { navn: { type: 'string' } } } },
    },
  },
  uischema: {
    type: 'VerticalLayout',
    elements: [
      {
        type: 'Group',
        i18n: 'sections.type',
        elements: [{ type: 'HorizontalLayout', elements: [{ type: 'Control', scope: '#/properties/type' }] }],
      },
      {
        type: 'Group',
        i18n: 'sections.emne',
        elements: [
          {
            type: 'Group',
            i18n: 'barn',
            elements: [
              { type: 'Control', scope: '#/properties/barn/properties/navn' },
              { type: 'Control', scope: '#/properties/barn/properties/cpr' },
            ],
          },
          {
            type: 'Control',
            scope: '#/properties/soeskende',
            options: {
              detail: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/navn' }] },
            },
          },
        ],
      },
    ],
  },
  i18n: {
    da: {
      'sections.type.label': 'Type',
      'sections.emne.label': 'Emne',
      'barn.label': 'Barnet',
      'type.label': 'Type',
      'type.A': 'Slags A',
      'barn.navn.label': 'Barnets navn',
      'soeskende.label': 'Søskende',
      'soeskende.navn.label': 'Navn',
    },
  },
};

describe('formOutline', () => {
  it('lists the fields in the form’s sections (an object’s section as a field too), with what the national form requires and the options it names', () => {
    const outline = formOutline(form);
    expect(outline.items.map((g) => 'label' in g && g.label)).toEqual(['Type', 'Emne']);
    expect((outline.items[1] as { items: Array<{ label: string }> }).items[0]!.label).toBe('Barnet');
    expect(outlineFields(outline)).toEqual([
      { pointer: '/type', key: 'type', hasText: true, label: 'Type', requiredInBase: true, options: ['A'] },
      // The section of one object's fields can be hidden as a whole.
      {
        pointer: '/barn',
        key: 'barn',
        hasText: true,
        label: 'Barnet',
        requiredInBase: false,
        options: [],
        section: true,
      },
      {
        pointer: '/barn/navn',
        key: 'barn.navn',
        hasText: true,
        label: 'Barnets navn',
        requiredInBase: true,
        options: [],
      },
      { pointer: '/barn/cpr', key: 'barn.cpr', hasText: false, label: 'cpr', requiredInBase: false, options: [] },
      { pointer: '/soeskende', key: 'soeskende', hasText: true, label: 'Søskende', requiredInBase: false, options: [] },
      {
        pointer: '/soeskende/*/navn',
        key: 'soeskende.navn',
        hasText: true,
        label: 'Navn',
        requiredInBase: false,
        options: [],
      },
    ]);
  });

  it('textKey drops the list step', () => {
    expect(textKey('/soeskende/*/navn')).toBe('soeskende.navn');
  });
});
