import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { fixtureData } from '../testing/fixture-forms.js';
import { bearer, createTestApp, TEST_KEYS } from '../testing/test-app.js';

const caseworker = bearer(TEST_KEYS.caseworker);

describe('POST /api/v1/submissions', () => {
  it('creates a submitted submission: 201, Location, ETag, receipt and warnings', async () => {
    const { app, store } = createTestApp();
    const res = await request(app)
      .post('/api/v1/submissions')
      .set(caseworker)
      .send({ formId: 'fixture', version: '1.0.0', status: 'submitted', data: fixtureData({ navn: 'Bo' }) })
      .expect(201);
    const { submission } = res.body;
    expect(submission).toMatchObject({
      formId: 'fixture',
      version: '1.0.0',
      status: 'submitted',
      revision: 1,
      tenantId: 'alpha',
      createdBy: 'alpha-caseworker',
    });
    expect(res.headers.location!).toBe(`/api/v1/submissions/${submission.id}`);
    expect(res.headers.etag!).toBe(`"${submission.id}:1"`);
    expect(res.body.receipt).toMatchObject({
      formId: 'fixture',
      version: '1.0.0',
      schemaHash: expect.stringMatching(/^sha256-/),
    });
    expect(res.body.warnings.map((w: { code: string }) => w.code)).toEqual(['FIX-02']);
    expect(res.body.deadlines).toEqual([expect.objectContaining({ ruleId: 'FIX-P1', due: '2026-03-12' })]);
    expect(await store.get('alpha', submission.id)).toMatchObject({ id: submission.id, revision: 1 });
  });

  it('resolves `latest` to the exact version it stores', async () => {
    const { app } = createTestApp();
    const res = await request(app)
      .post('/api/v1/submissions')
      .set(caseworker)
      .send({ formId: 'fixture', version: 'latest', status: 'draft', data: {} })
      .expect(201);
    expect(res.body.submission.version).toBe('1.1.0');
  });

  it('accepts an incomplete draft (types only) but refuses wrong types in a draft', async () => {
    const { app } = createTestApp();
    await request(app)
      .post('/api/v1/submissions')
      .set(caseworker)
      .send({ formId: 'fixture', version: '1.0.0', status: 'draft', data: { alder: 40 } })
      .expect(201);
    const bad = await request(app)
      .post('/api/v1/submissions')
      .set(caseworker)
      .send({ formId: 'fixture', version: '1.0.0', status: 'draft', data: { alder: 'ti' } })
      .expect(422);
    expect(bad.body.issues).toEqual([expect.objectContaining({ path: '/alder', code: 'type' })]);
  });

  it('refuses invalid submitted data with 422 issues (JSON Pointer, rule id or keyword, localised message) and stores nothing', async () => {
    const { app, store } = createTestApp();
    const res = await request(app)
      .post('/api/v1/submissions')
      .set(caseworker)
      .set('Accept-Language', 'en')
      .send({ formId: 'fixture', version: '1.0.0', status: 'submitted', data: { alder: 30 } })
      .expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      type: 'https://skema.dk/problems/validation-failed',
      status: 422,
      title: 'Submission is not valid',
    });
    const codes = res.body.issues.map((i: { path: string; code: string }) => `${i.path} ${i.code}`);
    expect(codes).toEqual(expect.arrayContaining(['/navn required', '/bemaerkning FIX-01']));
    expect(res.body.issues.find((i: { code: string }) => i.code === 'FIX-01').message).toBe(
      '"Remark" is required for adults.',
    );
    expect((await store.list('alpha', {})).items).toEqual([]);
  });

  it('applies the tenant’s rule options (beta raises FIX-02 to an error with minLength 5)', async () => {
    const { app } = createTestApp();
    const data = fixtureData({ navn: 'Anna' });
    await request(app)
      .post('/api/v1/submissions')
      .set(caseworker)
      .send({ formId: 'fixture', version: '1.0.0', status: 'submitted', data })
      .expect(201);
    const beta = await request(app)
      .post('/api/v1/submissions')
      .set(bearer(TEST_KEYS.beta))
      .send({ formId: 'fixture', version: '1.0.0', status: 'submitted', data })
      .expect(422);
    expect(beta.body.issues).toEqual([expect.objectContaining({ code: 'FIX-02', path: '/navn', severity: 'error' })]);
  });

  it('404 for an unknown form or version', async () => {
    const { app } = createTestApp();
    await request(app)
      .post('/api/v1/submissions')
      .set(caseworker)
      .send({ formId: 'ukendt', version: '1.0.0', status: 'draft', data: {} })
      .expect(404);
    const res = await request(app)
      .post('/api/v1/submissions')
      .set(caseworker)
      .send({ formId: 'fixture', version: '7.0.0', status: 'draft', data: {} })
      .expect(404);
    expect(res.body.type).toBe('https://skema.dk/problems/form-not-found');
  });

  it('400 with issues for a body that breaks the request schema', async () => {
    const { app } = createTestApp();
    const res = await request(app)
      .post('/api/v1/submissions')
      .set(caseworker)
      .send({ formId: 'fixture', status: 'approved', data: [], extra: 1 })
      .expect(400);
    const codes = res.body.issues.map((i: { path: string; code: string }) => `${i.path} ${i.code}`);
    expect(codes).toEqual(
      expect.arrayContaining(['/version required', '/status enum', '/data type', '/extra additionalProperties']),
    );
  });

  it('400 without a body', async () => {
    const { app } = createTestApp();
    const res = await request(app).post('/api/v1/submissions').set(caseworker).expect(400);
    expect(res.body.type).toBe('https://skema.dk/problems/invalid-request');
  });
});

