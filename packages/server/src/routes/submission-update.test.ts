import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { fixtureData } from '../testing/fixture-forms.js';
import { bearer, createTestApp, TEST_KEYS } from '../testing/test-app.js';

const alpha = bearer(TEST_KEYS.caseworker);

async function setup(status: 'draft' | 'submitted' = 'draft') {
  const t = createTestApp();
  const res = await request(t.app)
    .post('/api/v1/submissions')
    .set(alpha)
    .send({ formId: 'fixture', version: '1.0.0', status, data: fixtureData() })
    .expect(201);
  return { ...t, id: res.body.submission.id as string, url: res.headers.location!, etag: res.headers.etag! };
}

describe('PUT /api/v1/submissions/{id}', () => {
  it('updates with the current If-Match: 200, new revision and ETag', async () => {
    const { app, url, id, etag } = await setup();
    const res = await request(app)
      .put(url)
      .set(alpha)
      .set('If-Match', etag)
      .send({ data: fixtureData({ navn: 'Ændret' }) })
      .expect(200);
    expect(res.body.submission).toMatchObject({
      id,
      revision: 2,
      data: { navn: 'Ændret' },
      updatedBy: 'alpha-caseworker',
    });
    expect(res.headers.etag!).toBe(`"${id}:2"`);
  });

  it('428 without If-Match, 412 with a stale one; nothing is stored', async () => {
    const { app, url, id, store, etag } = await setup();
    const missing = await request(app)
      .put(url)
      .set(alpha)
      .send({ data: fixtureData({ navn: 'X1' }) })
      .expect(428);
    expect(missing.body.type).toBe('https://skema.dk/problems/precondition-required');
    await request(app)
      .put(url)
      .set(alpha)
      .set('If-Match', etag)
      .send({ data: fixtureData({ navn: 'Første' }) })
      .expect(200);
    const stale = await request(app)
      .put(url)
      .set(alpha)
      .set('If-Match', etag)
      .send({ data: fixtureData({ navn: 'Anden' }) })
      .expect(412);
    expect(stale.body.type).toBe('https://skema.dk/problems/precondition-failed');
    await request(app)
      .put(url)
      .set(alpha)
      .set('If-Match', `"other-id:2"`)
      .send({ data: fixtureData({ navn: 'Anden' }) })
      .expect(412);
    expect((await store.get('alpha', id))?.data).toMatchObject({ navn: 'Første' });
  });

  it('accepts If-Match: *', async () => {
    const { app, url } = await setup();
    await request(app)
      .put(url)
      .set(alpha)
      .set('If-Match', '*')
      .send({ data: fixtureData({ navn: 'Stjerne' }) })
      .expect(200);
  });

  it('validates by the submission’s status: a submitted one must stay valid (422)', async () => {
    const { app, url, etag, id, store } = await setup('submitted');
    const res = await request(app)
      .put(url)
      .set(alpha)
      .set('If-Match', etag)
      .send({ data: { navn: 'Kun navn' } })
      .expect(422);
    expect(res.body.issues).toEqual([expect.objectContaining({ path: '/alder', code: 'required' })]);
    expect((await store.get('alpha', id))?.revision).toBe(1);
  });

  it('moves a submission to another version of its form (action migrate)', async () => {
    const { app, url, etag } = await setup();
    const res = await request(app)
      .put(url)
      .set(alpha)
      .set('If-Match', etag)
      .send({ version: '1.1.0', data: fixtureData({ telefon: '12345678' }) })
      .expect(200);
    expect(res.body.submission.version).toBe('1.1.0');
    const revisions = await request(app).get(`${url}/revisions`).set(alpha).expect(200);
    expect(revisions.body.items[1]).toMatchObject({ action: 'migrate', version: '1.1.0' });
    await request(app)
      .put(url)
      .set(alpha)
      .set('If-Match', res.headers.etag!)
      .send({ version: '8.0.0', data: {} })
      .expect(404);
  });

  it('409 once the submission is final', async () => {
    const { app, url } = await setup();
    const withdrawn = await request(app)
      .post(`${url}/status`)
      .set('If-Match', '*')
      .set(alpha)
      .send({ status: 'withdrawn' })
      .expect(200);
    const res = await request(app)
      .put(url)
      .set(alpha)
      .set('If-Match', withdrawn.headers.etag!)
      .send({ data: fixtureData() })
      .expect(409);
    expect(res.body.type).toBe('https://skema.dk/problems/not-editable');
  });

  it('400 for a body without data', async () => {
    const { app, url, etag } = await setup();
    await request(app).put(url).set(alpha).set('If-Match', etag).send({ status: 'submitted' }).expect(400);
  });
});
