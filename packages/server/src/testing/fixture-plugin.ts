import { isFilled, valueAt, type SkemaPlugin } from '@skema/core';

/**
 * A small plugin for the fixture forms: one error rule, one warning rule with an option, and one
 * deadline, so tests can see rule ids, tenant rule options and warnings without the real forms.
 */
export function fixturePlugin(): SkemaPlugin {
  return {
    name: '@skema/plugin-fixture',
    version: '1.0.0',
    rules: [
      {
        id: 'FIX-01',
        severity: 'error',
        appliesTo: ['fixture'],
        description: { da: 'Voksne skal have en bemærkning.', en: 'Adults need a remark.' },
        source: 'test fixture',
        message: { da: '«{label}» skal udfyldes for voksne.', en: '"{label}" is required for adults.' },
        check: (data) => {
          const age = valueAt(data, '/alder');
          return typeof age === 'number' && age >= 18 && !isFilled(valueAt(data, '/bemaerkning'))
            ? [{ path: '/bemaerkning' }]
            : [];
        },
      },
      {
        id: 'FIX-02',
        severity: 'warning',
        appliesTo: ['fixture'],
        description: { da: 'Navnet bør være langt nok.', en: 'The name should be long enough.' },
        source: 'test fixture',
        message: {
          da: '«{label}» bør have mindst {min} tegn.',
          en: '"{label}" should have at least {min} characters.',
        },
        options: {
          minLength: {
            description: { da: 'Mindste længde', en: 'Minimum length' },
            default: 3,
            schema: { type: 'integer', minimum: 1 },
          },
        },
        check: (data, ctx) => {
          const name = valueAt(data, '/navn');
          const min = Number(ctx.options.minLength ?? 3);
          return typeof name === 'string' && name.length < min ? [{ path: '/navn', params: { min } }] : [];
        },
      },
    ],
    deadlines: [
      {
        id: 'FIX-P1',
        appliesTo: ['fixture'],
        description: { da: 'Opfølgning 10 dage efter mødet.', en: 'Follow-up 10 days after the meeting.' },
        source: 'test fixture',
        judgedDate: { kind: 'field', pointer: '/moededato' },
        derive: (data) => {
          const date = valueAt(data, '/moededato');
          if (typeof date !== 'string') return [];
          const due = new Date(Date.parse(`${date}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
          return [
            {
              path: '/moededato',
              label: { da: 'Opfølgning', en: 'Follow-up' },
              due,
              basis: { from: date, amount: 10, unit: 'dage' },
            },
          ];
        },
      },
    ],
  };
}
