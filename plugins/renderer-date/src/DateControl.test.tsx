// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { FormVersion, SkemaPlugin } from '@skema/core';
import dk from '@skema/plugin-dk';
import { SkemaForm } from '@skema/react';
import { afterEach, describe, expect, it } from 'vitest';
import dateRenderers, { dateTester } from './index.js';

afterEach(cleanup);

const schema = {
  type: 'object',
  properties: { modtaget: { type: 'string', format: 'date' }, note: { type: 'string' } },
};
const form: FormVersion = {
  manifest: {
    id: 'date-test',
    version: '1.0.0',
    title: { da: 'Dato', en: 'Date' },
    status: 'published',
    plugins: [
      { name: '@skema/plugin-dk', version: '^1.0.0' },
      { name: 'deadline-test', version: '^1.0.0' },
    ],
    changelog: '',
  },
  schema,
  uischema: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/modtaget' }] },
  i18n: { da: { 'modtaget.label': 'Modtaget' }, en: { 'modtaget.label': 'Received' } },
  hash: 'sha256-date-test',
};
// A process rule like the real ones: 5 working days from the date, on the Danish calendar.
const deadlinePlugin: SkemaPlugin = {
  name: 'deadline-test',
  version: '1.0.0',
  deadlines: [
    {
      id: 'TST-P1',
      appliesTo: ['date-test'],
      description: { da: 'Frist', en: 'Deadline' },
      source: 'test',
      derive: (data, ctx) => {
        const from = (data as { modtaget?: string }).modtaget;
        return from
          ? [
              {
                path: '/modtaget',
                label: { da: 'Svarfrist', en: 'Reply due' },
                due: ctx.calendar.addWorkingDays(from, 5),
                basis: { from, amount: 5, unit: 'arbejdsdage' },
              },
            ]
          : [];
      },
    },
  ],
};
const plugins = [dk(), deadlinePlugin];
const ctx = { rootSchema: schema, config: {} };

describe('date renderer', () => {
  it('ranks 10 for format date, not for other strings', () => {
    expect(
      dateTester({ type: 'Control', scope: '#/properties/modtaget' } as never, schema as never, ctx as never),
    ).toBe(10);
    expect(dateTester({ type: 'Control', scope: '#/properties/note' } as never, schema as never, ctx as never)).toBe(
      -1,
    );
  });

  it('shows the derived working-day deadline of the field, skipping Danish holidays', async () => {
    render(
      <SkemaForm
        form={form}
        plugins={plugins}
        renderers={dateRenderers}
        today="2026-05-11"
        validationDelay={10}
        actions={false}
      />,
    );
    const input = screen.getByLabelText<HTMLInputElement>('Modtaget');
    expect(input.type).toBe('date');
    // Wednesday 13 May 2026; Kristi himmelfartsdag is Thursday 14 May, so 5 working days end Thursday 21 May.
    fireEvent.change(input, { target: { value: '2026-05-13' } });
    const hint = await screen.findByText(/Svarfrist/);
    expect(hint.textContent).toBe('Svarfrist: 21. maj 2026 (5 arbejdsdage fra 13. maj 2026) – 7 arbejdsdage tilbage.');
    await waitFor(() => expect(input.getAttribute('aria-describedby')).toContain('skema-field__modtaget-hint'));
  });
});
