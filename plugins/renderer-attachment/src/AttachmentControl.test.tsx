// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { FormVersion } from '@skema/core';
import { SkemaForm } from '@skema/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import attachmentRenderers, { attachmentListTester, attachmentTester } from './index.js';

const attachmentRef = {
  type: 'object',
  'x-skema-attachment': true,
  required: ['id', 'fileName'],
  properties: {
    id: { type: 'string' },
    fileName: { type: 'string' },
    mediaType: { type: 'string' },
    size: { type: 'integer' },
    sha256: { type: 'string' },
  },
};
const schema = {
  type: 'object',
  $defs: { attachmentRef },
  properties: {
    ppv: { $ref: '#/$defs/attachmentRef' },
    bilag: { type: 'array', items: { $ref: '#/$defs/attachmentRef' } },
    navn: { type: 'string' },
    adresse: { type: 'object', properties: { vej: { type: 'string' } } },
  },
};
const form: FormVersion = {
  manifest: {
    id: 'bilag-test',
    version: '1.0.0',
    title: { da: 'Bilag', en: 'Attachments' },
    status: 'published',
    plugins: [],
    changelog: '',
  },
  schema,
  uischema: {
    type: 'VerticalLayout',
    elements: [
      { type: 'Control', scope: '#/properties/ppv' },
      { type: 'Control', scope: '#/properties/bilag' },
      { type: 'Control', scope: '#/properties/navn' },
    ],
  },
  i18n: {
    da: { 'ppv.label': 'PPV-rapport', 'bilag.label': 'Øvrige bilag', 'navn.label': 'Navn' },
    en: { 'ppv.label': 'PPV report', 'bilag.label': 'Other attachments', 'navn.label': 'Name' },
  },
  hash: 'sha256-bilag-test',
};
const ctx = { rootSchema: schema, config: {} };

/** XMLHttpRequest as the upload uses it; the test drives progress and the answer. */
class FakeXhr {
  static sent: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  status = 0;
  statusText = '';
  responseText = '';
  upload: {
    onprogress: ((e: { loaded: number; total: number; lengthComputable: boolean }) => void) | null;
  } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
    FakeXhr.sent.push(this);
  }
  abort() {
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    act(() => this.upload.onprogress?.({ loaded, total, lengthComputable: true }));
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    act(() => this.onload?.());
  }
}

interface Call {
  method: string;
  url: string;
}

/** The URL the client fetched (it passes a string; a URL or Request is read the same way). */
const urlOf = (input: RequestInfo | URL) =>
  typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;

/** The JSON the client sent: its bodies are JSON text. */
function jsonBody(init: RequestInit): unknown {
  if (typeof init.body !== 'string') throw new Error('expected a JSON text body');
  return JSON.parse(init.body);
}

/** fetch for the draft save and the deletions; `remove` answers DELETE /attachments/{id}. */
function fakeFetch(remove: (id: string) => { status: number; body?: unknown } = () => ({ status: 204 })) {
  const calls: Call[] = [];
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = urlOf(input);
    const method = init.method ?? 'GET';
    calls.push({ method, url });
    const json = (status: number, body?: unknown, headers: Record<string, string> = {}) =>
      new Response(status === 204 || body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json', ...headers },
      });
    if (method === 'POST' && url.endsWith('/submissions')) {
      const body = jsonBody(init) as {
        formId: string;
        version: string;
        status: string;
        data: unknown;
      };
      const submission = {
        id: 'sub-1',
        ...body,
        revision: 1,
        createdAt: '2026-06-01T10:00:00.000Z',
        updatedAt: '2026-06-01T10:00:00.000Z',
      };
      return json(
        201,
        {
          submission,
          receipt: {
            formId: body.formId,
            version: body.version,
            schemaHash: form.hash,
            plugins: [],
            validatedAt: '2026-06-01T10:00:00.000Z',
          },
          warnings: [],
          deadlines: [],
        },
        { ETag: '"sub-1:1"' },
      );
    }
    const del = /\/attachments\/([^/?]+)$/.exec(url);
    if (method === 'DELETE' && del) {
      const answer = remove(decodeURIComponent(del[1] ?? ''));
      return new Response(answer.body ? JSON.stringify(answer.body) : null, {
        status: answer.status,
        headers: { 'Content-Type': 'application/problem+json' },
      });
    }
    if (method === 'GET' && url.endsWith('/auth/me'))
      return json(401, { type: 'about:blank', title: 'Unauthorized', status: 401 });
    return json(404, { type: 'about:blank', title: 'Not found', status: 404 });
  });
  return { calls, fetchImpl };
}

