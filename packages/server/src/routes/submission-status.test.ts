import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureData } from '../testing/fixture-forms.js';
import { startPersonTokens, type PersonTokens } from '../testing/person-tokens.js';
import { bearer, createTestApp, TEST_KEYS, testConfig } from '../testing/test-app.js';

const caseworker = bearer(TEST_KEYS.caseworker);
const fagkonsulent = bearer(TEST_KEYS.fagkonsulent);

// Approvals are acts of signed-in people: the approvers below are persons with real tokens.
let people: PersonTokens;
let frederik: { Authorization: string };
let fenja: { Authorization: string };
let lene: { Authorization: string };
let both: { Authorization: string };
beforeAll(async () => {
  people = await startPersonTokens();
  frederik = await people.as('alpha-fagkonsulent', ['caseworker', 'fagkonsulent'], 'Frederik Fagkonsulent');
  fenja = await people.as('alpha-fagkonsulent-2', ['caseworker', 'fagkonsulent'], 'Fenja Fagkonsulent');
  lene = await people.as('alpha-leder', ['caseworker', 'leder'], 'Lene Leder');
  both = await people.as('alpha-fk-leder', ['fagkonsulent', 'leder'], 'Bo Begge');
});
afterAll(() => people.close());

async function create(
  formId: string,
  data: Record<string, unknown>,
  status: 'draft' | 'submitted' = 'draft',
  auth = fagkonsulent,
) {
  const t = createTestApp({ config: people.config(testConfig()) });
  const res = await request(t.app)
    .post('/api/v1/submissions')
    .set(auth)
    .send({ formId, version: '1.0.0', status, data })
    .expect(201);
  return { ...t, id: res.body.submission.id as string, url: res.headers.location! };
}

describe('POST /api/v1/submissions/{id}/status', () => {
  it('moves draft → submitted → approved and records each step', async () => {
    const { app, url, store, id } = await create('fixture', fixtureData());
    const submitted = await request(app)
      .post(`${url}/status`)
      .set('If-Match', '*')
      .set(caseworker)
      .send({ status: 'submitted' })
      .expect(200);
    expect(submitted.body.submission).toMatchObject({ status: 'submitted', revision: 2 });
    expect(submitted.headers.etag!).toBe(`"${id}:2"`);
    const approved = await request(app)
      .post(`${url}/status`)
      .set(fagkonsulent)
      .set('If-Match', submitted.headers.etag!)
      .send({ status: 'approved' })
      .expect(200);
    expect(approved.body.submission.status).toBe('approved');
    const audit = await store.queryAudit('alpha', { submissionId: id });
    expect(audit.items.filter((a) => a.action === 'status').map((a) => a.details)).toEqual([
      expect.objectContaining({ from: 'draft', to: 'submitted' }),
      expect.objectContaining({ from: 'submitted', to: 'approved' }),
    ]);
  });

  it('422 with issues when the data is not complete enough for submitted', async () => {
    const { app, url, store, id } = await create('fixture', { navn: 'Kun et navn' });
    const res = await request(app)
      .post(`${url}/status`)
      .set('If-Match', '*')
      .set(caseworker)
      .send({ status: 'submitted' })
      .expect(422);
    expect(res.body.issues).toEqual([expect.objectContaining({ path: '/alder', code: 'required' })]);
    expect((await store.get('alpha', id))?.status).toBe('draft');
  });

  it('409 for a transition the status graph does not allow', async () => {
    const { app, url } = await create('fixture', fixtureData());
    const res = await request(app)
      .post(`${url}/status`)
      .set('If-Match', '*')
      .set(fagkonsulent)
      .send({ status: 'approved' })
      .expect(409);
    expect(res.body.type).toBe('https://skema.dk/problems/invalid-transition');
    await request(app).post(`${url}/status`).set('If-Match', '*').set(caseworker).send({ status: 'draft' }).expect(409);
  });

  it('403 when the role may not take the decision; 412 on a stale If-Match; 400 on an unknown status', async () => {
    const { app, url, id } = await create('fixture', fixtureData(), 'submitted');
    await request(app)
      .post(`${url}/status`)
      .set('If-Match', '*')
      .set(caseworker)
      .send({ status: 'approved' })
      .expect(403);
    await request(app)
      .post(`${url}/status`)
      .set('If-Match', '*')
      .set(bearer(TEST_KEYS.admin))
      .send({ status: 'rejected' })
      .expect(403);
    await request(app)
      .post(`${url}/status`)
      .set(fagkonsulent)
      .set('If-Match', `"${id}:7"`)
      .send({ status: 'rejected' })
      .expect(412);
    await request(app)
      .post(`${url}/status`)
      .set('If-Match', '*')
      .set(fagkonsulent)
      .send({ status: 'done' })
      .expect(400);
    const rejected = await request(app)
      .post(`${url}/status`)
      .set('If-Match', '*')
      .set(fagkonsulent)
      .send({ status: 'rejected' })
      .expect(200);
    expect(rejected.body.submission.status).toBe('rejected');
    await request(app).post(`${url}/status`).set('If-Match', '*').set(caseworker).send({ status: 'draft' }).expect(200);
  });
});

