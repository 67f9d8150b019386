import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { fixtureData } from '../testing/fixture-forms.js';
import { MemorySubmissionStore } from '../testing/memory-store.js';
import { bearer, createTestApp, TEST_KEYS, testConfig } from '../testing/test-app.js';

const METRICS_TOKEN = 'metrics-token-for-tests-0001';

describe('health', () => {
  it('/healthz is up; /readyz follows store.health()', async () => {
    const store = new MemorySubmissionStore();
    const { app } = createTestApp({ store });
    expect((await request(app).get('/healthz').expect(200)).body).toEqual({ status: 'ok' });
    const ready = await request(app).get('/readyz').expect(200);
    expect(ready.body).toEqual({ status: 'ok' });
    store.healthy = false;
    expect((await request(app).get('/readyz').expect(503)).body.status).toBe('unavailable');
  });
});

describe('GET /metrics', () => {
  it('counts requests by route template and status, validations by form and outcome, and store latency', async () => {
    const { app } = createTestApp({ config: testConfig({ metricsToken: METRICS_TOKEN }) });
    const created = await request(app)
      .post('/api/v1/submissions')
      .set(bearer(TEST_KEYS.caseworker))
      .send({ formId: 'fixture', version: '1.0.0', status: 'submitted', data: fixtureData() })
      .expect(201);
    await request(app).get(created.headers.location!).set(bearer(TEST_KEYS.caseworker)).expect(200);
    await request(app).get('/api/v1/submissions/unknown').set(bearer(TEST_KEYS.caseworker)).expect(404);
    await request(app).post('/api/v1/forms/fixture/versions/1.0.0/validate').send({ data: {} }).expect(200);
    const res = await request(app).get('/metrics').set(bearer(METRICS_TOKEN)).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.text;
    expect(text).toMatch(
      /skema_http_requests_total\{method="GET",route="\/api\/v1\/submissions\/:id",status="200"\} 1/,
    );
    expect(text).toMatch(
      /skema_http_requests_total\{method="GET",route="\/api\/v1\/submissions\/:id",status="404"\} 1/,
    );
    expect(text).toMatch(
      /skema_http_request_duration_seconds_bucket\{le="[^"]+",method="POST",route="\/api\/v1\/submissions",status="201"\}/,
    );
    expect(text).toMatch(/skema_validations_total\{form="fixture",outcome="valid"\} 1/);
    expect(text).toMatch(/skema_validations_total\{form="fixture",outcome="invalid"\} 1/);
    expect(text).toMatch(/skema_store_operation_duration_seconds_count\{operation="create",outcome="ok"\} 1/);
    expect(text).not.toContain('unknown"');
  });
});

describe('GET /api/v1/rules', () => {
  it('lists the catalogue with id, forms, severity, kind, source, options and plugin', async () => {
    const { app } = createTestApp();
    const res = await request(app).get('/api/v1/rules').expect(200);
    const byId = Object.fromEntries(res.body.items.map((r: { id: string }) => [r.id, r]));
    expect(byId['FIX-01']).toMatchObject({
      kind: 'rule',
      severity: 'error',
      forms: ['fixture'],
      source: 'test fixture',
      plugin: { name: '@skema/plugin-fixture', version: '1.0.0' },
    });
    expect(byId['FIX-02'].options.minLength).toMatchObject({ default: 3, schema: { type: 'integer', minimum: 1 } });
    expect(byId['FIX-P1']).toMatchObject({ kind: 'deadline' });
    expect(byId['FIX-P1']).not.toHaveProperty('severity');
  });

  it('says which date a rule judges (issue #13), described in Danish and English; a rule that reads no date has none', async () => {
    const { app } = createTestApp();
    const res = await request(app).get('/api/v1/rules').expect(200);
    const byId = Object.fromEntries(res.body.items.map((r: { id: string }) => [r.id, r]));
    expect(byId['FIX-P1'].judgedDate).toEqual({
      kind: 'field',
      pointer: '/moededato',
      description: { da: 'datoen i /moededato', en: 'the date in /moededato' },
    });
    expect(byId['FIX-01']).not.toHaveProperty('judgedDate');
  });
});

describe('GET /api/v1/audit', () => {
  it('records create, read, list, update and status with who and when, never data', async () => {
    const { app } = createTestApp();
    const alpha = bearer(TEST_KEYS.caseworker);
    const created = await request(app)
      .post('/api/v1/submissions')
      .set(alpha)
      .send({ formId: 'fixture', version: '1.0.0', status: 'draft', data: fixtureData() })
      .expect(201);
    const id = created.body.submission.id;
    await request(app).get(created.headers.location!).set(alpha).expect(200);
    await request(app)
      .put(created.headers.location!)
      .set(alpha)
      .set('If-Match', created.headers.etag!)
      .send({ data: fixtureData({ navn: 'Anden' }) })
      .expect(200);
    await request(app)
      .post(`${created.headers.location!}/status`)
      .set('If-Match', '*')
      .set(alpha)
      .send({ status: 'submitted' })
      .expect(200);
    await request(app).get('/api/v1/submissions').set(alpha).expect(200);

    const all = await request(app).get('/api/v1/audit').set(bearer(TEST_KEYS.auditor)).expect(200);
    expect(all.body.items.map((a: { action: string }) => a.action)).toEqual([
      'create',
      'read',
      'update',
      'status',
      'list',
    ]);
    const one = await request(app).get(`/api/v1/audit?submissionId=${id}`).set(bearer(TEST_KEYS.auditor)).expect(200);
    expect(one.body.items).toHaveLength(4);
    expect(one.body.items[0]).toMatchObject({
      tenantId: 'alpha',
      actor: 'alpha-caseworker',
      action: 'create',
      submissionId: id,
    });
    expect(JSON.stringify(all.body)).not.toContain('Testbarn');
    expect(JSON.stringify(all.body)).not.toContain('010190');
    const paged = await request(app).get('/api/v1/audit?limit=2').set(bearer(TEST_KEYS.auditor)).expect(200);
    expect(paged.body.items).toHaveLength(2);
    expect(paged.body.nextCursor).toEqual(expect.any(String));
  });
});

describe('OpenAPI and docs', () => {
  const { app } = createTestApp();

  it('serves the generated OpenAPI 3.1 document', async () => {
    const res = await request(app).get('/api/v1/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/submissions',
        '/api/v1/submissions/{id}/status',
        '/api/v1/forms/{formId}/versions/{version}/validate',
      ]),
    );
    expect(res.body.paths['/api/v1/submissions'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/SubmissionCreate',
    });
    expect(res.body.components.schemas.Problem.required).toEqual(['type', 'title', 'status']);
  });

  it('serves Swagger UI locally at /docs, pointed at the document', async () => {
    await request(app).get('/docs').expect(301).expect('Location', '/docs/');
    const page = await request(app).get('/docs/').expect(200);
    expect(page.text).toContain('swagger-ui');
    const init = await request(app).get('/docs/swagger-initializer.js').expect(200);
    expect(init.text).toContain("url: '/api/v1/openapi.json'");
    await request(app).get('/docs/swagger-ui-bundle.js').expect(200);
  });
});
