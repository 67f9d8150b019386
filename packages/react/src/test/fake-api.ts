import type { FormVersion } from '@skema/core';

export interface Call {
  method: string;
  url: string;
  body: unknown;
  headers: Record<string, string>;
}

// undefined: the default answer.
type Handler = (call: Call) => { status: number; body?: unknown; headers?: Record<string, string> } | undefined;

/** A fetch that records calls and answers like the Skema API (no network in unit tests). */
export function fakeApi(form: FormVersion, handler?: Handler) {
  const calls: Call[] = [];
  let revision = 0;
  const fetchImpl = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const call: Call = {
      method: init.method ?? 'GET',
      url,
      // The client sends JSON text; any other body (an upload) is recorded as it is.
      body: typeof init.body === 'string' && init.body ? JSON.parse(init.body) : (init.body ?? undefined),
      headers: (init.headers ?? {}) as Record<string, string>,
    };
    calls.push(call);
    const custom = handler?.(call);
    const answer =
      custom ??
      (() => {
        if (call.method === 'GET' && url.includes('/forms/')) {
          const { manifest, ...rest } = form;
          return { status: 200, body: { ...manifest, ...rest } };
        }
        if (call.method === 'POST' && url.endsWith('/submissions')) {
          revision = 1;
          const body = call.body as { formId: string; version: string; status: string; data: unknown };
          const submission = {
            id: 'sub-1',
            ...body,
            revision,
            createdAt: '2026-06-01T10:00:00.000Z',
            updatedAt: '2026-06-01T10:00:00.000Z',
          };
          return {
            status: 201,
            body: {
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
            headers: { ETag: `"sub-1:${revision}"` },
          };
        }
        if (call.method === 'PUT') {
          revision += 1;
          const submission = {
            id: 'sub-1',
            formId: 'fixture',
            version: '1.0.0',
            status: 'draft',
            data: (call.body as { data: unknown }).data,
            revision,
            updatedAt: '2026-06-01T10:05:00.000Z',
          };
          return {
            status: 200,
            body: { submission, receipt: {}, warnings: [], deadlines: [] },
            headers: { ETag: `"sub-1:${revision}"` },
          };
        }
        return { status: 404, body: { title: 'Not found' } };
      })();
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': 'application/json', ...(answer.headers ?? {}) },
    });
  }) as typeof fetch;
  return { fetch: fetchImpl, calls };
}