const record = (id: string, fileName: string, size = 2048) => ({
  id,
  tenantId: 'alpha',
  owner: { kind: 'submission', id: 'sub-1' },
  fileName,
  mediaType: 'application/pdf',
  size,
  sha256: 'a'.repeat(64),
  createdAt: '2026-06-01T10:00:01.000Z',
  createdBy: 'k',
});
const pdfFile = (name: string, bytes = 2048) =>
  new File([new Uint8Array(bytes).fill(0x41)], name, { type: 'application/pdf' });

function renderForm(extra: Partial<Parameters<typeof SkemaForm>[0]> = {}) {
  const onChange = vi.fn();
  const onDraftSaved = vi.fn();
  render(
    <SkemaForm
      form={form}
      renderers={attachmentRenderers}
      token="test-key"
      today="2026-06-01"
      validationDelay={0}
      actions={false}
      onChange={onChange}
      onDraftSaved={onDraftSaved}
      {...extra}
    />,
  );
  return { onChange, onDraftSaved };
}

/** The field's own live region (each field and the form have one). */
/** The n-th upload request (fails the test when there is none). */
function sentAt(n: number): FakeXhr {
  const xhr = FakeXhr.sent[n];
  if (!xhr) throw new Error(`no upload number ${n}`);
  return xhr;
}

const statusOf = (pointer: string): string =>
  document.querySelector(`[data-pointer="${pointer}"] [role=status]`)?.textContent ?? '';

const lastData = (onChange: ReturnType<typeof vi.fn>): Record<string, unknown> =>
  (onChange.mock.calls.at(-1)?.[0] as { data: Record<string, unknown> }).data;

