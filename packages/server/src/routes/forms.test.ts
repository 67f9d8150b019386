import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.js';

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
    expect(missing.body).toMatchObject({ type: 'https://skema.dk/problems/form-not-found', status: 404, instance: '/api/v1/forms/nope' });
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
    const again = await request(app).get('/api/v1/forms/fixture/versions/1.0.0').set('If-None-Match', first.headers.etag!).expect(304);
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
    const en = await request(app).get('/api/v1/forms/ukendt/versions/1.0.0').set('Accept-Language', 'en-GB,en;q=0.9,da;q=0.5');
    expect(en.body.title).toBe('Form or version not found');
  });
});
