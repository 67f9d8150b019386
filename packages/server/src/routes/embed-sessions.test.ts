import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { fixtureData } from '../testing/fixture-forms.js';
import { bearer, createTestApp, TEST_KEYS, testConfig } from '../testing/test-app.js';

const PORTAL_KEY = 'alpha-portal-backend-key-01';
const portal = bearer(PORTAL_KEY);

/** Tenant alpha with a portal backend's key (role integration) besides the test keys. */
function app(now?: () => Date) {
  const config = testConfig();
  config.tenants[0]!.keys.push({ id: 'alpha-portal', key: PORTAL_KEY, roles: ['integration'] });
  return createTestApp({ config, ...(now ? { now } : {}) });
}

async function openSession(
  server: ReturnType<typeof app>['app'],
  formId = 'fixture',
  version = '1.0.0',
): Promise<{ token: string; expiresAt: string }> {
  const res = await request(server).post('/api/v1/embed-sessions').set(portal).send({ formId, version }).expect(201);
  expect(res.headers['cache-control']).toBe('no-store');
  return res.body as { token: string; expiresAt: string };
}

const submitted = (data = fixtureData()) => ({ formId: 'fixture', version: '1.0.0', status: 'submitted', data });

describe('POST /api/v1/embed-sessions', () => {
  it('gives a portal backend (role integration) a short-lived token for one form version', async () => {
    const now = new Date('2026-03-01T10:00:00Z');
    const { app: server } = app(() => now);
    const res = await request(server)
      .post('/api/v1/embed-sessions')
      .set(portal)
      .send({ formId: 'fixture', version: 'latest' })
      .expect(201);
    expect(res.body).toEqual({
      token: expect.stringMatching(/^skema_es_[\w-]{43}$/),
      expiresAt: '2026-03-01T10:15:00.000Z',
      formId: 'fixture',
      version: '1.1.0',
    });
  });

  it('is refused to keys without role integration, to embed tokens, and for unknown forms or bad bodies', async () => {
    const { app: server } = app();
    await request(server)
      .post('/api/v1/embed-sessions')
      .set(bearer(TEST_KEYS.admin))
      .send({ formId: 'fixture', version: '1.0.0' })
      .expect(403);
    await request(server).post('/api/v1/embed-sessions').send({ formId: 'fixture', version: '1.0.0' }).expect(401);
    const { token } = await openSession(server);
    await request(server)
      .post('/api/v1/embed-sessions')
      .set(bearer(token))
      .send({ formId: 'fixture', version: '1.0.0' })
      .expect(403);
    await request(server)
      .post('/api/v1/embed-sessions')
      .set(portal)
      .send({ formId: 'nope', version: '1.0.0' })
      .expect(404);
    const bad = await request(server)
      .post('/api/v1/embed-sessions')
      .set(portal)
      .set('Accept-Language', 'en')
      .send({ formId: 'Fixture!' })
      .expect(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path)).toEqual(['/formId', '/version']);
  });
});

describe('an embed session token', () => {
  it('loads and validates its form, creates one submission and reads its receipt', async () => {
    const { app: server } = app();
    const { token } = await openSession(server);
    const t = bearer(token);
    await request(server).get('/api/v1/forms/fixture/versions/1.0.0').set(t).expect(200);
    await request(server).get('/api/v1/forms/fixture').set(t).expect(200);
    await request(server)
      .post('/api/v1/forms/fixture/versions/1.0.0/validate')
      .set(t)
      .send({ data: fixtureData() })
      .expect(200);
    const created = await request(server).post('/api/v1/submissions').set(t).send(submitted()).expect(201);
    const id = created.body.submission.id as string;
    expect(created.body.submission.createdBy).toBe('embed:alpha-portal');
    const read = await request(server).get(`/api/v1/submissions/${id}`).set(t).expect(200);
    expect(read.body.id).toBe(id);
  });

  it('cannot list, read another submission, create a second one, or reach any other form or route (403)', async () => {
    const { app: server } = app();
    const other = await request(server)
      .post('/api/v1/submissions')
      .set(bearer(TEST_KEYS.caseworker))
      .send(submitted())
      .expect(201);
    const { token } = await openSession(server);
    const t = bearer(token);
    const mine = await request(server).post('/api/v1/submissions').set(t).send(submitted()).expect(201);
    const second = await request(server).post('/api/v1/submissions').set(t).send(submitted()).expect(403);
    expect(second.body.type).toBe('https://skema.dk/problems/forbidden');
    const id = mine.body.submission.id as string;
    const refused: [string, string, unknown?][] = [
      ['get', '/api/v1/submissions'],
      ['get', `/api/v1/submissions/${other.body.submission.id}`],
      ['get', `/api/v1/submissions/${id}/revisions`],
      ['put', `/api/v1/submissions/${id}`, submitted()],
      ['post', `/api/v1/submissions/${id}/status`, { status: 'closed' }],
      ['get', '/api/v1/audit'],
      ['get', '/api/v1/forms'],
      ['get', '/api/v1/rules'],
      ['get', '/api/v1/forms/fixture/versions/1.1.0'],
      ['post', '/api/v1/forms/fixture/versions/1.1.0/validate', { data: {} }],
      ['get', '/api/v1/auth/me'],
      ['get', '/api/v1/admin/form-configs'],
    ];
    for (const [method, path, body] of refused) {
      const res = await request(server)
        [method as 'get'](path)
        .set(t)
        .set('If-Match', '*')
        .send(body as object);
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    // A submission of another form (or version) is not its to create either.
    const { token: fresh } = await openSession(server);
    await request(server)
      .post('/api/v1/submissions')
      .set(bearer(fresh))
      .send({ ...submitted(), version: '1.1.0' })
      .expect(403);
  });

  it('creates exactly one submission when two creates race', async () => {
    const { app: server, store } = app();
    const { token } = await openSession(server);
    const results = await Promise.all(
      [1, 2, 3].map(() => request(server).post('/api/v1/submissions').set(bearer(token)).send(submitted())),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 403, 403]);
    expect((await store.list('alpha', {})).items).toHaveLength(1);
  });

  it('gives the creation back when the create fails (422), so the citizen can correct and submit', async () => {
    const { app: server } = app();
    const { token } = await openSession(server);
    await request(server)
      .post('/api/v1/submissions')
      .set(bearer(token))
      .send(submitted({ navn: 42 }))
      .expect(422);
    await request(server).post('/api/v1/submissions').set(bearer(token)).send(submitted()).expect(201);
  });

  it('expires: 401 with invalid_token after its lifetime', async () => {
    let now = new Date('2026-03-01T10:00:00Z');
    const { app: server } = app(() => now);
    const { token } = await openSession(server);
    await request(server).get('/api/v1/forms/fixture/versions/1.0.0').set(bearer(token)).expect(200);
    now = new Date('2026-03-01T10:15:00Z');
    const res = await request(server).get('/api/v1/forms/fixture/versions/1.0.0').set(bearer(token)).expect(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="skema", error="invalid_token"');
  });
});
