// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { FormVersion, SkemaPlugin } from '@skema/core';
import dk from '@skema/plugin-dk';
import { SkemaForm } from '@skema/react';
import { afterEach, describe, expect, it } from 'vitest';
import approvalRenderers, { approvalControlTester, approvalLayoutTester, approvalText } from './index.js';

afterEach(cleanup);

const person = { type: 'object', properties: { navn: { type: 'string' }, dato: { type: 'string', format: 'date' } } };
const schema = { type: 'object', properties: { medunderskriver: person, lederGodkendelse: person, andet: person } };
const group = (name: string) => ({
  type: 'Group',
  i18n: name,
  elements: [
    { type: 'Control', scope: `#/properties/${name}/properties/navn` },
    { type: 'Control', scope: `#/properties/${name}/properties/dato` },
  ],
});
const form: FormVersion = {
  manifest: {
    id: 'approval-test',
    version: '1.0.0',
    title: { da: 'Godkendelse', en: 'Approval' },
    status: 'published',
    plugins: [
      { name: '@skema/plugin-dk', version: '^1.0.0' },
      { name: 'approval-rules', version: '^1.0.0' },
    ],
    changelog: '',
  },
  schema,
  uischema: {
    type: 'VerticalLayout',
    elements: [group('medunderskriver'), { type: 'Control', scope: '#/properties/lederGodkendelse' }],
  },
  i18n: {
    da: {
      'medunderskriver.label': 'Medunderskriver',
      'medunderskriver.navn.label': 'Fagkonsulent',
      'medunderskriver.dato.label': 'Dato',
      'lederGodkendelse.label': 'Lederens godkendelse',
    },
    en: {
      'medunderskriver.label': 'Co-signer',
      'medunderskriver.navn.label': 'Consultant',
      'medunderskriver.dato.label': 'Date',
      'lederGodkendelse.label': 'Leader approval',
    },
  },
  hash: 'sha256-approval-test',
};
const rules: SkemaPlugin = {
  name: 'approval-rules',
  version: '1.0.0',
  rules: [
    {
      id: 'APR-01',
      severity: 'error',
      appliesTo: ['approval-test'],
      description: { da: 'Medunderskrift', en: 'Co-signature' },
      source: 'test',
      message: { da: '«{label}» mangler (APR-01).', en: '"{label}" is missing (APR-01).' },
      check: (data) =>
        (data as { medunderskriver?: { navn?: string } }).medunderskriver?.navn
          ? []
          : [{ path: '/medunderskriver/navn' }],
    },
  ],
};
const plugins = [dk(), rules];
const ctx = { rootSchema: schema, config: {} };

describe('approvals renderer', () => {
  it('ranks 10 for approval groups and controls, -1 for other objects', () => {
    expect(approvalLayoutTester(group('medunderskriver') as never, schema as never, ctx as never)).toBe(10);
    expect(approvalLayoutTester(group('andet') as never, schema as never, ctx as never)).toBe(-1);
    expect(
      approvalControlTester(
        { type: 'Control', scope: '#/properties/lederGodkendelse' } as never,
        schema as never,
        ctx as never,
      ),
    ).toBe(10);
    expect(
      approvalControlTester({ type: 'Control', scope: '#/properties/andet' } as never, schema as never, ctx as never),
    ).toBe(-1);
  });

  it('is one block when the approval group wraps its fields in a further layout', async () => {
    const nested = {
      ...form,
      uischema: {
        type: 'VerticalLayout',
        elements: [
          {
            type: 'Group',
            i18n: 'medunderskriver',
            elements: [{ type: 'HorizontalLayout', elements: group('medunderskriver').elements }],
          },
        ],
      },
    };
    render(
      <SkemaForm form={nested as FormVersion} plugins={plugins} renderers={approvalRenderers} today="2026-06-01" />,
    );
    expect(document.querySelectorAll('section.skema-approval')).toHaveLength(1);
    const details = document.querySelector('section.skema-approval details') as HTMLDetailsElement;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    await waitFor(() => expect(document.getElementById('skema-field__medunderskriver__navn')).toBeTruthy());
    expect(document.querySelectorAll('section.skema-approval details')).toHaveLength(1);
  });

  it('states who approved and when', () => {
    expect(approvalText('medunderskriver', { navn: 'Lis Fagkonsulent', dato: '2026-06-03' }, 'da').text).toBe(
      'Medunderskrevet af Lis Fagkonsulent den 3. juni 2026 (ikke verificeret).',
    );
    expect(
      approvalText('lederGodkendelse', { navn: 'Ole Leder', dato: '2026-06-04', udfald: 'Afvist' }, 'da').text,
    ).toBe('Afvist af Ole Leder den 4. juni 2026 (ikke verificeret).');
    expect(approvalText('lederGodkendelse', {}, 'en')).toEqual({ done: false, text: 'Awaiting approval.' });
  });

  it('renders a read-only statement, read-only without inputs when the form is read-only', () => {
    render(
      <SkemaForm
        form={form}
        plugins={plugins}
        renderers={approvalRenderers}
        readonly
        data={{ medunderskriver: { navn: 'Lis Fagkonsulent', dato: '2026-06-03' } }}
        actions={false}
      />,
    );
    expect(screen.getByRole('region', { name: 'Medunderskriver' }).textContent).toContain(
      'Medunderskrevet af Lis Fagkonsulent den 3. juni 2026 (ikke verificeret).',
    );
    expect(screen.getByRole('region', { name: 'Lederens godkendelse' }).textContent).toContain('Afventer godkendelse.');
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('opens the fields when the error summary points into the block', async () => {
    render(
      <SkemaForm
        form={form}
        plugins={plugins}
        renderers={approvalRenderers}
        fetch={async () => new Response('{}')}
        validationDelay={5}
      />,
    );
    expect(screen.queryByLabelText(/^Fagkonsulent/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Indsend' }));
    fireEvent.click(await screen.findByRole('link', { name: /APR-01/ }));
    // APR-01 requires the field now: its label carries the asterisk («Fagkonsulent *»).
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/^Fagkonsulent/)));
  });
});