beforeEach(() => {
  FakeXhr.sent = [];
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('attachment renderer', () => {
  it('ranks 10 on an x-skema-attachment object and on an array of them, 11 when named, and not elsewhere', () => {
    expect(
      attachmentTester({ type: 'Control', scope: '#/properties/ppv' } as never, schema as never, ctx as never),
    ).toBe(10);
    expect(
      attachmentListTester({ type: 'Control', scope: '#/properties/bilag' } as never, schema as never, ctx as never),
    ).toBe(10);
    expect(
      attachmentTester({ type: 'Control', scope: '#/properties/bilag' } as never, schema as never, ctx as never),
    ).toBe(-1);
    expect(
      attachmentTester({ type: 'Control', scope: '#/properties/adresse' } as never, schema as never, ctx as never),
    ).toBe(-1);
    expect(
      attachmentListTester({ type: 'Control', scope: '#/properties/navn' } as never, schema as never, ctx as never),
    ).toBe(-1);
    expect(
      attachmentTester(
        {
          type: 'Control',
          scope: '#/properties/adresse',
          options: { renderer: 'attachment' },
        } as never,
        schema as never,
        ctx as never,
      ),
    ).toBe(11);
  });

  it('saves a draft for an id, uploads with a labelled progress bar and stores the reference the server returns', async () => {
    const api = fakeFetch();
    vi.stubGlobal('fetch', api.fetchImpl);
    const { onChange, onDraftSaved } = renderForm();
    const input = screen.getByLabelText<HTMLInputElement>('PPV-rapport');
    expect(input.type).toBe('file');
    fireEvent.change(input, { target: { files: [pdfFile('ppv rapport.pdf', 4000)] } });
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(1));
    // The form had no submission: a draft was saved first, and the file goes to it.
    expect(api.calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([
      expect.stringMatching(/\/api\/v1\/submissions$/),
    ]);
    expect(onDraftSaved).toHaveBeenCalledTimes(1);
    const xhr = sentAt(0);
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toMatch(/\/api\/v1\/submissions\/sub-1\/attachments\?name=ppv%20rapport\.pdf$/);
    expect(xhr.headers).toMatchObject({
      Authorization: 'Bearer test-key',
      'Accept-Language': 'da',
    });

    xhr.progress(1000, 4000);
    const bar = screen.getByLabelText<HTMLProgressElement>('Sender ppv rapport.pdf');
    expect(bar.tagName).toBe('PROGRESS');
    expect(bar.value).toBe(1000);
    expect(bar.max).toBe(4000);
    expect(statusOf('/ppv')).toBe('Sender ppv rapport.pdf');

    xhr.answer(201, record('att-1', 'ppv rapport.pdf', 4000));
    await waitFor(() =>
      expect(lastData(onChange).ppv).toEqual({
        id: 'att-1',
        fileName: 'ppv rapport.pdf',
        mediaType: 'application/pdf',
        size: 4000,
        sha256: 'a'.repeat(64),
      }),
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText('ppv rapport.pdf')).toBeTruthy();
    expect(screen.getByText('(4 kB)')).toBeTruthy();
    expect(statusOf('/ppv')).toBe('ppv rapport.pdf er vedhæftet.');
    // One reference per field: the input gives way to the file and its «Fjern».
    expect(screen.queryByLabelText('PPV-rapport')).toBeNull();
    expect(screen.getByRole('button', { name: 'Fjern ppv rapport.pdf' })).toBeTruthy();
  });

  it("shows the server's refusal (413, 415 problem+json) at the field in Danish and keeps no reference", async () => {
    vi.stubGlobal('fetch', fakeFetch().fetchImpl);
    const { onChange } = renderForm();
    const input = screen.getByLabelText<HTMLInputElement>('PPV-rapport');
    fireEvent.change(input, { target: { files: [pdfFile('stor.pdf')] } });
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(1));
    sentAt(0).answer(413, {
      type: 'https://skema.dk/problems/payload-too-large',
      title: 'For stor',
      status: 413,
      detail: 'Filen er større end grænsen på 25 MB.',
    });
    await waitFor(() =>
      expect(document.getElementById('skema-field__ppv-upload-error')?.textContent).toBe(
        'Filen blev ikke vedhæftet: Filen er større end grænsen på 25 MB.',
      ),
    );
    const message = document.getElementById('skema-field__ppv-upload-error');
    const again = screen.getByLabelText<HTMLInputElement>('PPV-rapport');
    expect(again.getAttribute('aria-invalid')).toBe('true');
    expect(again.getAttribute('aria-describedby')).toContain('skema-field__ppv-upload-error');
    expect(statusOf('/ppv')).toBe(message?.textContent);

    fireEvent.change(again, { target: { files: [pdfFile('program.pdf')] } });
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(2));
    sentAt(1).answer(415, {
      type: 'https://skema.dk/problems/unsupported-media-type',
      title: 'Filtype',
      status: 415,
    });
    await waitFor(() =>
      expect(document.getElementById('skema-field__ppv-upload-error')?.textContent).toMatch(
        /^Filen blev ikke vedhæftet: Filtypen kan ikke vedhæftes\. Tilladt er PDF/,
      ),
    );
    expect(lastData(onChange).ppv).toBeUndefined();
  });

  it('removes a reference and deletes the stored file; a file the server keeps is said to stay', async () => {
    const api = fakeFetch((id) =>
      id === 'att-2'
        ? {
            status: 409,
            body: {
              type: 'https://skema.dk/problems/not-editable',
              title: 'Låst',
              status: 409,
              detail: 'Indsendt',
            },
          }
        : { status: 204 },
    );
    vi.stubGlobal('fetch', api.fetchImpl);
    const { onChange } = renderForm({
      data: {
        bilag: [
          { id: 'att-1', fileName: 'a.pdf', size: 10 },
          { id: 'att-2', fileName: 'b.pdf', size: 20 },
        ],
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Fjern a.pdf' }));
    await waitFor(() => expect(lastData(onChange).bilag).toEqual([{ id: 'att-2', fileName: 'b.pdf', size: 20 }]));
    expect(api.calls).toContainEqual({
      method: 'DELETE',
      url: expect.stringMatching(/\/api\/v1\/attachments\/att-1$/),
    });
    expect(statusOf('/bilag')).toBe('a.pdf er fjernet.');
    fireEvent.click(screen.getByRole('button', { name: 'Fjern b.pdf' }));
    await waitFor(() => expect(lastData(onChange).bilag).toBeUndefined());
    expect(statusOf('/bilag')).toMatch(/^b\.pdf er fjernet fra feltet; filen bliver/);
  });

  it('adds to a list of references one upload at a time', async () => {
    vi.stubGlobal('fetch', fakeFetch().fetchImpl);
    const { onChange } = renderForm({
      data: { bilag: [{ id: 'att-0', fileName: 'skoleudtalelse.pdf' }] },
    });
    const input = screen.getByLabelText<HTMLInputElement>('Øvrige bilag');
    fireEvent.change(input, { target: { files: [pdfFile('wisc.pdf')] } });
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(1));
    sentAt(0).answer(201, record('att-9', 'wisc.pdf'));
    await waitFor(() =>
      expect((lastData(onChange).bilag as Array<{ id: string }>).map((r) => r.id)).toEqual(['att-0', 'att-9']),
    );
    expect(screen.getByLabelText('Øvrige bilag')).toBeTruthy();
  });

  it("offers no upload without a key or with an embed session's key (the server refuses those)", () => {
    vi.stubGlobal('fetch', fakeFetch().fetchImpl);
    renderForm({ token: 'skema_es_abc' });
    expect(screen.queryByLabelText('PPV-rapport')).toBeNull();
    expect(screen.getAllByText(/^Filer kan ikke vedhæftes her\./)).toHaveLength(2);
  });
});
