import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { fixtureData } from '../testing/fixture-forms.js';
import { bearer, createTestApp, TEST_KEYS } from '../testing/test-app.js';

describe('POST /api/v1/forms/{formId}/versions/{version}/validate', () => {
  const { app, store } = createTestApp();
  const url = '/api/v1/forms/fixture/versions/1.0.0/validate';

  it('returns the engine result for valid data', async () => {
    const res = await request(app).post(url).send({ data: fixtureData() }).expect(200);
    expect(res.body).toMatchObject({
      valid: true,
      errors: [],
      warnings: [],
      receipt: { formId: 'fixture', version: '1.0.0' },
    });
    expect(res.body.derived.deadlines).toHaveLength(1);
  });

  it('returns errors (200, not stored) in Danish by default and English on request', async () => {
    const da = await request(app)
      .post(url)
      .send({ data: { alder: 20 } })
      .expect(200);
    expect(da.body.valid).toBe(false);
    expect(da.body.errors.map((e: { code: string }) => e.code).sort()).toEqual(['FIX-01', 'required']);
    expect(da.body.errors.find((e: { code: string }) => e.code === 'FIX-01').message).toBe(
      '«Bemærkning» skal udfyldes for voksne.',
    );
    const en = await request(app)
      .post(url)
      .set('Accept-Language', 'en')
      .send({ data: { alder: 20 } })
      .expect(200);
    expect(en.body.errors.find((e: { code: string }) => e.code === 'FIX-01').message).toBe(
      '"Remark" is required for adults.',
    );
    expect((await store.list('alpha', {})).items).toEqual([]);
  });

  it('draft mode checks types only', async () => {
    const res = await request(app)
      .post(url)
      .send({ data: { alder: 20 }, mode: 'draft' })
      .expect(200);
    expect(res.body.valid).toBe(true);
  });

  it('uses the reference date given as today', async () => {
    const res = await request(app)
      .post(url)
      .send({ data: fixtureData({ moededato: '2026-01-01' }), today: '2026-01-05' })
      .expect(200);
    expect(res.body.derived.deadlines[0]).toMatchObject({ due: '2026-01-11', status: 'pending' });
  });

  it('applies the tenant’s rule options when a key is given', async () => {
    const data = fixtureData({ navn: 'Anna' });
    const anonymous = await request(app).post(url).send({ data }).expect(200);
    expect(anonymous.body.valid).toBe(true);
    const beta = await request(app).post(url).set(bearer(TEST_KEYS.beta)).send({ data }).expect(200);
    expect(beta.body.valid).toBe(false);
    expect(beta.body.errors[0]).toMatchObject({ code: 'FIX-02', severity: 'error' });
  });

  it('404 for unknown form or version; 400 for a body without data', async () => {
    await request(app).post('/api/v1/forms/ukendt/versions/1.0.0/validate').send({ data: {} }).expect(404);
    await request(app).post('/api/v1/forms/fixture/versions/3.0.0/validate').send({ data: {} }).expect(404);
    const res = await request(app).post(url).send({ dato: {} }).expect(400);
    expect(res.body.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['/data', '/dato']));
  });
});
