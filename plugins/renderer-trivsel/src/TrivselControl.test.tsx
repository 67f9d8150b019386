// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { FormVersion } from '@skema/core';
import dk from '@skema/plugin-dk';
import { SkemaForm } from '@skema/react';
import { afterEach, describe, expect, it } from 'vitest';
import trivselRenderers, { TRIVSEL_VALUES, trivselTester } from './index.js';

afterEach(cleanup);

const schema = {
  type: 'object',
  properties: { niveau: { type: 'string', enum: [...TRIVSEL_VALUES] }, andet: { type: 'string', enum: ['a', 'b'] } },
};
const form: FormVersion = {
  manifest: {
    id: 'trivsel-test',
    version: '1.0.0',
    title: { da: 'Trivsel', en: 'Well-being' },
    status: 'published',
    plugins: [{ name: '@skema/plugin-dk', version: '^1.0.0' }],
    changelog: '',
  },
  schema,
  uischema: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/niveau' }] },
  i18n: {
    da: { 'niveau.label': 'Trivselsniveau' },
    en: { 'niveau.label': 'Level of well-being', 'niveau.Børn i trivsel': 'Children who thrive' },
  },
  hash: 'sha256-trivsel-test',
};
const plugins = [dk()];
const ctx = { rootSchema: schema, config: {} };

describe('trivselsbarometer renderer', () => {
  it('ranks 10 for the five-level enumeration, -1 for other enumerations', () => {
    expect(
      trivselTester({ type: 'Control', scope: '#/properties/niveau' } as never, schema as never, ctx as never),
    ).toBe(10);
    expect(
      trivselTester({ type: 'Control', scope: '#/properties/andet' } as never, schema as never, ctx as never),
    ).toBe(-1);
  });

  it('shows five labelled levels with the seed’s signs and details for the chosen level', () => {
    render(<SkemaForm form={form} plugins={plugins} renderers={trivselRenderers} actions={false} />);
    const radios = screen.getAllByRole('radio');
    expect(radios).toHaveLength(5);
    expect(radios[0]!.id).toBe('skema-field__niveau');
    expect(screen.getByRole('group', { name: 'Trivselsniveau' })).toBeTruthy();
    const truet = screen.getByLabelText(/Børn i truede trivselspositioner/);
    expect(document.getElementById(truet.getAttribute('aria-describedby')!)!.textContent).toContain(
      'alvorlig mistrivsel og/eller omsorgssvigt',
    );
    fireEvent.click(truet);
    expect((truet as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('Indgribende indsats målrettet det enkelte barn')).toBeTruthy();
    expect(screen.getByText(/rådgiver i Myndighedsafdelingen/, { selector: 'dd' })).toBeTruthy();
  });

  it('uses the form’s English labels and English help texts', () => {
    render(<SkemaForm form={form} plugins={plugins} renderers={trivselRenderers} locale="en" actions={false} />);
    expect(screen.getByLabelText(/Children who thrive/)).toBeTruthy();
    expect(screen.getByText(/developing well socially/)).toBeTruthy();
  });
});
