// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { FormVersion, Wire } from '@skema/core';
import dk from '@skema/plugin-dk';
import { SkemaForm } from '@skema/react';
import { afterEach, describe, expect, it } from 'vitest';
import approvalRenderers from './index.js';

afterEach(cleanup);

// A form whose co-signature is an act of a signed-in fagkonsulent (as underretning 1.1.0): the
// typed names of older versions are a read-only history under /tidligereGodkendelser.
const typed = { type: 'object', properties: { navn: { type: 'string' }, dato: { type: 'string', format: 'date' } } };
const schema = {
  type: 'object',
  properties: {
    emne: { type: 'string' },
    tidligereGodkendelser: { type: 'object', readOnly: true, properties: { medunderskriver: typed } },
  },
};
const form: FormVersion = {
  manifest: {
    id: 'cosign-test',
    version: '1.1.0',
    title: { da: 'Medunderskrift', en: 'Co-signature' },
    status: 'published',
    plugins: [{ name: '@skema/plugin-dk', version: '^1.0.0' }],
    changelog: '',
  },
  schema,
  uischema: {
    type: 'VerticalLayout',
    elements: [
      { type: 'Control', scope: '#/properties/emne' },
      {
        type: 'Control',
        scope: '#/properties/tidligereGodkendelser',
        i18n: 'medunderskrift',
        options: { renderer: 'approval', approval: { roles: ['fagkonsulent'], kind: 'cosign' }, readonly: true },
      },
    ],
  },
  i18n: {
    da: {
      'emne.label': 'Emne',
      'medunderskrift.label': 'Medunderskrift (fagkonsulent)',
      'tidligereGodkendelser.label': 'Tidligere indtastede godkendelser (ikke verificeret)',
    },
    en: {
      'emne.label': 'Subject',
      'medunderskrift.label': 'Co-signature',
      'tidligereGodkendelser.label': 'Previously typed approvals (not verified)',
    },
  },
  hash: 'sha256-cosign-test',
};
const plugins = [dk()];

const frederik: Wire.Approval = {
  actorId: 'oidc:demo-fagkonsulent',
  actorName: 'Frederik Fagkonsulent',
  subject: 'demo-fagkonsulent',
  kind: 'person',
  role: 'fagkonsulent',
  at: '2026-06-02T10:00:00Z',
  decision: 'approved',
  revision: 2,
};

interface Fake {
  me: Wire.AuthMe;
  approvals: Wire.Approval[];
  data?: Record<string, unknown>;
  /** The status the approval answer has (a plugin's approval transition may move it). */
  statusAfter?: string;
  form?: FormVersion;
  calls: Array<{ method: string; url: string; headers: Record<string, string>; body?: unknown }>;
}

/** The URL the client fetched (it passes a string; a URL or Request is read the same way). */
const urlOf = (input: RequestInfo | URL) =>
  typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;

/** The JSON the client sent: its bodies are JSON text. */
function jsonBody(init: RequestInit): unknown {
  if (typeof init.body !== 'string') throw new Error('expected a JSON text body');
  return JSON.parse(init.body);
}

