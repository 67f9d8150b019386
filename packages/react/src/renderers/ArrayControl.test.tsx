// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import type { FormVersion } from '@skema/core';
import { afterEach, describe, expect, it } from 'vitest';
import { SkemaForm } from '../SkemaForm.js';
import { fixturePlugins } from '../test/fixture-form.js';

afterEach(cleanup);

const form = (options?: object, texts: Record<string, string> = {}): FormVersion => ({
  manifest: {
    id: 'liste',
    version: '1.0.0',
    title: { da: 'Liste', en: 'List' },
    status: 'published',
    plugins: [],
    changelog: '',
  },
  schema: {
    type: 'object',
    properties: {
      samtykker: { type: 'array', default: [{}], items: { type: 'object', properties: { navn: { type: 'string' } } } },
    },
  },
  uischema: {
    type: 'VerticalLayout',
    elements: [{ type: 'Control', scope: '#/properties/samtykker', ...(options ? { options } : {}) }],
  },
  i18n: { da: { 'samtykker.label': 'Samtykker', 'samtykker.navn.label': 'Navn', ...texts }, en: {} },
  hash: 'sha256-liste',
});

const show = (f: FormVersion) => render(<SkemaForm form={f} plugins={fixturePlugins} actions={false} />);

describe('list item labels', () => {
  it('name items in the singular from the i18n key <list>.item.label', () => {
    show(form(undefined, { 'samtykker.item.label': 'Samtykke' }));
    expect(screen.getByText('Samtykke nr. 1')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Tilføj samtykke' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Fjern samtykke nr. 1' })).toBeTruthy();
  });

  it('take options.itemLabel, localized or plain', () => {
    show(form({ itemLabel: { da: 'Forældremyndighedsindehaver', en: 'Holder of custody' } }));
    expect(screen.getByRole('button', { name: 'Tilføj forældremyndighedsindehaver' })).toBeTruthy();
    expect(screen.getByText('Forældremyndighedsindehaver nr. 1')).toBeTruthy();
  });

  it('fall back to the list’s own name without pretending it is singular', () => {
    show(form());
    expect(screen.getByText('Samtykker: nr. 1')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Tilføj til samtykker' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Fjern nr. 1 fra samtykker' })).toBeTruthy();
  });
});
