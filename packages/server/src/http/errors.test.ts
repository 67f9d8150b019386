import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { fixtureData } from '../testing/fixture-forms.js';
import { bearer, createTestApp, TEST_KEYS } from '../testing/test-app.js';

const alpha = bearer(TEST_KEYS.caseworker);

describe('bad input', () => {
  const { app, store } = createTestApp({ bodyLimit: '2kb' });

  it('malformed JSON → 400 problem', async () => {
    const res = await request(app)
      .post('/api/v1/submissions')
      .set(alpha)
      .set('Content-Type', 'application/json')
      .send('{"formId": "fixture",')
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      type: 'https://skema.dk/problems/malformed-json',
      status: 400,
      title: 'Ugyldig JSON',
      instance: '/api/v1/submissions',
    });
  });

  it('a JSON body that is not an object or array → 400', async () => {
    await request(app)
      .post('/api/v1/submissions')
      .set(alpha)
      .set('Content-Type', 'application/json')
      .send('"text"')
      .expect(400);
  });

  it('wrong content type → 415', async () => {
    const res = await request(app)
      .post('/api/v1/submissions')
      .set(alpha)
      .set('Content-Type', 'text/plain')
      .send('formId=fixture')
      .expect(415);
    expect(res.body.type).toBe('https://skema.dk/problems/unsupported-media-type');
    await request(app)
      .post('/api/v1/forms/fixture/versions/1.0.0/validate')
      .type('form')
      .send({ data: 'x' })
      .expect(415);
  });

  it('accepts application/*+json and a charset', async () => {
    await request(app)
      .post('/api/v1/forms/fixture/versions/1.0.0/validate')
      .set('Content-Type', 'application/merge-patch+json; charset=utf-8')
      .send(JSON.stringify({ data: fixtureData() }))
      .expect(200);
  });

  it('body over the limit → 413, nothing stored', async () => {
    const res = await request(app)
      .post('/api/v1/submissions')
      .set(alpha)
      .send({
        formId: 'fixture',
        version: '1.0.0',
        status: 'draft',
        data: fixtureData({ bemaerkning: 'x'.repeat(5000) }),
      })
      .expect(413);
    expect(res.body.type).toBe('https://skema.dk/problems/payload-too-large');
    expect((await store.list('alpha', {})).items).toEqual([]);
  });

  it('unknown path → 404 problem', async () => {
    const res = await request(app).get('/api/v1/nothing-here').expect(404);
    expect(res.body.type).toBe('https://skema.dk/problems/not-found');
  });

  it('an unexpected error → 500 problem without internals', async () => {
    const failing = createTestApp();
    failing.store.list = async () => {
      throw new Error('disk on fire at /var/secret');
    };
    const res = await request(failing.app).get('/api/v1/submissions').set(alpha).expect(500);
    expect(res.body.type).toBe('https://skema.dk/problems/internal');
    expect(JSON.stringify(res.body)).not.toContain('disk on fire');
  });
});

describe('security headers', () => {
  it('API responses: nothing in them may run, be framed or sniffed; no x-powered-by', async () => {
    const { app } = createTestApp();
    for (const res of [
      await request(app).get('/api/v1/forms'),
      await request(app).get('/api/v1/nothing-here').expect(404),
    ]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
    expect((await request(app).get('/api/v1/forms')).headers.vary).toMatch(/Accept-Language/);
  });

  it('pages get the full page policy, with the Ajv eval the browser validators need', async () => {
    const { app } = createTestApp();
    const res = await request(app).get('/docs/');
    expect(res.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-eval'");
    expect(res.headers['content-security-policy']).toContain("object-src 'none'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
  });
});
