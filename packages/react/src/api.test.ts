import { describe, expect, it } from 'vitest';
import { SkemaApiClient, SkemaApiError } from './api.js';

const respond = (status: number, body: unknown) =>
  (async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' } })) as typeof fetch;

describe('SkemaApiClient.send', () => {
  it('sends the key, the language and the JSON body, and returns the parsed answer', async () => {
    let seen: { url: string; init: RequestInit } | undefined;
    const fetchImpl = (async (url: string, init: RequestInit) => {
      seen = { url, init };
      return new Response('{"ok":true}', { status: 200 });
    }) as unknown as typeof fetch;
    const client = new SkemaApiClient('http://api.test', 'key-1', 'en', fetchImpl);
    expect(await client.send('POST', '/admin/form-configs/preview', { kind: 'overlay' })).toEqual({ ok: true });
    expect(seen?.url).toBe('http://api.test/api/v1/admin/form-configs/preview');
    expect(seen?.init.method).toBe('POST');
    expect(seen?.init.body).toBe('{"kind":"overlay"}');
    expect(seen?.init.headers).toMatchObject({ Authorization: 'Bearer key-1', 'Accept-Language': 'en', 'Content-Type': 'application/json' });
  });

  it('rejects with the whole problem document, its message and issues', async () => {
    const problem = { type: 'https://skema.dk/problems/form-config-invalid', title: 'Afvist', detail: 'Versionen er for lav.', requiredBump: 'major', issues: [] };
    const client = new SkemaApiClient('', 'k', 'da', respond(422, problem));
    const error = await client.send('POST', '/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SkemaApiError);
    expect(error).toMatchObject({ status: 422, message: 'Versionen er for lav.', type: problem.type, problem });
  });

  it('passes an abort through as the AbortError itself, and a network failure as status 0', async () => {
    const aborted = (async () => {
      throw new DOMException('stopped', 'AbortError');
    }) as typeof fetch;
    await expect(new SkemaApiClient('', 'k', 'da', aborted).send('GET', '/x', undefined, new AbortController().signal)).rejects.toMatchObject({ name: 'AbortError' });
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    await expect(new SkemaApiClient('', 'k', 'da', down).send('GET', '/x')).rejects.toMatchObject({ name: 'SkemaApiError', status: 0 });
  });
});
