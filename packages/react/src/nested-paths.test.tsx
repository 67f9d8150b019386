// @vitest-environment jsdom
import { composeWithUi, toDataPath } from '@jsonforms/core';
import type { FormVersion } from '@skema/core';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pathSafeProps, safeConditionScope, safeUiSchema, scopeToDataPath } from './renderers/data-paths.js';
import { SkemaForm } from './SkemaForm.js';

afterEach(cleanup);

// Danish property names often end in "-else" or "-then" (godkendelse, lederDroeftelse, udsendelse).
// JSON Forms 3.8 strips every "else/" and "then/" from a scope, so their fields wrote to the wrong
// data path. Skema computes the path itself (renderers/data-paths.ts) and re-anchors such Controls
// (PathSafeControl) and rule conditions (safeUiSchema) so JSON Forms never sees a scope it misreads.
const hiddenUnlessAbsent = {
  effect: 'SHOW',
  condition: { scope: '#/properties/inddragelse/properties/borgerDeltog', schema: { const: false } },
};

const form: FormVersion = {
  manifest: {
    id: 'paths',
    version: '1.0.0',
    title: { da: 'Stier', en: 'Paths' },
    status: 'published',
    plugins: [],
    changelog: 'Test',
  },
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://skema.dk/schemas/paths/1.0.0/schema.json',
    type: 'object',
    additionalProperties: false,
    properties: {
      godkendelse: {
        type: 'object',
        additionalProperties: false,
        required: ['godkendtAf'],
        properties: {
          godkendtAf: { type: 'string', title: 'Godkendt af' },
          begrundelse: { type: 'string', title: 'Begrundelse' },
        },
      },
      lederDroeftelse: {
        type: 'object',
        additionalProperties: false,
        properties: {
          leder: { type: 'string', title: 'Leder' },
          dato: { type: 'string', format: 'date', title: 'Dato' },
        },
      },
      inddragelse: {
        type: 'object',
        additionalProperties: false,
        properties: { borgerDeltog: { type: 'boolean', title: 'Deltog' }, aarsag: { type: 'string', title: 'Årsag' } },
      },
    },
  },
  uischema: {
    type: 'VerticalLayout',
    elements: [
      { type: 'Control', scope: '#/properties/godkendelse/properties/godkendtAf' },
      // A Control that is re-anchored and has a rule whose condition is relative to the original path.
      { type: 'Control', scope: '#/properties/godkendelse/properties/begrundelse', rule: hiddenUnlessAbsent },
      { type: 'Control', scope: '#/properties/lederDroeftelse/properties/leder' },
      { type: 'Control', scope: '#/properties/lederDroeftelse/properties/dato' },
      // As in opsamlingsnotat: a group shown by a condition on a field under "inddragelse".
      {
        type: 'Group',
        label: 'Fravær',
        rule: hiddenUnlessAbsent,
        elements: [{ type: 'Control', scope: '#/properties/inddragelse/properties/aarsag' }],
      },
    ],
  },
  i18n: { da: {}, en: {} },
  hash: 'sha256-paths',
} as unknown as FormVersion;

describe('fields under a property whose name ends in -else or -then', () => {
  it('our path function reads their scopes as the data paths they name', () => {
    expect(scopeToDataPath('#/properties/lederDroeftelse/properties/leder')).toBe('lederDroeftelse.leder');
    expect(scopeToDataPath('#/properties/godkendelse/properties/godkendtAf')).toBe('godkendelse.godkendtAf');
    // The keyword segments themselves are still dropped, as JSON Forms intends.
    expect(scopeToDataPath('#/properties/a/then/properties/b')).toBe('a.b');
    expect(scopeToDataPath('#/else/properties/b')).toBe('b');
    expect(scopeToDataPath('#/properties/a/anyOf/1/properties/b')).toBe('a.b');
    expect(scopeToDataPath('#/properties/a~1b/properties/c~0d')).toBe('a/b.c~d');
  });

  it('JSON Forms computes those paths from the props and conditions we hand it', () => {
    const root = form.schema as never;
    const control = { type: 'Control' as const, scope: '#/properties/lederDroeftelse/properties/leder' };
    const safe = pathSafeProps(control, root, '', root)!;
    expect(composeWithUi(safe.uischema, safe.path)).toBe('lederDroeftelse.leder');
    expect(safe.uischema.scope).toBe('#/properties/leder');
    // Inside an array item the parent path is kept in front.
    const inItem = pathSafeProps(control, root, 'liste.0', root)!;
    expect(composeWithUi(inItem.uischema, inItem.path)).toBe('liste.0.lederDroeftelse.leder');
    expect(pathSafeProps({ type: 'Control', scope: '#/properties/lederDroeftelse' }, root, '', root)).toBeUndefined();
    expect(toDataPath(safeConditionScope('#/properties/inddragelse/properties/borgerDeltog'))).toBe(
      'inddragelse.borgerDeltog',
    );
    expect(safeConditionScope('#/properties/orienteret')).toBe('#/properties/orienteret');
    const ui = form.uischema as never;
    const rewritten = JSON.stringify(safeUiSchema(ui));
    expect(rewritten).toContain('"scope":"#/properties/inddragelse.borgerDeltog"');
    expect(rewritten).toContain('"scope":"#/properties/godkendelse/properties/begrundelse"');
    const untouched = { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/a' }] } as never;
    expect(safeUiSchema(untouched)).toBe(untouched);
  });

  it('a rule whose condition names a field under such a property shows and hides what it should', () => {
    const absent = render(
      <SkemaForm form={form} plugins={[]} today="2026-06-01" data={{ inddragelse: { borgerDeltog: false } }} />,
    );
    expect(document.getElementById('skema-field__inddragelse__aarsag')).not.toBeNull();
    expect(document.getElementById('skema-field__godkendelse__begrundelse')).not.toBeNull();
    absent.unmount();
    render(<SkemaForm form={form} plugins={[]} today="2026-06-01" data={{ inddragelse: { borgerDeltog: true } }} />);
    expect(document.getElementById('skema-field__inddragelse__aarsag')).toBeNull();
    expect(document.getElementById('skema-field__godkendelse__begrundelse')).toBeNull();
    // The re-anchored Control still knows it is required (its parent's "required" list).
    expect(document.getElementById('skema-field__godkendelse__godkendtAf')?.getAttribute('aria-required')).toBe('true');
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
    const aarsag = document.getElementById('skema-field__inddragelse__aarsag') as HTMLInputElement | null;
    expect(aarsag).toBeNull();
    await waitFor(() =>
      expect(onChange.mock.calls.at(-1)?.[0].data).toEqual({
        godkendelse: { godkendtAf: 'Mette Prøvesen' },
        lederDroeftelse: { leder: 'Lone Ledersen', dato: '2026-05-20' },
      }),
    );
    expect(onChange.mock.calls.at(-1)?.[0].valid).toBe(true);
  });
});
