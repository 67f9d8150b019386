// @vitest-environment jsdom
import { toDataPath } from '@jsonforms/core';
import type { FormVersion } from '@skema/core';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SkemaForm } from './SkemaForm.js';

afterEach(cleanup);

// Danish property names often end in "-else" or "-then" (godkendelse, lederDroeftelse, udsendelse).
// JSON Forms 3.8 stripped every "else/" and "then/" from a scope, so their fields wrote to the wrong
// data path; patches/@jsonforms+core+3.8.0.patch strips them only as whole keyword segments.
const form: FormVersion = {
  manifest: { id: 'paths', version: '1.0.0', title: { da: 'Stier', en: 'Paths' }, status: 'published', plugins: [], changelog: 'Test' },
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://skema.dk/schemas/paths/1.0.0/schema.json',
    type: 'object',
    additionalProperties: false,
    properties: {
      godkendelse: { type: 'object', additionalProperties: false, properties: { godkendtAf: { type: 'string', title: 'Godkendt af' } } },
      lederDroeftelse: { type: 'object', additionalProperties: false, properties: { leder: { type: 'string', title: 'Leder' }, dato: { type: 'string', format: 'date', title: 'Dato' } } },
    },
  },
  uischema: {
    type: 'VerticalLayout',
    elements: [
      { type: 'Control', scope: '#/properties/godkendelse/properties/godkendtAf' },
      { type: 'Control', scope: '#/properties/lederDroeftelse/properties/leder' },
      { type: 'Control', scope: '#/properties/lederDroeftelse/properties/dato' },
    ],
  },
  i18n: { da: {}, en: {} },
  hash: 'sha256-paths',
} as unknown as FormVersion;

describe('fields under a property whose name ends in -else or -then', () => {
  it('JSON Forms turns their scopes into the right data paths (the patch is applied)', () => {
    expect(toDataPath('#/properties/lederDroeftelse/properties/leder')).toBe('lederDroeftelse.leder');
    expect(toDataPath('#/properties/godkendelse/properties/godkendtAf')).toBe('godkendelse.godkendtAf');
    // The keyword segments themselves are still dropped, as JSON Forms intends.
    expect(toDataPath('#/properties/a/then/properties/b')).toBe('a.b');
    expect(toDataPath('#/else/properties/b')).toBe('b');
  });

  it('get their own ids and write what is typed to their own place in the data', async () => {
    const onChange = vi.fn();
    render(<SkemaForm form={form} plugins={[]} today="2026-06-01" validationDelay={10} onChange={onChange} />);
    const leder = document.getElementById('skema-field__lederDroeftelse__leder') as HTMLInputElement;
    const dato = document.getElementById('skema-field__lederDroeftelse__dato') as HTMLInputElement;
    const godkendtAf = document.getElementById('skema-field__godkendelse__godkendtAf') as HTMLInputElement;
    expect([leder, dato, godkendtAf].every(Boolean)).toBe(true);
    fireEvent.change(leder, { target: { value: 'Lone Ledersen' } });
    fireEvent.blur(leder);
    fireEvent.change(dato, { target: { value: '2026-05-20' } });
    fireEvent.change(godkendtAf, { target: { value: 'Mette Prøvesen' } });
    fireEvent.blur(godkendtAf);
    await waitFor(() =>
      expect(onChange.mock.calls.at(-1)?.[0].data).toEqual({
        godkendelse: { godkendtAf: 'Mette Prøvesen' },
        lederDroeftelse: { leder: 'Lone Ledersen', dato: '2026-05-20' },
      }),
    );
    expect(onChange.mock.calls.at(-1)?.[0].valid).toBe(true);
  });
});
