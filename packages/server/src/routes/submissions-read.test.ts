import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { fixtureData } from '../testing/fixture-forms.js';
import { bearer, createTestApp, TEST_KEYS } from '../testing/test-app.js';

const alpha = bearer(TEST_KEYS.caseworker);
const beta = bearer(TEST_KEYS.beta);

async function create(
  app: Parameters<typeof request>[0],
  auth: Record<string, string>,
  overrides: Record<string, unknown> = {},
) {
  const res = await request(app)
    .post('/api/v1/submissions')
    .set(auth)
    .send({ formId: 'fixture', version: '1.0.0', status: 'draft', data: fixtureData(), ...overrides })
    .expect(201);
  return res.body.submission as { id: string; revision: number };
}

describe('GET /api/v1/submissions/{id}', () => {
  it('reads a submission with its ETag; 304 on If-None-Match', async () => {
    const { app } = createTestApp();
    const { id } = await create(app, alpha);
    const res = await request(app).get(`/api/v1/submissions/${id}`).set(alpha).expect(200);
    expect(res.body).toMatchObject({ id, revision: 1, data: fixtureData() });
    expect(res.headers.etag!).toBe(`"${id}:1"`);
    await request(app).get(`/api/v1/submissions/${id}`).set(alpha).set('If-None-Match', `"${id}:1"`).expect(304);
  });

  it('404 for an unknown id', async () => {
    const { app } = createTestApp();
    const res = await request(app).get('/api/v1/submissions/does-not-exist').set(alpha).expect(404);
    expect(res.body.type).toBe('https://skema.dk/problems/not-found');
  });
});

describe('tenant isolation', () => {
  it('another tenant’s submission is 404 (not 403) for read, revisions, PUT and status, and absent from lists', async () => {
    const { app, store } = createTestApp();
    const { id } = await create(app, alpha);
    await request(app).get(`/api/v1/submissions/${id}`).set(beta).expect(404);
    await request(app).get(`/api/v1/submissions/${id}/revisions`).set(beta).expect(404);
    await request(app)
      .put(`/api/v1/submissions/${id}`)
      .set(beta)
      .set('If-Match', `"${id}:1"`)
      .send({ data: fixtureData() })
      .expect(404);
    await request(app)
      .post(`/api/v1/submissions/${id}/status`)
      .set('If-Match', '*')
      .set(beta)
      .send({ status: 'submitted' })
      .expect(404);
    const list = await request(app).get('/api/v1/submissions').set(beta).expect(200);
    expect(list.body.items).toEqual([]);
    const audit = await request(app).get(`/api/v1/audit?submissionId=${id}`).set(beta).expect(200);
    expect(audit.body.items).toEqual([]);
    expect((await store.get('alpha', id))?.revision).toBe(1);
  });
});

describe('GET /api/v1/submissions', () => {
  it('filters by formId, version, status and updatedSince', async () => {
    let clock = Date.parse('2026-01-01T10:00:00Z');
    const { app } = createTestApp({ now: () => new Date(clock) });
    const a = await create(app, alpha);
    clock += 60_000;
    const b = await create(app, alpha, { version: '1.1.0', status: 'submitted' });
    clock += 60_000;
    await create(app, alpha, { formId: 'underretning', data: {} });
    await create(app, beta);

    const ids = async (query: string) =>
      (await request(app).get(`/api/v1/submissions${query}`).set(alpha).expect(200)).body.items.map(
        (s: { id: string }) => s.id,
      );
    // Newest change first, as every store lists.
    expect(await ids('?formId=fixture')).toEqual([b.id, a.id]);
    expect(await ids('?formId=fixture&version=1.1.0')).toEqual([b.id]);
    expect(await ids('?status=submitted')).toEqual([b.id]);
    expect((await ids('?updatedSince=2026-01-01T10:00:30Z')).length).toBe(2);
    expect((await ids('')).length).toBe(3);
  });

  it('pages with limit and cursor, newest first, and ends without nextCursor', async () => {
    // A clock that moves on every reading, so each submission is newer than the one before it.
    let clock = Date.parse('2026-01-01T10:00:00Z');
    const { app } = createTestApp({ now: () => new Date((clock += 1000)) });
    const created = [];
    for (let i = 0; i < 5; i++) created.push((await create(app, alpha)).id);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await request(app)
        .get(`/api/v1/submissions?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
        .set(alpha)
        .expect(200);
      seen.push(...res.body.items.map((s: { id: string }) => s.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual([...created].reverse());
    expect(pages).toBe(3);
  });

  it('400 for bad query parameters and a bad cursor', async () => {
    const { app } = createTestApp();
    for (const q of ['limit=0', 'limit=101', 'limit=abc', 'status=done', 'updatedSince=yesterday']) {
      const res = await request(app).get(`/api/v1/submissions?${q}`).set(alpha);
      expect(res.status, q).toBe(400);
      expect(res.body.issues.length, q).toBeGreaterThan(0);
    }
    await request(app).get('/api/v1/submissions?cursor=not-a-cursor').set(alpha).expect(400);
  });
});

describe('GET /api/v1/submissions/{id}/revisions', () => {
  it('lists who, when, which action and the JSON Patch of each change', async () => {
    let clock = Date.parse('2026-02-01T08:00:00Z');
    const { app } = createTestApp({ now: () => new Date((clock += 1000)) });
    const { id } = await create(app, alpha);
    const createdAt = (await request(app).get(`/api/v1/submissions/${id}`).set(alpha)).body.createdAt;
    await request(app)
      .put(`/api/v1/submissions/${id}`)
      .set(alpha)
      .set('If-Match', `"${id}:1"`)
      .send({ data: fixtureData({ navn: 'Ny Navnesen', bemaerkning: 'tilføjet' }) })
      .expect(200);
    await request(app)
      .post(`/api/v1/submissions/${id}/status`)
      .set('If-Match', '*')
      .set(alpha)
      .send({ status: 'submitted' })
      .expect(200);
    const res = await request(app).get(`/api/v1/submissions/${id}/revisions`).set(alpha).expect(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({ revision: 1, action: 'create', by: 'alpha-caseworker', status: 'draft', changes: [] }),
      expect.objectContaining({
        revision: 2,
        action: 'update',
        changes: expect.arrayContaining([
          { op: 'replace', path: '/data/navn', value: 'Ny Navnesen' },
          { op: 'add', path: '/data/bemaerkning', value: 'tilføjet' },
        ]),
      }),
      expect.objectContaining({
        revision: 3,
        action: 'status',
        status: 'submitted',
        changes: [{ op: 'replace', path: '/status', value: 'submitted' }],
      }),
    ]);
    expect(createdAt).toMatch(/^2026-02-01T08:00:0\d\.000Z$/);
    expect(res.body.items[0].at).toBe(createdAt);
    expect(res.body.items[0]).not.toHaveProperty('data');
  });
});
