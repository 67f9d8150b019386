import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DEV_KEYS, devConfig } from '../config/dev-config.js';
import { bearer, createTestApp, TEST_KEYS, testConfig } from '../testing/test-app.js';
import { tenantConfigApp } from '../testing/tenant-config-app.js';
import { fixtureData } from '../testing/fixture-forms.js';

const TOKEN = 'metrics-token-for-tests-0001';
const nordby = bearer(DEV_KEYS.nordby);
const ADMIN = '/api/v1/admin/form-configs';

/** An own form with an open field (`noter` takes any JSON), published for Nordby. */
const ownForm = {
  manifest: {
    title: { da: 'Nordbys hemmelige skema', en: 'Nordby secret form' },
    plugins: [],
    changelog: 'Første version.',
  },
  schema: { type: 'object', properties: { emne: { type: 'string' }, noter: {} } },
  uischema: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/emne' }] },
  i18n: { da: { 'emne.label': 'Emne' }, en: { 'emne.label': 'Subject' } },
  examples: { valid: [{ name: 'ok', data: { emne: 'Møde' } }], invalid: [] },
};

async function publishOwnForm(app: Parameters<typeof request>[0], id: string): Promise<void> {
  await request(app).put(`${ADMIN}/form/${id}/1.0.0`).set(nordby).send(ownForm).expect(200);
  await request(app).post(`${ADMIN}/form/${id}/1.0.0/publish`).set(nordby).expect(200);
}

describe('/metrics is not open to anyone', () => {
  it('answers 404 without a configured token (outside development), and with a wrong or missing token', async () => {
    const { app } = createTestApp();
    await request(app).get('/metrics').expect(404);
    const guarded = createTestApp({ config: testConfig({ metricsToken: TOKEN }) }).app;
    await request(guarded).get('/metrics').expect(404);
    await request(guarded).get('/metrics').set(bearer('wrong-token-wrong-token')).expect(404);
    await request(guarded).get('/metrics').set(bearer(TEST_KEYS.admin)).expect(404);
    const res = await request(guarded).get('/metrics').set(bearer(TOKEN)).expect(200);
    expect(res.text).toContain('skema_http_requests_total');
  });

  it('is served openly only when the configuration says so (development)', async () => {
    const { app } = createTestApp({ config: testConfig({ openMetrics: true }) });
    await request(app).get('/metrics').expect(200);
  });

  it('labels validations of a tenant’s own form as own-form, never by its private id; national forms keep theirs', async () => {
    const { app } = tenantConfigApp({ config: { ...devConfig(), metricsToken: TOKEN } });
    await publishOwnForm(app, 'nordbyHemmeligtProjekt');
    await request(app)
      .post('/api/v1/forms/nordbyHemmeligtProjekt/versions/1.0.0/validate')
      .set(nordby)
      .send({ data: { emne: 'x' } })
      .expect(200);
    await request(app).post('/api/v1/forms/aftaleskema/versions/1.0.0/validate').send({ data: {} }).expect(200);
    const text = (await request(app).get('/metrics').set(bearer(TOKEN)).expect(200)).text;
    expect(text).not.toContain('nordbyHemmeligtProjekt');
    expect(text).toMatch(/skema_validations_total\{form="own-form",outcome="valid"\} 1/);
    expect(text).toMatch(/skema_validations_total\{form="aftaleskema",outcome="invalid"\} 1/);
  });
});

describe('/readyz and /healthz answer a status only', () => {
  it('shows no store details or counts', async () => {
    const { app } = createTestApp();
    await request(app)
      .post('/api/v1/submissions')
      .set(bearer(TEST_KEYS.caseworker))
      .send({ formId: 'fixture', version: '1.0.0', status: 'draft', data: fixtureData() })
      .expect(201);
    expect((await request(app).get('/readyz').expect(200)).body).toEqual({ status: 'ok' });
    expect((await request(app).get('/healthz').expect(200)).body).toEqual({ status: 'ok' });
  });
});

describe('data nested thousands of levels deep in an own form’s open field', () => {
  it('is refused with 413 naming the depth limit (was 500), on validate and on create', async () => {
    const { app } = tenantConfigApp();
    await publishOwnForm(app, 'nordbyDybt');
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const body = `{"data":{"emne":"x","noter":${deep}}}`;
    const validate = await request(app)
      .post('/api/v1/forms/nordbyDybt/versions/1.0.0/validate')
      .set(nordby)
      .set('Content-Type', 'application/json')
      .send(body)
      .expect(413);
    expect(validate.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(validate.body).toMatchObject({
      type: 'https://skema.dk/problems/payload-too-large',
      limit: { name: 'dataDepth', max: 64 },
    });
    const create = `{"formId":"nordbyDybt","version":"1.0.0","status":"draft","data":{"emne":"x","noter":${deep}}}`;
    const created = await request(app)
      .post('/api/v1/submissions')
      .set(nordby)
      .set('Content-Type', 'application/json')
      .send(create)
      .expect(413);
    expect(created.body.limit).toEqual({ name: 'dataDepth', max: 64 });
  });
});
