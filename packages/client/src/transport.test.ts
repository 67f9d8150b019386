import { describe, expect, it } from 'vitest';
import { SkemaClient } from './client.js';
import { SkemaApiError } from './errors.js';

// Moved from @skema/react's own client (src/api.test.ts), which this package replaces.

const respond = (status: number, body: unknown) =>
  (async () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' },
    })) as typeof fetch;

describe('SkemaClient.send', () => {
  it('sends the key, the language and the JSON body, and returns the parsed answer', async () => {
    let seen: { url: string; init: RequestInit } | undefined;
    const fetchImpl = (async (url: string, init: RequestInit) => {
      seen = { url, init };
      return new Response('{"ok":true}', { status: 200 });
    }) as unknown as typeof fetch;
    const client = new SkemaClient({ baseUrl: 'http://api.test', token: 'key-1', locale: 'en', fetch: fetchImpl });
    expect(await client.send('POST', '/admin/form-configs/preview', { kind: 'overlay' })).toEqual({ ok: true });
    expect(seen?.url).toBe('http://api.test/api/v1/admin/form-configs/preview');
    expect(seen?.init.method).toBe('POST');
    expect(seen?.init.body).toBe('{"kind":"overlay"}');
    expect(seen?.init.headers).toMatchObject({
      Authorization: 'Bearer key-1',
      'Accept-Language': 'en',
      'Content-Type': 'application/json',
    });
  });

  it('rejects with the whole problem document, its message and issues', async () => {
    const problem = {
      type: 'https://skema.dk/problems/form-config-invalid',
      title: 'Afvist',
      detail: 'Versionen er for lav.',
      requiredBump: 'major',
      issues: [],
    };
    const client = new SkemaClient({ token: 'k', fetch: respond(422, problem) });
    const error = await client.send('POST', '/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SkemaApiError);
    expect(error).toMatchObject({ status: 422, message: 'Versionen er for lav.', type: problem.type, problem });
  });

  it('passes an abort through as the AbortError itself, and a network failure as status 0', async () => {
    const aborted = (async () => {
      throw new DOMException('stopped', 'AbortError');
    }) as typeof fetch;
    await expect(
      new SkemaClient({ token: 'k', fetch: aborted }).send('GET', '/x', undefined, new AbortController().signal),
    ).rejects.toMatchObject({ name: 'AbortError' });
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    await expect(new SkemaClient({ token: 'k', fetch: down }).send('GET', '/x')).rejects.toMatchObject({
      name: 'SkemaApiError',
      status: 0,
    });
  });
});

describe('SkemaClient.getFormVersion', () => {
  const body = {
    id: 'f',
    version: '1.0.0',
    title: { da: 'F', en: 'F' },
    status: 'published',
    plugins: [],
    changelog: '',
    schema: {},
    uischema: {},
    i18n: { da: {}, en: {} },
    hash: 'h',
  };

  it("returns the tenant's rule options (UND-07 raised) beside the form", async () => {
    const tenantRuleOptions = { 'UND-07': { severity: 'error' } };
    const loaded = await new SkemaClient({
      token: 'k',
      fetch: respond(200, { ...body, tenantRuleOptions }),
    }).getFormVersion('f', '1.0.0');
    expect(loaded.tenantRuleOptions).toEqual(tenantRuleOptions);
    expect(loaded.form.hash).toBe('h');
  });

  it("AFT-02: keeps the form's own (overlay) rule options in the manifest, where the engine reads them", async () => {
    const loaded = await new SkemaClient({
      token: 'k',
      fetch: respond(200, { ...body, ruleOptions: { 'AFT-02': { severity: 'error' } } }),
    }).getFormVersion('f');
    expect(loaded.form.manifest.ruleOptions).toEqual({ 'AFT-02': { severity: 'error' } });
    expect(loaded).not.toHaveProperty('tenantRuleOptions');
  });

  it('has no tenantRuleOptions when the answer has none', async () => {
    const loaded = await new SkemaClient({ fetch: respond(200, body) }).getFormVersion('f');
    expect(loaded).not.toHaveProperty('tenantRuleOptions');
  });
});
