// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SkemaForm } from './SkemaForm.js';
import { fakeApi } from './test/fake-api.js';
import { fixtureForm, fixturePlugins } from './test/fixture-form.js';

afterEach(cleanup);

// A write of the data voids recorded approvals (an edit after a co-signature must be co-signed
// again). Submitting a draft that a fagkonsulent co-signed, without changing it, must therefore
// move only the status: rewriting the same data first would void the co-signature and the guard
// would refuse the submission.
const approval = {
  actorId: 'oidc:demo-fagkonsulent',
  actorName: 'Frederik Fagkonsulent',
  subject: 'demo-fagkonsulent',
  kind: 'person',
  role: 'fagkonsulent',
  at: '2026-06-01T11:00:00Z',
  decision: 'approved',
  revision: 2,
};
const data = {
  barn: { navn: 'Emil Testesen' },
  type: 'Underretning til kommunen',
  beskrivelse: 'Barnet kom uden madpakke.',
  deltagere: [{}],
};
const stored = (status: string, revision: number) => ({
  id: 'sub-7',
  tenantId: 'demo',
  formId: 'fixture',
  version: '1.0.0',
  status,
  data,
  revision,
  approvals: [approval],
  receipt: {
    formId: 'fixture',
    version: '1.0.0',
    schemaHash: fixtureForm.hash,
    plugins: [],
    validatedAt: '2026-06-01T10:00:00.000Z',
  },
  createdAt: '2026-06-01T10:00:00.000Z',
  updatedAt: '2026-06-01T11:00:00.000Z',
  createdBy: 'oidc:demo-sagsbehandler',
  updatedBy: 'oidc:demo-fagkonsulent',
});

describe('submitting a stored draft', () => {
  it('moves only the status when the data is unchanged, so the recorded co-signature stays', async () => {
    const api = fakeApi(fixtureForm, (call) => {
      if (call.method === 'GET' && call.url.endsWith('/submissions/sub-7'))
        return { status: 200, body: stored('draft', 2), headers: { ETag: '"sub-7:2"' } };
      if (call.method === 'POST' && call.url.endsWith('/submissions/sub-7/status')) {
        return {
          status: 200,
          body: {
            submission: stored('submitted', 3),
            receipt: stored('submitted', 3).receipt,
            warnings: [],
            deadlines: [],
          },
          headers: { ETag: '"sub-7:3"' },
        };
      }
      return undefined;
    });
    render(
      <SkemaForm
        form={fixtureForm}
        submissionId="sub-7"
        plugins={fixturePlugins}
        fetch={api.fetch}
        today="2026-06-01"
        validationDelay={5}
      />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Indsend' }));
    const heading = await screen.findByRole('heading', { name: 'Kvittering' });
    expect(api.calls.filter((c) => c.method === 'PUT')).toEqual([]);
    const status = api.calls.find((c) => c.url.endsWith('/status'))!;
    expect(status.body).toEqual({ status: 'submitted' });
    expect(new Headers(status.headers).get('if-match')).toBe('"sub-7:2"');
    // The receipt names the co-signer.
    await waitFor(() =>
      expect(heading.closest('section')!.textContent).toContain('Godkendt af Frederik Fagkonsulent (fagkonsulent)'),
    );
  });

  it('still writes changed data before moving the status', async () => {
    const api = fakeApi(fixtureForm, (call) => {
      if (call.method === 'GET' && call.url.endsWith('/submissions/sub-7'))
        return { status: 200, body: stored('draft', 2), headers: { ETag: '"sub-7:2"' } };
      if (call.method === 'POST' && call.url.endsWith('/submissions/sub-7/status')) {
        return {
          status: 200,
          body: {
            submission: stored('submitted', 4),
            receipt: stored('submitted', 4).receipt,
            warnings: [],
            deadlines: [],
          },
          headers: { ETag: '"sub-7:4"' },
        };
      }
      return undefined;
    });
    render(
      <SkemaForm
        form={fixtureForm}
        submissionId="sub-7"
        plugins={fixturePlugins}
        fetch={api.fetch}
        today="2026-06-01"
        validationDelay={5}
      />,
    );
    await screen.findByRole('button', { name: 'Indsend' });
    const field = document.getElementById('skema-field__beskrivelse') as HTMLTextAreaElement;
    fireEvent.change(field, { target: { value: 'Barnet kom igen uden madpakke.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Indsend' }));
    await waitFor(() => expect(api.calls.some((c) => c.url.endsWith('/status'))).toBe(true));
    expect(api.calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
  });

  it('a new form whose guard records the sender’s own approval is stored as a draft first, as the API asks (409 invalid-transition)', async () => {
    const api = fakeApi(fixtureForm, (call) => {
      const body = call.body as { status?: string } | undefined;
      if (call.method === 'POST' && call.url.endsWith('/submissions') && body?.status === 'submitted') {
        return {
          status: 409,
          body: {
            type: 'https://skema.dk/problems/invalid-transition',
            title: 'Statusskiftet er ikke tilladt',
            status: 409,
            detail: 'Opret som kladde og skift derefter status.',
          },
        };
      }
      if (call.method === 'POST' && call.url.endsWith('/submissions/sub-1/status')) {
        return {
          status: 200,
          body: {
            submission: { ...stored('submitted', 2), id: 'sub-1' },
            receipt: stored('submitted', 2).receipt,
            warnings: [],
            deadlines: [],
          },
          headers: { ETag: '"sub-1:2"' },
        };
      }
      return undefined;
    });
    render(
      <SkemaForm
        form={fixtureForm}
        plugins={fixturePlugins}
        fetch={api.fetch}
        today="2026-06-01"
        validationDelay={5}
        data={data}
      />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Indsend' }));
    await screen.findByRole('heading', { name: 'Kvittering' });
    const writes = api.calls
      .filter((c) => c.method !== 'GET')
      .map((c) => `${c.method} ${c.url.replace(/.*\/api\/v1/, '')} ${(c.body as { status?: string }).status}`);
    expect(writes).toEqual([
      'POST /submissions submitted',
      'POST /submissions draft',
      'POST /submissions/sub-1/status submitted',
    ]);
    expect(new Headers(api.calls.at(-1)!.headers).get('if-match')).toBe('"sub-1:1"');
  });
});
