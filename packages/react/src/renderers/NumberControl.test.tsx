// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { FormVersion } from '@skema/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SkemaForm } from '../SkemaForm.js';
import { fixturePlugins } from '../test/fixture-form.js';

afterEach(cleanup);

const form: FormVersion = {
  manifest: {
    id: 'tal',
    version: '1.0.0',
    title: { da: 'Tal', en: 'Numbers' },
    status: 'published',
    plugins: [],
    changelog: '',
  },
  schema: {
    type: 'object',
    properties: { timer: { type: 'number', title: 'Timer' }, antal: { type: 'integer', title: 'Antal' } },
  },
  uischema: {
    type: 'VerticalLayout',
    elements: [
      { type: 'Control', scope: '#/properties/timer' },
      { type: 'Control', scope: '#/properties/antal' },
    ],
  },
  i18n: {
    da: { 'timer.label': 'Timer', 'antal.label': 'Antal' },
    en: { 'timer.label': 'Hours', 'antal.label': 'Count' },
  },
  hash: 'sha256-tal',
};

function setup() {
  const onChange = vi.fn();
  render(<SkemaForm form={form} plugins={fixturePlugins} validationDelay={0} onChange={onChange} actions={false} />);
  const type = (label: string, text: string) => {
    const input = screen.getByLabelText<HTMLInputElement>(label);
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: text } });
    fireEvent.blur(input);
    return input;
  };
  const lastData = () => onChange.mock.lastCall?.[0]?.data as Record<string, unknown>;
  return { type, lastData };
}

describe('number and integer fields', () => {
  it('read the Danish decimal comma: «6,5» is 6.5, never 65', async () => {
    const { type, lastData } = setup();
    const input = type('Timer', '6,5');
    expect(input.type).toBe('text');
    expect(input.getAttribute('inputmode')).toBe('decimal');
    await waitFor(() => expect(lastData()).toEqual({ timer: 6.5 }));
    expect(input.value).toBe('6,5');
    type('Timer', '1.250,50');
    await waitFor(() => expect(lastData()).toEqual({ timer: 1250.5 }));
    type('Timer', '1250.5');
    await waitFor(() => expect(lastData()).toEqual({ timer: 1250.5 }));
  });

  it('keep text they cannot read, with an error at the field that names it', async () => {
    const { type, lastData } = setup();
    const input = type('Timer', '6,5,5');
    await waitFor(() =>
      expect(document.getElementById('skema-field__timer-error')?.textContent).toContain('«Timer» skal være et tal'),
    );
    expect(input.value).toBe('6,5,5');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(lastData()).toEqual({ timer: '6,5,5' });
  });

  it('refuse a fraction in a whole-number field instead of cutting it off', async () => {
    const { type, lastData } = setup();
    const input = type('Antal', '6,5');
    await waitFor(() =>
      expect(document.getElementById('skema-field__antal-error')?.textContent).toContain('«Antal» skal være et heltal'),
    );
    expect(input.value).toBe('6,5');
    expect(input.getAttribute('inputmode')).toBe('numeric');
    expect(lastData()).toEqual({ antal: '6,5' });
  });
});

describe('numbers in the printed document', () => {
  it('are written the Danish way («6,5», «1.250»), not as JSON', async () => {
    const { SubmissionDocument } = await import('../SubmissionDocument.js');
    render(<SubmissionDocument form={form} data={{ timer: 6.5, antal: 1250 }} locale="da" />);
    expect(screen.getByText('6,5')).toBeTruthy();
    expect(screen.getByText('1.250')).toBeTruthy();
  });
});
