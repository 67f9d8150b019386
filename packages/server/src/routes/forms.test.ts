import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DEV_KEYS } from '../config/dev-config.js';
import { tenantConfigApp } from '../testing/tenant-config-app.js';
import { bearer, createTestApp, TEST_KEYS } from '../testing/test-app.js';

describe('GET /api/v1/forms', () => {
  const { app } = createTestApp();

  it('lists forms with their versions and a strong ETag', async () => {
    const res = await request(app).get('/api/v1/forms').expect(200);
    expect(res.body.items.map((f: { id: string }) => f.id)).toEqual(['fixture', 'leveranceaftale', 'underretning']);
    const fixture = res.body.items[0];
    expect(fixture.latest).toBe('1.1.0');
    expect(fixture.versions.map((v: { version: string }) => v.version)).toEqual(['1.0.0', '1.1.0', '2.0.0']);
    expect(res.headers.etag!).toMatch(/^"sha256-[0-9a-f]{64}"$/);
    await request(app).get('/api/v1/forms').set('If-None-Match', res.headers.etag!).expect(304);
  });

  it('reads one form, 404 problem for an unknown one', async () => {
    const res = await request(app).get('/api/v1/forms/fixture').expect(200);
    expect(res.body.id).toBe('fixture');
    const missing = await request(app).get('/api/v1/forms/nope').expect(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.body).toMatchObject({
      type: 'https://skema.dk/problems/form-not-found',
      status: 404,
      instance: '/api/v1/forms/nope',
    });
  });
});

describe('GET /api/v1/forms/{formId}/versions/{version}', () => {
  const { app } = createTestApp();

  it('returns schema, uischema, texts, plugins and hash; exact published versions are immutable', async () => {
    const res = await request(app).get('/api/v1/forms/fixture/versions/1.0.0').expect(200);
    expect(res.body).toMatchObject({ id: 'fixture', version: '1.0.0', status: 'published' });
    expect(res.body.schema.type).toBe('object');
    expect(res.body.uischema.type).toBe('VerticalLayout');
    expect(res.body.i18n.da['navn.label']).toBe('Navn');
    expect(res.body.plugins).toEqual([{ name: '@skema/plugin-fixture', version: '^1.0.0' }]);
    expect(res.headers.etag!).toBe(`"${res.body.hash}"`);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers 304 to If-None-Match with the content hash', async () => {
    const first = await request(app).get('/api/v1/forms/fixture/versions/1.0.0');
    const again = await request(app)
      .get('/api/v1/forms/fixture/versions/1.0.0')
      .set('If-None-Match', first.headers.etag!)
      .expect(304);
    expect(again.text).toBe('');
    await request(app).get('/api/v1/forms/fixture/versions/1.0.0').set('If-None-Match', '"sha256-other"').expect(200);
  });

  it('resolves latest to the highest published version, without immutable caching', async () => {
    const res = await request(app).get('/api/v1/forms/fixture/versions/latest').expect(200);
    expect(res.body.version).toBe('1.1.0');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers.etag!).toBe(`"${res.body.hash}"`);
  });

  it('serves a draft version by exact version, not cached as immutable', async () => {
    const res = await request(app).get('/api/v1/forms/fixture/versions/2.0.0').expect(200);
    expect(res.body.status).toBe('draft');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('answers anonymously and for a tenant without rule options with no tenantRuleOptions, varying by Authorization', async () => {
    const anonymous = await request(app).get('/api/v1/forms/fixture/versions/1.0.0').expect(200);
    expect(anonymous.body).not.toHaveProperty('tenantRuleOptions');
    // Also the public answer: a shared cache must not serve it to a request with a tenant's key.
    expect(anonymous.headers.vary).toMatch(/Authorization/);
    const alpha = await request(app)
      .get('/api/v1/forms/fixture/versions/1.0.0')
      .set(bearer(TEST_KEYS.caseworker))
      .expect(200);
    expect(alpha.body).not.toHaveProperty('tenantRuleOptions');
    expect(alpha.headers.etag).toBe(anonymous.headers.etag);
  });

  it("FIX-02: gives a tenant's rule options as tenantRuleOptions, privately cached under an ETag that covers them", async () => {
    const anonymous = await request(app).get('/api/v1/forms/fixture/versions/1.0.0').expect(200);
    const res = await request(app).get('/api/v1/forms/fixture/versions/1.0.0').set(bearer(TEST_KEYS.beta)).expect(200);
    expect(res.body.tenantRuleOptions).toEqual({ 'FIX-02': { severity: 'error', minLength: 5 } });
    expect(res.body.hash).toBe(anonymous.body.hash);
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(res.headers.vary).toMatch(/Authorization/);
    expect(res.headers.etag).toMatch(/^"sha256-[0-9a-f]{64}\+options-[0-9a-f]{16}"$/);
    expect(res.headers.etag).not.toBe(anonymous.headers.etag);
    // The same tenant revalidates with its tag; the anonymous tag no longer matches its answer.
    await request(app)
      .get('/api/v1/forms/fixture/versions/1.0.0')
      .set(bearer(TEST_KEYS.beta))
      .set('If-None-Match', res.headers.etag!)
      .expect(304);
    await request(app)
      .get('/api/v1/forms/fixture/versions/1.0.0')
      .set(bearer(TEST_KEYS.beta))
      .set('If-None-Match', anonymous.headers.etag!)
      .expect(200);
  });

  it('401 for a wrong key, also on this public route', async () => {
    await request(app).get('/api/v1/forms/fixture/versions/1.0.0').set(bearer('not-a-key-of-anyone')).expect(401);
  });

  it('404 for an unknown version or form', async () => {
    const res = await request(app).get('/api/v1/forms/fixture/versions/9.9.9').expect(404);
    expect(res.body.type).toBe('https://skema.dk/problems/form-not-found');
    expect(res.body.detail).toContain('9.9.9');
    await request(app).get('/api/v1/forms/ukendt/versions/latest').expect(404);
  });

  it('localises problem titles by Accept-Language (Danish by default)', async () => {
    const da = await request(app).get('/api/v1/forms/ukendt/versions/1.0.0');
    expect(da.body.title).toBe('Skemaet eller versionen findes ikke');
    expect(da.headers['content-language']).toBe('da');
    const en = await request(app)
      .get('/api/v1/forms/ukendt/versions/1.0.0')
      .set('Accept-Language', 'en-GB,en;q=0.9,da;q=0.5');
    expect(en.body.title).toBe('Form or version not found');
  });
});

describe('GET /api/v1/forms/{formId}/versions/{version}: rule options of a real overlay', () => {
  const { app } = tenantConfigApp();

  it("AFT-02: Ringsted's effective aftaleskema carries its overlay's ruleOptions, the base form none", async () => {
    const ringsted = await request(app)
      .get('/api/v1/forms/aftaleskema/versions/1.0.0')
      .set(bearer(DEV_KEYS.ringsted))
      .expect(200);
    expect(ringsted.body.ruleOptions).toMatchObject({ 'AFT-02': { severity: 'error' } });
    // Part of the form (and its hash), not of the key's tenant configuration.
    expect(ringsted.body).not.toHaveProperty('tenantRuleOptions');
    expect(ringsted.headers.etag).toBe(`"${ringsted.body.hash}"`);
    const base = await request(app).get('/api/v1/forms/aftaleskema/versions/1.0.0').expect(200);
    expect(base.body).not.toHaveProperty('ruleOptions');
  });
});
