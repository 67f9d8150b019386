// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { FormVersion } from '@skema/core';
import dk from '@skema/plugin-dk';
import { SkemaForm } from '@skema/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import dkkRenderers, { dkkTester, formatAmountInput } from './index.js';

afterEach(cleanup);

const schema = {
  type: 'object',
  properties: {
    beloeb: { type: 'number', minimum: 0, title: 'Beløb (kr.)' },
    transport: { type: 'number', title: 'Transportomkostninger (kr.)' },
    timer: { type: 'number', title: 'Timer' },
  },
};
const form: FormVersion = {
  manifest: {
    id: 'dkk-test',
    version: '1.0.0',
    title: { da: 'Beløb', en: 'Amount' },
    status: 'published',
    plugins: [{ name: '@skema/plugin-dk', version: '^1.0.0' }],
    changelog: '',
  },
  schema,
  uischema: {
    type: 'VerticalLayout',
    elements: [
      { type: 'Control', scope: '#/properties/beloeb' },
      { type: 'Control', scope: '#/properties/timer' },
    ],
  },
  i18n: {
    da: { 'beloeb.label': 'Beløb', 'timer.label': 'Timer' },
    en: { 'beloeb.label': 'Amount', 'timer.label': 'Hours' },
  },
  hash: 'sha256-dkk-test',
};
const plugins = [dk()];
const ctx = { rootSchema: schema, config: {} };
const control = (name: string, options?: object) =>
  ({ type: 'Control', scope: `#/properties/${name}`, ...(options ? { options } : {}) }) as never;

describe('DKK renderer', () => {
  it('ranks 10 for kroner fields, 11 when the UI schema names it, and -1 for other numbers', () => {
    expect(dkkTester(control('beloeb'), schema as never, ctx as never)).toBe(10);
    expect(dkkTester(control('transport'), schema as never, ctx as never)).toBe(10);
    expect(dkkTester(control('timer'), schema as never, ctx as never)).toBe(-1);
    expect(dkkTester(control('timer', { renderer: 'dkk' }), schema as never, ctx as never)).toBe(11);
  });

  it('formats amounts the Danish and the English way', () => {
    expect(formatAmountInput(1234.5, 'da')).toBe('1.234,50');
    expect(formatAmountInput(1234.5, 'en')).toBe('1,234.50');
    expect(formatAmountInput(undefined, 'da')).toBe('');
  });

  it('reads a Danish amount into a number and shows it grouped after leaving the field', () => {
    const onChange = vi.fn();
    render(
      <SkemaForm
        form={form}
        plugins={plugins}
        renderers={dkkRenderers}
        validationDelay={0}
        onChange={onChange}
        actions={false}
      />,
    );
    const input = screen.getByLabelText<HTMLInputElement>('Beløb', { selector: 'input' });
    expect(input.getAttribute('inputmode')).toBe('decimal');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '12345,5' } });
    fireEvent.blur(input);
    expect(input.value).toBe('12.345,50');
    // Other number fields read the same Danish text through the same reader.
    expect(screen.getByLabelText<HTMLInputElement>('Timer').type).toBe('text');
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ data: { beloeb: 12345.5 } }));
        resolve();
      }, 50),
    );
  });
});

describe('DKK renderer input', () => {
  const setup = () => {
    const onChange = vi.fn();
    render(
      <SkemaForm
        form={form}
        plugins={plugins}
        renderers={dkkRenderers}
        validationDelay={0}
        onChange={onChange}
        actions={false}
      />,
    );
    const input = screen.getByLabelText<HTMLInputElement>('Beløb', { selector: 'input' });
    const type = (text: string) => {
      fireEvent.focus(input);
      fireEvent.change(input, { target: { value: text } });
      fireEvent.blur(input);
    };
    return { input, type, onChange };
  };

  it('reads «1250.5» and «kr. 1.250,50» as the same amount the one number reader gives', async () => {
    const { input, type, onChange } = setup();
    type('1250.5');
    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ data: { beloeb: 1250.5 } })),
    );
    expect(input.value).toBe('1.250,50');
    type('kr. 1.250,50');
    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ data: { beloeb: 1250.5 } })),
    );
  });

  it('keeps text that is not an amount and reports it at the field', async () => {
    const { input, type, onChange } = setup();
    type('12,345');
    await waitFor(() =>
      expect(document.getElementById('skema-field__beloeb-error')?.textContent).toContain('«Beløb» skal være et tal'),
    );
    expect(input.value).toBe('12,345');
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ data: { beloeb: '12,345' } }));
  });
});
