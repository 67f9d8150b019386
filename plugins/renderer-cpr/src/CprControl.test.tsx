// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { FormVersion } from '@skema/core';
import dk from '@skema/plugin-dk';
import { SkemaForm } from '@skema/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import cprRenderers, { cprTester } from './index.js';
import { formatCprInput } from './cpr-input.js';

afterEach(cleanup);

const schema = { type: 'object', properties: { cpr: { type: 'string', format: 'cpr' }, navn: { type: 'string' } } };
const form: FormVersion = {
  manifest: {
    id: 'cpr-test',
    version: '1.0.0',
    title: { da: 'CPR', en: 'CPR' },
    status: 'published',
    plugins: [{ name: '@skema/plugin-dk', version: '^1.0.0' }],
    changelog: '',
  },
  schema,
  uischema: {
    type: 'VerticalLayout',
    elements: [
      { type: 'Control', scope: '#/properties/cpr' },
      { type: 'Control', scope: '#/properties/navn' },
    ],
  },
  i18n: {
    da: { 'cpr.label': 'CPR-nummer', 'navn.label': 'Navn' },
    en: { 'cpr.label': 'CPR number', 'navn.label': 'Name' },
  },
  hash: 'sha256-cpr-test',
};
const plugins = [dk()];
const ctx = { rootSchema: schema, config: {} };

describe('CPR renderer', () => {
  it('ranks 10 for format cpr, 11 for an explicit options.renderer cpr, and not for other strings', () => {
    expect(cprTester({ type: 'Control', scope: '#/properties/cpr' } as never, schema as never, ctx as never)).toBe(10);
    expect(
      cprTester(
        { type: 'Control', scope: '#/properties/navn', options: { renderer: 'cpr' } } as never,
        schema as never,
        ctx as never,
      ),
    ).toBe(11);
    expect(cprTester({ type: 'Control', scope: '#/properties/navn' } as never, schema as never, ctx as never)).toBe(-1);
  });

  it('formats typed digits as DDMMÅÅ-XXXX', () => {
    expect(formatCprInput('0101171234')).toBe('010117-1234');
    expect(formatCprInput('010117')).toBe('010117');
    expect(formatCprInput('01 01 17-12a34 99')).toBe('010117-1234');
  });

  it('renders a labelled input, formats while typing and shows the age on the reference date; logs nothing', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((m) => vi.spyOn(console, m));
    const onChange = vi.fn();
    render(
      <SkemaForm
        form={form}
        plugins={plugins}
        renderers={cprRenderers}
        today="2026-06-01"
        actions={false}
        validationDelay={0}
        onChange={onChange}
      />,
    );
    const input = screen.getByLabelText<HTMLInputElement>('CPR-nummer');
    expect(input.id).toBe('skema-field__cpr');
    expect(input.getAttribute('inputmode')).toBe('numeric');
    fireEvent.change(input, { target: { value: '0101171234' } });
    expect(input.value).toBe('010117-1234');
    // Born 1 January 2017 (7th digit 1: 1900s would be 1917; digit 1 → 1900–1999), so 109 on 2026-06-01.
    expect(screen.getByText('Alder i dag: 109 år')).toBeTruthy();
    expect(input.getAttribute('aria-describedby')).toContain('skema-field__cpr-hint');
    fireEvent.change(input, { target: { value: '0101174234' } });
    // 7th digit 4 with YY ≤ 36: born 2017, so 9 years old.
    expect(screen.getByText('Alder i dag: 9 år')).toBeTruthy();
    // Typing stays in the input; leaving the field puts the formatted number in the form's data.
    fireEvent.blur(input);
    await new Promise((r) => setTimeout(r, 30));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ data: { cpr: '010117-4234' } }));
    for (const spy of spies) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });
});
