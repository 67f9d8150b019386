import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPersonTokens, type PersonTokens } from '../testing/person-tokens.js';
import { bearer, createTestApp, TEST_KEYS, testConfig } from '../testing/test-app.js';

let people: PersonTokens;
let signe: Record<string, string>;
let soeren: Record<string, string>;
let frederik: Record<string, string>;
let lene: Record<string, string>;
beforeAll(async () => {
  people = await startPersonTokens();
  signe = await people.as('alpha-sagsbehandler', ['caseworker'], 'Signe Sagsbehandler');
  soeren = await people.as('alpha-sagsbehandler-2', ['caseworker'], 'Søren Sagsbehandler');
  frederik = await people.as('alpha-fagkonsulent', ['caseworker', 'fagkonsulent'], 'Frederik Fagkonsulent');
  lene = await people.as('alpha-leder', ['caseworker', 'leder'], 'Lene Leder');
});
afterAll(() => people.close());

async function underretning() {
  const t = createTestApp({ config: people.config(testConfig()) });
  const res = await request(t.app)
    .post('/api/v1/submissions')
    .set(signe)
    .send({ formId: 'underretning', version: '1.0.0', status: 'draft', data: { iagttagelser: 'Bekymring' } })
    .expect(201);
  return { ...t, id: res.body.submission.id as string, url: res.headers.location!, etag: res.headers.etag! };
}

describe('POST /api/v1/submissions/{id}/approvals', () => {
  it('records the signed-in person (subject, name), role, time and decision on the submission and its revision', async () => {
    const { app, url, etag } = await underretning();
    const res = await request(app)
      .post(`${url}/approvals`)
      .set(frederik)
      .set('If-Match', etag)
      .send({ role: 'fagkonsulent', decision: 'approved' })
      .expect(200);
    expect(res.headers.etag).toMatch(/:2"$/);
    expect(res.body.approvals).toEqual([
      {
        actorId: 'oidc:alpha-fagkonsulent',
        actorName: 'Frederik Fagkonsulent',
        subject: 'alpha-fagkonsulent',
        kind: 'person',
        role: 'fagkonsulent',
        decision: 'approved',
        at: expect.any(String),
        revision: 2,
      },
    ]);
    const revisions = await request(app).get(`${url}/revisions`).set(lene).expect(200);
    expect(revisions.body.items[1]).toMatchObject({
      action: 'approval',
      by: 'oidc:alpha-fagkonsulent',
      approvals: res.body.approvals,
    });
  });

  it('role escalation: a sagsbehandler cannot approve as leder (403)', async () => {
    const { app, url } = await underretning();
    const res = await request(app)
      .post(`${url}/approvals`)
      .set(signe)
      .set('If-Match', '*')
      .send({ role: 'leder', decision: 'approved' })
      .expect(403);
    expect(res.body.type).toBe('https://skema.dk/problems/forbidden');
  });

  it('an API key cannot approve (403, a clear problem), whatever its roles', async () => {
    const { app, url, store, id } = await underretning();
    const res = await request(app)
      .post(`${url}/approvals`)
      .set(bearer(TEST_KEYS.fagkonsulent2))
      .set('If-Match', '*')
      .send({ role: 'leder', decision: 'approved' })
      .expect(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toBe(
      'Godkendelser og medunderskrifter gives af en person, der er logget ind; en API-nøgle kan ikke godkende.',
    );
    expect((await store.get('alpha', id))?.revision).toBe(1);
  });

  it('the same person cannot approve twice: the same approval again is a no-op (200, same revision), in another role 409', async () => {
    const { app, url } = await underretning();
    const first = await request(app)
      .post(`${url}/approvals`)
      .set(lene)
      .set('If-Match', '*')
      .send({ role: 'leder', decision: 'approved' })
      .expect(200);
    const again = await request(app)
      .post(`${url}/approvals`)
      .set(lene)
      .set('If-Match', '*')
      .send({ role: 'leder', decision: 'approved' })
      .expect(200);
    expect(again.body.revision).toBe(first.body.revision);
    expect(again.body.approvals).toHaveLength(1);
    const other = await request(app)
      .post(`${url}/approvals`)
      .set(lene)
      .set('If-Match', '*')
      .send({ role: 'caseworker', decision: 'approved' })
      .expect(409);
    expect(other.body.type).toBe('https://skema.dk/problems/already-approved');
  });

  it('needs If-Match (428) and a valid body (400)', async () => {
    const { app, url } = await underretning();
    await request(app)
      .post(`${url}/approvals`)
      .set(frederik)
      .send({ role: 'fagkonsulent', decision: 'approved' })
      .expect(428);
    await request(app)
      .post(`${url}/approvals`)
      .set(frederik)
      .set('If-Match', '*')
      .send({ role: 'fagkonsulent', decision: 'maybe' })
      .expect(400);
  });
});

describe('need-to-know access to an underretning', () => {
  it('a sagsbehandler who did not create it gets 404 and does not see it in lists; its leder does; a key keeps tenant-wide access', async () => {
    const { app, url, id } = await underretning();
    await request(app).get(url).set(soeren).expect(404);
    await request(app).get(`${url}/revisions`).set(soeren).expect(404);
    await request(app)
      .post(`${url}/approvals`)
      .set(soeren)
      .set('If-Match', '*')
      .send({ role: 'caseworker', decision: 'approved' })
      .expect(404);
    expect((await request(app).get('/api/v1/submissions').set(soeren).expect(200)).body.items).toEqual([]);
    await request(app).get(url).set(lene).expect(200);
    expect(
      (await request(app).get('/api/v1/submissions').set(lene).expect(200)).body.items.map((s: { id: string }) => s.id),
    ).toEqual([id]);
    await request(app).get(url).set(signe).expect(200);
    await request(app).get(url).set(bearer(TEST_KEYS.caseworker)).expect(200);
  });

  it('a leder assigns a sagsbehandler, who then sees it; a sagsbehandler cannot assign', async () => {
    const { app, url } = await underretning();
    await request(app)
      .put(`${url}/assignees`)
      .set(signe)
      .set('If-Match', '*')
      .send({ assignees: ['oidc:alpha-sagsbehandler-2'] })
      .expect(403);
    const assigned = await request(app)
      .put(`${url}/assignees`)
      .set(lene)
      .set('If-Match', '*')
      .send({ assignees: ['oidc:alpha-sagsbehandler-2'] })
      .expect(200);
    expect(assigned.body.assignees).toEqual(['oidc:alpha-sagsbehandler-2']);
    await request(app).get(url).set(soeren).expect(200);
  });

  it('every read is audited with the person (subject and name), not only the actor id', async () => {
    const { app, url, id, store } = await underretning();
    await request(app).get(url).set(lene).expect(200);
    const read = (await store.queryAudit('alpha', { submissionId: id })).items
      .filter((e) => e.action === 'read')
      .at(-1);
    expect(read).toMatchObject({
      actor: 'oidc:alpha-leder',
      details: { person: { subject: 'alpha-leder', name: 'Lene Leder' } },
    });
  });
});
