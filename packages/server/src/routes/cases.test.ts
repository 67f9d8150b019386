import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { MemoryCaseStore, MemorySubmissionStore } from '@skema/submissions/testing';
import { fixtureData } from '../testing/fixture-forms.js';
import { bearer, createTestApp, TEST_KEYS } from '../testing/test-app.js';

const worker = bearer(TEST_KEYS.caseworker);
const other = bearer(TEST_KEYS.fagkonsulent);
const beta = bearer(TEST_KEYS.beta);

function app() {
  const store = new MemorySubmissionStore();
  return createTestApp({ store, caseStore: new MemoryCaseStore(store) });
}

const newCase = { title: 'Asta, skolevægring', borger: { name: 'Asta Jensen', cpr: '010110-1234' } };

describe('cases API', () => {
  it('creates, reads, lists, updates with If-Match and closes a case; audits without the CPR number', async () => {
    const t = app();
    const created = await request(t.app).post('/api/v1/cases').set(worker).send(newCase).expect(201);
    const id = created.body.id as string;
    expect(created.headers.etag).toBe(`"${id}:1"`);
    expect(created.body).toMatchObject({ status: 'open', team: ['alpha-caseworker'] });
    await request(t.app).get(`/api/v1/cases/${id}`).set(worker).expect(200);
    const list = await request(t.app).get('/api/v1/cases?q=asta&status=open').set(worker).expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
    expect(JSON.stringify(list.body)).not.toContain('1234');
    await request(t.app).patch(`/api/v1/cases/${id}`).set(worker).send({ title: 'Ny titel' }).expect(428);
    await request(t.app)
      .patch(`/api/v1/cases/${id}`)
      .set(worker)
      .set('If-Match', `"${id}:7"`)
      .send({ title: 'Ny titel' })
      .expect(412);
    const updated = await request(t.app)
      .patch(`/api/v1/cases/${id}`)
      .set(worker)
      .set('If-Match', `"${id}:1"`)
      .send({ title: 'Ny titel' })
      .expect(200);
    expect(updated.body).toMatchObject({ title: 'Ny titel', revision: 2 });
    await request(t.app).post(`/api/v1/cases/${id}/close`).set(worker).set('If-Match', '*').expect(200);
    const refused = await request(t.app)
      .patch(`/api/v1/cases/${id}`)
      .set(worker)
      .set('If-Match', '*')
      .send({ title: 'x' })
      .expect(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const audit = await t.store.queryAudit('alpha', { limit: 100 });
    expect(audit.items.map((e) => e.action)).toEqual([
      'case.create',
      'case.read',
      'case.list',
      'case.update',
      'case.close',
    ]);
    expect(JSON.stringify(audit.items)).not.toMatch(/1234|Asta/);
    expect(t.logs.join('')).not.toContain('010110-1234');
  });

  it('hides a case from another tenant and from someone outside its team (404), and refuses bad input with problem+json', async () => {
    const t = app();
    const { body } = await request(t.app).post('/api/v1/cases').set(worker).send(newCase).expect(201);
    await request(t.app).get(`/api/v1/cases/${body.id}`).set(beta).expect(404);
    await request(t.app).get(`/api/v1/cases/${body.id}`).set(other).expect(404);
    const bad = await request(t.app)
      .post('/api/v1/cases')
      .set(worker)
      .send({ title: 'x', borger: { name: 'A' } })
      .expect(400);
    expect(bad.body.issues[0]).toMatchObject({ path: '/borger', code: 'case-borger-identity' });
  });

  it('creates a submission in a case, attaches an existing one once, and validates with caseId', async () => {
    const t = app();
    const { body: c } = await request(t.app).post('/api/v1/cases').set(worker).send(newCase).expect(201);
    const inCase = await request(t.app)
      .post(`/api/v1/cases/${c.id}/submissions`)
      .set(worker)
      .send({ formId: 'fixture', version: '1.0.0', status: 'draft', data: fixtureData() })
      .expect(201);
    expect(inCase.body.caseId).toBe(c.id);
    const loose = await request(t.app)
      .post('/api/v1/submissions')
      .set(worker)
      .send({ formId: 'fixture', version: '1.0.0', status: 'draft', data: fixtureData() })
      .expect(201);
    const attached = await request(t.app)
      .post(`/api/v1/cases/${c.id}/attach`)
      .set(worker)
      .set('If-Match', '*')
      .send({ submissionIds: [loose.body.submission.id] })
      .expect(200);
    expect(attached.body.submissions).toHaveLength(2);
    const { body: c2 } = await request(t.app).post('/api/v1/cases').set(worker).send(newCase).expect(201);
    const conflict = await request(t.app)
      .post(`/api/v1/cases/${c2.id}/attach`)
      .set(worker)
      .set('If-Match', '*')
      .send({ submissionIds: [loose.body.submission.id] })
      .expect(409);
    expect(conflict.body.type).toMatch(/case-conflict$/);
    await request(t.app)
      .post('/api/v1/forms/fixture/versions/1.0.0/validate')
      .set(worker)
      .send({ data: fixtureData(), caseId: c.id })
      .expect(200);
    await request(t.app)
      .post('/api/v1/forms/fixture/versions/1.0.0/validate')
      .send({ data: fixtureData(), caseId: c.id })
      .expect(401);
    await request(t.app)
      .post('/api/v1/forms/fixture/versions/1.0.0/validate')
      .set(beta)
      .send({ data: fixtureData(), caseId: c.id })
      .expect(404);
  });

  it('answers 501 when the store keeps no cases', async () => {
    const t = createTestApp();
    await request(t.app).get('/api/v1/cases').set(worker).expect(501);
  });
});

describe('worklist API', () => {
  it('answers the caller’s deadlines (none for a case without deadline rules) and 400 for a bad date', async () => {
    const t = app();
    await request(t.app).post('/api/v1/cases').set(worker).send(newCase).expect(201);
    const list = await request(t.app).get('/api/v1/worklist').set(worker).expect(200);
    expect(list.body).toEqual({ items: [] });
    await request(t.app).get('/api/v1/worklist?until=tomorrow').set(worker).expect(400);
    await request(t.app).get('/api/v1/worklist').expect(401);
  });
});