describe('leveranceaftale approval (LEV-07)', () => {
  it('a fagkonsulent approves an ordinary agreement alone', async () => {
    const { app, url } = await create('leveranceaftale', { formaal: 'Rådgivning' }, 'submitted');
    await request(app).post(`${url}/status`).set('If-Match', '*').set(lene).send({ status: 'approved' }).expect(403);
    const res = await request(app)
      .post(`${url}/status`)
      .set('If-Match', '*')
      .set(frederik)
      .send({ status: 'approved' })
      .expect(200);
    expect(res.body.submission.status).toBe('approved');
  });

  it('højpris: the fagkonsulent approves first (202, pending leder), then another person as leder (200)', async () => {
    const { app, url } = await create('leveranceaftale', { formaal: 'Rådgivning', hoejpris: true }, 'submitted');
    const early = await request(app)
      .post(`${url}/status`)
      .set('If-Match', '*')
      .set(lene)
      .send({ status: 'approved' })
      .expect(403);
    expect(early.body.issues[0].code).toBe('LEV-07');

    const first = await request(app)
      .post(`${url}/status`)
      .set('If-Match', '*')
      .set(frederik)
      .send({ status: 'approved' })
      .expect(202);
    expect(first.body.pendingApprovals).toEqual(['leder']);
    expect(first.body.submission.status).toBe('submitted');

    const notLeder = await request(app)
      .post(`${url}/status`)
      .set('If-Match', '*')
      .set(frederik)
      .send({ status: 'approved' })
      .expect(403);
    expect(notLeder.body.issues[0].code).toBe('LEV-07');

    const second = await request(app)
      .post(`${url}/status`)
      .set(lene)
      .set('If-Match', first.headers.etag!)
      .send({ status: 'approved' })
      .expect(200);
    expect(second.body.submission.status).toBe('approved');
    expect(second.body).not.toHaveProperty('pendingApprovals');
  });

  it('højpris: the same person cannot give both approvals', async () => {
    const { app, url } = await create('leveranceaftale', { formaal: 'Rådgivning', hoejpris: true }, 'submitted', both);
    await request(app).post(`${url}/status`).set('If-Match', '*').set(both).send({ status: 'approved' }).expect(202);
    const res = await request(app)
      .post(`${url}/status`)
      .set('If-Match', '*')
      .set(both)
      .send({ status: 'approved' })
      .expect(403);
    expect(res.body.issues[0].code).toBe('LEV-07');
  });

  it('LEV-07 an API key cannot approve, not even the first approval', async () => {
    const { app, url } = await create('leveranceaftale', { formaal: 'Rådgivning', hoejpris: true }, 'submitted');
    const res = await request(app)
      .post(`${url}/status`)
      .set('If-Match', '*')
      .set(fagkonsulent)
      .send({ status: 'approved' })
      .expect(403);
    expect(res.body.type).toBe('https://skema.dk/problems/forbidden');
    expect(res.body.detail).toMatch(/logget ind/);
  });

  it('højpris: an edit after the first approval voids it', async () => {
    const { app, url } = await create('leveranceaftale', { formaal: 'Rådgivning', hoejpris: true }, 'submitted');
    const first = await request(app)
      .post(`${url}/status`)
      .set('If-Match', '*')
      .set(frederik)
      .send({ status: 'approved' })
      .expect(202);
    await request(app)
      .put(url)
      .set(frederik)
      .set('If-Match', first.headers.etag!)
      .send({ data: { formaal: 'Ny plan', hoejpris: true } })
      .expect(200);
    await request(app).post(`${url}/status`).set('If-Match', '*').set(lene).send({ status: 'approved' }).expect(403);
  });
});

describe('underretning sending (UND-03)', () => {
  it('a caseworker cannot send without co-signature or a recorded reason', async () => {
    const t = createTestApp();
    const res = await request(t.app)
      .post('/api/v1/submissions')
      .set(caseworker)
      .send({ formId: 'underretning', version: '1.0.0', status: 'submitted', data: { iagttagelser: 'Bekymring' } })
      .expect(403);
    expect(res.body.issues[0].code).toBe('UND-03');
    expect((await t.store.list('alpha', {})).items).toEqual([]);
  });

  it('a caseworker may send alone with udenMedunderskriftBegrundelse', async () => {
    const t = createTestApp();
    await request(t.app)
      .post('/api/v1/submissions')
      .set(caseworker)
      .send({
        formId: 'underretning',
        version: '1.0.0',
        status: 'submitted',
        data: { iagttagelser: 'Bekymring', udenMedunderskriftBegrundelse: 'Uenighed om vurderingen' },
      })
      .expect(201);
  });

  it('the status change to submitted is guarded too; a fagkonsulent co-signs', async () => {
    const { app, url } = await create('underretning', { iagttagelser: 'Bekymring' }, 'draft', caseworker);
    const denied = await request(app)
      .post(`${url}/status`)
      .set('If-Match', '*')
      .set(caseworker)
      .send({ status: 'submitted' })
      .expect(403);
    expect(denied.body.issues[0].code).toBe('UND-03');
    await request(app)
      .post(`${url}/status`)
      .set('If-Match', '*')
      .set(fagkonsulent)
      .send({ status: 'submitted' })
      .expect(403);
    const sent = await request(app)
      .post(`${url}/status`)
      .set('If-Match', '*')
      .set(fenja)
      .send({ status: 'submitted' })
      .expect(200);
    expect(sent.body.submission.approvals).toEqual([
      expect.objectContaining({ actorId: 'oidc:alpha-fagkonsulent-2', kind: 'person', role: 'fagkonsulent' }),
    ]);
  });
});