describe('Idempotency-Key', () => {
  const body = { formId: 'fixture', version: '1.0.0', status: 'submitted', data: fixtureData({ navn: 'Bo' }) };

  it('a retry returns the first result (same status and body) and stores no duplicate', async () => {
    const { app, store } = createTestApp();
    const first = await request(app)
      .post('/api/v1/submissions')
      .set(caseworker)
      .set('Idempotency-Key', 'k-1')
      .send(body)
      .expect(201);
    const retry = await request(app)
      .post('/api/v1/submissions')
      .set(caseworker)
      .set('Idempotency-Key', 'k-1')
      .send(body)
      .expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.location!).toBe(first.headers.location!);
    expect((await store.list('alpha', {})).items).toHaveLength(1);
  });

  it('the retry still returns the first result after the submission changed', async () => {
    const { app } = createTestApp();
    const first = await request(app)
      .post('/api/v1/submissions')
      .set(caseworker)
      .set('Idempotency-Key', 'k-2')
      .send(body)
      .expect(201);
    await request(app)
      .put(first.headers.location!)
      .set(caseworker)
      .set('If-Match', first.headers.etag!)
      .send({ data: fixtureData({ navn: 'Bodil' }) })
      .expect(200);
    const retry = await request(app)
      .post('/api/v1/submissions')
      .set(caseworker)
      .set('Idempotency-Key', 'k-2')
      .send(body)
      .expect(201);
    expect(retry.body).toEqual(first.body);
  });

  it('the same key with another body is a 422 problem', async () => {
    const { app, store } = createTestApp();
    await request(app).post('/api/v1/submissions').set(caseworker).set('Idempotency-Key', 'k-3').send(body).expect(201);
    const res = await request(app)
      .post('/api/v1/submissions')
      .set(caseworker)
      .set('Idempotency-Key', 'k-3')
      .send({ ...body, data: fixtureData({ navn: 'Anden' }) })
      .expect(422);
    expect(res.body.type).toBe('https://skema.dk/problems/idempotency-key-reused');
    expect((await store.list('alpha', {})).items).toHaveLength(1);
  });

  it('keys are per tenant', async () => {
    const { app, store } = createTestApp();
    await request(app)
      .post('/api/v1/submissions')
      .set(caseworker)
      .set('Idempotency-Key', 'shared')
      .send(body)
      .expect(201);
    const beta = await request(app)
      .post('/api/v1/submissions')
      .set(bearer(TEST_KEYS.beta))
      .set('Idempotency-Key', 'shared')
      .send({ ...body, data: fixtureData({ navn: 'Bodil Berg' }) })
      .expect(201);
    expect(beta.body.submission.tenantId).toBe('beta');
    expect((await store.list('beta', {})).items).toHaveLength(1);
  });

  it('refuses a malformed key', async () => {
    const { app } = createTestApp();
    await request(app)
      .post('/api/v1/submissions')
      .set(caseworker)
      .set('Idempotency-Key', 'a'.repeat(201))
      .send(body)
      .expect(400);
  });
});