function fakeApi(fake: Fake): typeof fetch {
  const submission = (revision: number, status = 'draft') => ({
    id: 'S1',
    tenantId: 'demo',
    formId: 'cosign-test',
    version: '1.1.0',
    status,
    data: fake.data ?? { emne: 'Bekymring' },
    revision,
    receipt: {
      formId: 'cosign-test',
      version: '1.1.0',
      schemaHash: 'x',
      validatedAt: '2026-06-01T00:00:00Z',
      plugins: [],
    },
    createdAt: '2026-06-01T00:00:00Z',
    updatedAt: '2026-06-01T00:00:00Z',
    createdBy: 'oidc:demo-sagsbehandler',
    updatedBy: 'oidc:demo-sagsbehandler',
    approvals: fake.approvals,
  });
  return async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = urlOf(input);
    const method = init.method ?? 'GET';
    fake.calls.push({
      method,
      url,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      ...(init.body ? { body: jsonBody(init) } : {}),
    });
    const json = (body: unknown, etag?: string) =>
      new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'content-type': 'application/json', ...(etag ? { etag } : {}) },
      });
    if (url.endsWith('/auth/me')) return json(fake.me);
    if (method === 'POST' && url.endsWith('/submissions/S1/approvals')) {
      const role = (jsonBody(init) as { role: string }).role;
      fake.approvals = [
        ...fake.approvals,
        {
          ...frederik,
          role,
          actorId: `oidc:${fake.me.subject}`,
          actorName: fake.me.name ?? '',
          subject: fake.me.subject,
          revision: 2,
        },
      ];
      return json(submission(fake.statusAfter ? 3 : 2, fake.statusAfter), fake.statusAfter ? '"S1:3"' : '"S1:2"');
    }
    if (url.endsWith('/submissions/S1')) return json(submission(1, fake.statusAfter ? 'submitted' : 'draft'), '"S1:1"');
    return new Response('{}', { status: 404 });
  };
}

const person = (subject: string, name: string, roles: string[]): Wire.AuthMe => ({
  kind: 'person',
  subject,
  name,
  tenantId: 'demo',
  tenantName: 'Demo',
  roles,
});

