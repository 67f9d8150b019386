// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
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
  manifest: { id: 'dkk-test', version: '1.0.0', title: { da: 'Beløb', en: 'Amount' }, status: 'published', plugins: [{ name: '@skema/plugin-dk', version: '^1.0.0' }], changelog: '' },
  schema,
  uischema: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/beloeb' }, { type: 'Control', scope: '#/properties/timer' }] },
  i18n: { da: { 'beloeb.label': 'Beløb', 'timer.label': 'Timer' }, en: { 'beloeb.label': 'Amount', 'timer.label': 'Hours' } },
  hash: 'sha256-dkk-test',
};
const plugins = [dk()];
const ctx = { rootSchema: schema, config: {} };
const control = (name: string, options?: object) => ({ type: 'Control', scope: `#/properties/${name}`, ...(options ? { options } : {}) }) as never;

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
    render(<SkemaForm form={form} plugins={plugins} renderers={dkkRenderers} validationDelay={0} onChange={onChange} actions={false} />);
    const input = screen.getByLabelText('Beløb', { selector: 'input' }) as HTMLInputElement;
    expect(input.getAttribute('inputmode')).toBe('decimal');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '12345,5' } });
    fireEvent.blur(input);
    expect(input.value).toBe('12.345,50');
    expect((screen.getByLabelText('Timer') as HTMLInputElement).type).toBe('number');
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ data: { beloeb: 12345.5 } }));
        resolve();
      }, 50),
    );
  });
});
