import { describe, expect, it } from 'vitest';
import { AdminApi, AdminApiError } from './admin-api.js';

/** A fetch that records the request and answers with one canned response. */
function fakeFetch(status: number, body: unknown, contentType = 'application/json') {
  const calls: Array<{ url: string; method?: string | undefined; headers: Record<string, string>; body?: unknown }> =
    [];
  const fetch = (async (url: string, init: RequestInit = {}) => {
    calls.push({
      url,
      method: init.method,
      headers: init.headers as Record<string, string>,
      body: init.body ? JSON.parse(init.body as string) : undefined,
    });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

async function refusal(promise: Promise<unknown>): Promise<AdminApiError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof AdminApiError) return e;
    throw e;
  }
  throw new Error('expected the request to be refused');
}

describe('AdminApi', () => {
  it('previews an unsaved overlay with the key as bearer token', async () => {
    const { fetch, calls } = fakeFetch(200, { ok: true, problems: [] });
    const overlay = { formId: 'indsatsplan', version: '1.0.0', baseVersion: '^2.0.0' };
    expect(await new AdminApi('k1', fetch).preview(overlay)).toEqual({ ok: true, problems: [] });
    expect(calls).toEqual([
      {
        url: '/api/v1/admin/form-configs/preview',
        method: 'POST',
        headers: expect.objectContaining({ Authorization: 'Bearer k1', 'Content-Type': 'application/json' }),
        body: { kind: 'overlay', document: overlay },
      },
    ]);
  });

  it('saves a draft with PUT of the document itself, and escapes the path segments', async () => {
    const { fetch, calls } = fakeFetch(200, { status: 'draft' });
    await new AdminApi('k1', fetch).saveDraft('overlay', 'a/b', '1.0.0', { version: '1.0.0' });
    expect(calls[0]).toMatchObject({
      url: '/api/v1/admin/form-configs/overlay/a%2Fb/1.0.0',
      method: 'PUT',
      body: { version: '1.0.0' },
    });
  });

  it('turns a 422 refusal of publish into its message, problems, diff and required bump', async () => {
    const diff = {
      formId: 'indsatsplan',
      from: '1.0.0',
      to: '1.0.1',
      requiredBump: 'major',
      changes: [{ path: '#/properties/x', kind: 'required-added', level: 'major', message: 'x is now required' }],
    };
    const { fetch, calls } = fakeFetch(
      422,
      {
        type: 'https://skema.dk/problems/form-config-invalid',
        code: 'form-config-invalid',
        title: 'Invalid',
        detail: 'Konfigurationen kan ikke udgives.',
        problems: [{ path: '/version', message: '2.0.0 krævet' }],
        diff,
        requiredBump: 'major',
      },
      'application/problem+json',
    );
    const e = await refusal(new AdminApi('k1', fetch).publish('overlay', 'indsatsplan', '1.0.1'));
    expect(calls[0]).toMatchObject({
      url: '/api/v1/admin/form-configs/overlay/indsatsplan/1.0.1/publish',
      method: 'POST',
      body: undefined,
    });
    expect([e.status, e.code, e.message, e.problems, e.diff, e.requiredBump]).toEqual([
      422,
      'form-config-invalid',
      'Konfigurationen kan ikke udgives.',
      [{ path: '/version', message: '2.0.0 krævet' }],
      diff,
      'major',
    ]);
  });

  it('reports a key without the admin role as 403 with the server message, the code from the type when there is no code', async () => {
    const { fetch } = fakeFetch(
      403,
      { type: 'https://skema.dk/problems/forbidden', title: 'Ingen adgang', detail: 'Nøglen mangler rollen admin.' },
      'application/problem+json',
    );
    const e = await refusal(new AdminApi('k1', fetch).listConfigs());
    expect([e.status, e.code, e.message]).toEqual([403, 'forbidden', 'Nøglen mangler rollen admin.']);
  });

  it('reports an unreachable API as status 0', async () => {
    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    const e = await refusal(new AdminApi('k1', failing).listConfigs());
    expect([e.status, e.code]).toEqual([0, 'network']);
  });
});