describe('recorded approvals (people, not typed names)', () => {
  it('shows who co-signed, in which role and when, and the typed names of old versions as «ikke verificeret»', async () => {
    const fake: Fake = {
      me: person('demo-fagkonsulent', 'Frederik Fagkonsulent', ['caseworker', 'fagkonsulent']),
      approvals: [frederik],
      calls: [],
      data: { emne: 'x', tidligereGodkendelser: { medunderskriver: { navn: 'Mette Prøvesen', dato: '2026-04-21' } } },
    };
    render(
      <SkemaForm
        form={form}
        submissionId="S1"
        token="t"
        plugins={plugins}
        renderers={approvalRenderers}
        fetch={fakeApi(fake)}
      />,
    );
    const block = await screen.findByRole('region', { name: 'Medunderskrift (fagkonsulent)' });
    await waitFor(() =>
      expect(block.textContent).toContain('Medunderskrevet af Frederik Fagkonsulent (fagkonsulent), 2. juni 2026'),
    );
    expect(block.textContent).toContain('Tidligere indtastede godkendelser (ikke verificeret)');
    expect(block.textContent).toContain('Medunderskrevet af Mette Prøvesen den 21. april 2026 (ikke verificeret).');
    // He has co-signed already: no second button (one person counts once).
    expect(screen.queryByRole('button', { name: 'Medunderskriv' })).toBeNull();
  });

  it('a signed-in fagkonsulent co-signs with «Medunderskriv»: POST approvals with If-Match, then the list says so', async () => {
    const fake: Fake = {
      me: person('demo-fagkonsulent', 'Frederik Fagkonsulent', ['caseworker', 'fagkonsulent']),
      approvals: [],
      calls: [],
    };
    render(
      <SkemaForm
        form={form}
        submissionId="S1"
        token="t"
        plugins={plugins}
        renderers={approvalRenderers}
        fetch={fakeApi(fake)}
      />,
    );
    const button = await screen.findByRole('button', { name: 'Medunderskriv' });
    expect(screen.getByRole('region', { name: 'Medunderskrift (fagkonsulent)' }).textContent).toContain(
      'Ikke medunderskrevet endnu.',
    );
    fireEvent.click(button);
    await screen.findByText('Din medunderskrift er registreret.');
    const post = fake.calls.find((c) => c.method === 'POST')!;
    expect(post.url).toMatch(/\/submissions\/S1\/approvals$/);
    expect(post.headers['if-match']).toBe('"S1:1"');
    expect(post.body).toEqual({ role: 'fagkonsulent', decision: 'approved' });
    expect(screen.getByRole('region', { name: 'Medunderskrift (fagkonsulent)' }).textContent).toContain(
      'Medunderskrevet af Frederik Fagkonsulent (fagkonsulent)',
    );
    expect(screen.queryByRole('button', { name: 'Medunderskriv' })).toBeNull();
  });

  it('offers no button to a person without the role, and asks a fagkonsulent to save a new form first', async () => {
    const sagsbehandler: Fake = {
      me: person('demo-sagsbehandler', 'Signe Sagsbehandler', ['caseworker']),
      approvals: [],
      calls: [],
    };
    render(
      <SkemaForm
        form={form}
        submissionId="S1"
        token="t"
        plugins={plugins}
        renderers={approvalRenderers}
        fetch={fakeApi(sagsbehandler)}
      />,
    );
    await screen.findByRole('region', { name: 'Medunderskrift (fagkonsulent)' });
    await waitFor(() => expect(sagsbehandler.calls.some((c) => c.url.endsWith('/auth/me'))).toBe(true));
    expect(screen.queryByRole('button', { name: 'Medunderskriv' })).toBeNull();
    cleanup();

    const fagkonsulent: Fake = {
      me: person('demo-fagkonsulent', 'Frederik Fagkonsulent', ['fagkonsulent']),
      approvals: [],
      calls: [],
    };
    render(
      <SkemaForm form={form} token="t" plugins={plugins} renderers={approvalRenderers} fetch={fakeApi(fagkonsulent)} />,
    );
    await screen.findByText('Gem kladden, før du kan medunderskrive.');
    expect(screen.queryByRole('button', { name: 'Medunderskriv' })).toBeNull();
  });

  it('FRL-03 «Godkend»: when the approval moves the form to approved, the block says so and offers no second button', async () => {
    const approveForm: FormVersion = {
      ...form,
      uischema: {
        type: 'VerticalLayout',
        elements: [
          {
            type: 'Control',
            scope: '#/properties/tidligereGodkendelser',
            i18n: 'godkendelse',
            options: {
              renderer: 'approval',
              approval: { roles: ['caseworker', 'leder'], kind: 'approve' },
              readonly: true,
            },
          },
        ],
      },
      i18n: { da: { 'godkendelse.label': 'Godkendelse' }, en: { 'godkendelse.label': 'Approval' } },
    };
    const fake: Fake = {
      me: person('demo-sagsbehandler', 'Signe Sagsbehandler', ['caseworker']),
      approvals: [],
      calls: [],
      statusAfter: 'approved',
    };
    render(
      <SkemaForm
        form={approveForm}
        submissionId="S1"
        token="t"
        plugins={plugins}
        renderers={approvalRenderers}
        fetch={fakeApi(fake)}
      />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Godkend som sagsbehandler' }));
    await screen.findByText('Din godkendelse er registreret. Skemaet er nu godkendt.');
    expect(screen.queryByRole('button', { name: /Godkend/ })).toBeNull();
  });

  it('lists the typed approvers of each change (leveranceaftale 1.3.0’s history) numbered, marked «ikke verificeret»', async () => {
    const data = {
      emne: 'x',
      tidligereGodkendelser: {
        aendringer: [
          { aendring: 2, type: 'Ændring i tidsplanen', godkendtAf: 'Mette Prøvesen', godkendtDato: '2026-04-21' },
        ],
      },
    };
    const fake: Fake = {
      me: person('demo-sagsbehandler', 'Signe Sagsbehandler', ['caseworker']),
      approvals: [],
      calls: [],
      data,
    };
    render(
      <SkemaForm
        form={form}
        submissionId="S1"
        token="t"
        plugins={plugins}
        renderers={approvalRenderers}
        fetch={fakeApi(fake)}
      />,
    );
    const block = await screen.findByRole('region', { name: 'Medunderskrift (fagkonsulent)' });
    await waitFor(() =>
      expect(block.textContent).toContain(
        'Ændring 2: Godkendt af Mette Prøvesen den 21. april 2026 (ikke verificeret).',
      ),
    );
  });
});
