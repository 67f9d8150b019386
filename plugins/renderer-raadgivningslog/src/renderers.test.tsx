// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { FormVersion } from '@skema/core';
import { SkemaForm } from '@skema/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import raadgivningslogRenderers, { meetingGoalsTester, objectTableTester, roleMatrixTester } from './index.js';

afterEach(cleanup);

const dir = resolve(import.meta.dirname, '../../../schemas/raadgivningslog/1.0.0');
const json = (name: string) => JSON.parse(readFileSync(resolve(dir, name), 'utf8'));
const manifest = json('form.json');
const form: FormVersion = {
  manifest,
  schema: json('schema.json'),
  uischema: json('uischema.json'),
  i18n: { da: json('i18n/da.json'), en: json('i18n/en.json') },
  hash: 'sha256-raadgivningslog-test',
};
const ctx = { rootSchema: form.schema, config: {} };
const control = (scope: string) => ({ type: 'Control', scope }) as never;

describe('rådgivningslog renderers', () => {
  it('rank 10 for the role matrix, the per-meeting goals and the goal table; -1 elsewhere', () => {
    expect(roleMatrixTester(control('#/properties/rolleOgOpgavefordeling'), form.schema as never, ctx as never)).toBe(
      10,
    );
    expect(
      meetingGoalsTester(
        control('#/properties/maal/properties/delmaal/properties/fremTilArbejdsmoeder'),
        form.schema as never,
        ctx as never,
      ),
    ).toBe(10);
    expect(
      objectTableTester(control('#/properties/maal/properties/overordnetMaal'), form.schema as never, ctx as never),
    ).toBe(10);
    expect(objectTableTester(control('#/properties/rolleOgOpgavefordeling'), form.schema as never, ctx as never)).toBe(
      -1,
    );
    expect(roleMatrixTester(control('#/properties/inddragelseAfBarnet'), form.schema as never, ctx as never)).toBe(-1);
  });

  it('renders the role matrix with a row per default role and a column per working meeting', async () => {
    const onChange = vi.fn();
    render(
      <SkemaForm
        form={form}
        renderers={raadgivningslogRenderers}
        today="2026-06-01"
        actions={false}
        validationDelay={5}
        onChange={onChange}
      />,
    );
    const matrix = screen.getByRole('table', { name: 'Rolle- og opgavefordeling' });
    const rows = within(matrix).getAllByRole('row');
    // Header + the eight default roles of the schema.
    expect(rows).toHaveLength(9);
    expect(within(matrix).getByRole('columnheader', { name: 'Aftaler frem til 1. arbejdsmøde' })).toBeTruthy();
    expect(within(matrix).getByRole('columnheader', { name: 'Aftaler frem til 2. arbejdsmøde' })).toBeTruthy();
    // A cell is named by its role and its period.
    const cell = screen.getByRole('textbox', { name: 'PPR, herunder ledelse Aftaler frem til 2. arbejdsmøde' });
    expect(cell.id).toBe('skema-field__rolleOgOpgavefordeling__5__aftaler__fremTilArbejdsmoeder__1');
    fireEvent.change(cell, { target: { value: 'PPR observerer i klassen.' } });
    const names = screen.getByRole('textbox', { name: 'PPR, herunder ledelse Navne' });
    fireEvent.change(names, { target: { value: 'Anna Psykolog, ' } });
    expect((names as HTMLInputElement).value).toBe('Anna Psykolog, ');
    await waitFor(
      () =>
        expect(onChange).toHaveBeenLastCalledWith(
          expect.objectContaining({
            data: expect.objectContaining({
              rolleOgOpgavefordeling: expect.arrayContaining([
                expect.objectContaining({
                  rolle: 'PPR, herunder ledelse',
                  navne: ['Anna Psykolog'],
                  aftaler: { fremTilArbejdsmoeder: ['', 'PPR observerer i klassen.'] },
                }),
              ]),
            }),
          }),
        ),
      { timeout: 10_000 },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Tilføj anden rolle' }));
    expect(within(matrix).getAllByRole('row')).toHaveLength(10);
    expect(screen.getByRole('button', { name: 'Fjern rækken Andre' })).toBeTruthy();
  });

  it('renders the goal history as a table and the sub-goals per working meeting', () => {
    render(
      <SkemaForm
        form={form}
        renderers={raadgivningslogRenderers}
        actions={false}
        data={{ maal: { overordnetMaal: [{ tekst: 'Emil kommer i skole hver dag', dato: '2026-05-04' }] } }}
      />,
    );
    const goals = screen.getByRole('table', { name: /Det overordnede og langsigtede mål/ });
    expect(within(goals).getByDisplayValue('Emil kommer i skole hver dag').id).toBe(
      'skema-field__maal__overordnetMaal__0__tekst',
    );
    expect(screen.getByRole('textbox', { name: 'Delmål frem til 2. arbejdsmøde' }).id).toBe(
      'skema-field__maal__delmaal__fremTilArbejdsmoeder__1',
    );
  });
});
