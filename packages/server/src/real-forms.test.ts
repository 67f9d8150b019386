import { join } from 'node:path';
import { FormRegistry } from '@skema/core';
import { createStandardEngine, loadFormVersion, schemasDir } from '@skema/forms';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPersonTokens, type PersonTokens } from './testing/person-tokens.js';
import { bearer, createTestApp, TEST_KEYS, testConfig } from './testing/test-app.js';

// Approvals and co-signatures are acts of signed-in people: persons with real tokens of tenant alpha.
let people: PersonTokens;
beforeAll(async () => void (people = await startPersonTokens()));
afterAll(() => people.close());
const personApp = () => createTestApp({ engine, registry, now: today, config: people.config(testConfig()) });

// Only the two forms these tests are about are loaded, so work in progress on other forms cannot break them.
const underretning = loadFormVersion(join(schemasDir(), 'underretning', '1.0.0'));
const leveranceaftale = loadFormVersion(join(schemasDir(), 'leveranceaftale', '1.0.0'));
const registry = new FormRegistry([underretning, leveranceaftale]);
const engine = createStandardEngine();

function example(form: typeof underretning, kind: 'valid' | 'invalid', name: string) {
  const found = form.examples?.[kind].find((e) => e.name === name);
  if (!found) throw new Error(`${form.manifest.id} has no ${kind} example ${name}`);
  return found;
}

const today = () => new Date('2026-06-01T10:00:00Z');

describe('underretning (real form)', () => {
  it('UND-03 a caseworker cannot send without co-signature, nor can a fagkonsulent’s key; a signed-in fagkonsulent co-signs through the approvals endpoint', async () => {
    const { app } = personApp();
    const { data } = example(underretning, 'valid', 'kommune-sendt-medunderskrevet');
    const body = { formId: 'underretning', version: '1.0.0', status: 'submitted', data };
    const denied = await request(app)
      .post('/api/v1/submissions')
      .set(bearer(TEST_KEYS.caseworker))
      .send(body)
      .expect(403);
    expect(denied.body.issues[0].code).toBe('UND-03');
    // The data's typed co-signer («medunderskriver») is no co-signature, and a key cannot give one.
    await request(app).post('/api/v1/submissions').set(bearer(TEST_KEYS.fagkonsulent)).send(body).expect(409);
    const draft = await request(app)
      .post('/api/v1/submissions')
      .set(bearer(TEST_KEYS.caseworker))
      .send({ ...body, status: 'draft' })
      .expect(201);
    const url = draft.headers.location!;
    const frederik = await people.as('alpha-fagkonsulent', ['caseworker', 'fagkonsulent'], 'Frederik Fagkonsulent');
    await request(app)
      .post(`${url}/approvals`)
      .set(bearer(TEST_KEYS.fagkonsulent))
      .set('If-Match', '*')
      .send({ role: 'fagkonsulent', decision: 'approved' })
      .expect(403);
    const signed = await request(app)
      .post(`${url}/approvals`)
      .set(frederik)
      .set('If-Match', draft.headers.etag!)
      .send({ role: 'fagkonsulent', decision: 'approved' })
      .expect(200);
    const sent = await request(app)
      .post(`${url}/status`)
      .set(bearer(TEST_KEYS.caseworker))
      .set('If-Match', signed.headers.etag!)
      .send({ status: 'submitted' })
      .expect(200);
    expect(sent.body.submission.approvals).toEqual([
      expect.objectContaining({
        actorId: 'oidc:alpha-fagkonsulent',
        actorName: 'Frederik Fagkonsulent',
        kind: 'person',
        role: 'fagkonsulent',
      }),
    ]);
  });

  it('a caseworker may send alone with a recorded reason', async () => {
    const { app } = createTestApp({ engine, registry, now: today });
    const { data } = example(underretning, 'valid', 'kommune-uden-medunderskrift');
    await request(app)
      .post('/api/v1/submissions')
      .set(bearer(TEST_KEYS.caseworker))
      .send({ formId: 'underretning', version: '1.0.0', status: 'submitted', data })
      .expect(201);
  });

  it('invalid data is 422 with the form’s rule ids, and the CPR never reaches the log', async () => {
    const { app, logs } = createTestApp({ engine, registry, now: today });
    const bad = example(underretning, 'invalid', 'und-02-mangler-iagttagelser');
    const res = await request(app)
      .post('/api/v1/submissions')
      .set(bearer(TEST_KEYS.fagkonsulent))
      .send({ formId: 'underretning', version: '1.0.0', status: 'submitted', data: bad.data })
      .expect(422);
    const codes = res.body.issues.map((i: { code: string }) => i.code);
    for (const code of bad.expect?.codes ?? []) expect(codes).toContain(code);
    const cprs = JSON.stringify(bad.data).match(/\d{6}-?\d{4}/g) ?? [];
    expect(cprs.length).toBeGreaterThan(0);
    for (const cpr of cprs) expect(logs.join('')).not.toContain(cpr);
  });
});

describe('leveranceaftale (real form)', () => {
  it('højpris: fagkonsulent approval is pending a leder’s, who must be another person', async () => {
    const { app } = personApp();
    const both = await people.as('alpha-fk-leder', ['fagkonsulent', 'leder']);
    const lene = await people.as('alpha-leder', ['caseworker', 'leder']);
    const { data } = example(leveranceaftale, 'valid', 'hoejpris-to-leverandoerer');
    const created = await request(app)
      .post('/api/v1/submissions')
      .set(bearer(TEST_KEYS.fagkonsulent2))
      .send({ formId: 'leveranceaftale', version: '1.0.0', status: 'submitted', data })
      .expect(201);
    const url = created.headers.location!;
    await request(app).post(`${url}/status`).set('If-Match', '*').set(lene).send({ status: 'approved' }).expect(403);
    const first = await request(app)
      .post(`${url}/status`)
      .set('If-Match', '*')
      .set(both)
      .send({ status: 'approved' })
      .expect(202);
    expect(first.body.pendingApprovals).toEqual(['leder']);
    await request(app).post(`${url}/status`).set('If-Match', '*').set(both).send({ status: 'approved' }).expect(403);
    const done = await request(app)
      .post(`${url}/status`)
      .set('If-Match', '*')
      .set(lene)
      .send({ status: 'approved' })
      .expect(200);
    expect(done.body.submission.status).toBe('approved');
  });

  it('an ordinary agreement is approved by the fagkonsulent alone (a signed-in one; a key is refused)', async () => {
    const { app } = personApp();
    const { data } = example(leveranceaftale, 'valid', 'enkeltsag-godkendt');
    const created = await request(app)
      .post('/api/v1/submissions')
      .set(bearer(TEST_KEYS.fagkonsulent))
      .send({ formId: 'leveranceaftale', version: '1.0.0', status: 'submitted', data })
      .expect(201);
    await request(app)
      .post(`${created.headers.location!}/status`)
      .set('If-Match', '*')
      .set(bearer(TEST_KEYS.fagkonsulent))
      .send({ status: 'approved' })
      .expect(403);
    const frederik = await people.as('alpha-fagkonsulent', ['caseworker', 'fagkonsulent']);
    await request(app)
      .post(`${created.headers.location!}/status`)
      .set('If-Match', '*')
      .set(frederik)
      .send({ status: 'approved' })
      .expect(200);
  });
});

describe('a tenant working-day calendar (SKEMA_CONFIG tenants[].calendar)', () => {
  // UND-01: the fagkonsulent is contacted 1 arbejdsdag after the concern arose. From Thursday
  // 4 June 2026 that is Monday 8 June on the Danish calendar (grundlovsdag closed), Friday 5 June for
  // a tenant that works on grundlovsdag.
  const config = testConfig();
  config.tenants[1] = { ...config.tenants[1]!, ruleOptions: {}, calendar: { grundlovsdag: false } };
  const data = {
    ...(example(underretning, 'valid', 'kommune-sendt-medunderskrevet').data as Record<string, unknown>),
    bekymringOpstaaetDato: '2026-06-04',
  };
  const und01 = (body: { derived: { deadlines: Array<{ ruleId: string; due: string }> } }) =>
    body.derived.deadlines.find((d) => d.ruleId === 'UND-01')?.due;

  it("deadlines are counted on the tenant's calendar; other tenants keep the default", async () => {
    const { app } = createTestApp({ engine, registry, now: today, config });
    const validate = (key?: string) => {
      const req = request(app).post('/api/v1/forms/underretning/versions/1.0.0/validate');
      return (key ? req.set(bearer(key)) : req).send({ data, today: '2026-06-01' }).expect(200);
    };
    expect(und01((await validate(TEST_KEYS.beta)).body)).toBe('2026-06-05');
    expect(und01((await validate(TEST_KEYS.caseworker)).body)).toBe('2026-06-08');
    expect(und01((await validate()).body)).toBe('2026-06-08');
    // And a stored submission's receipt uses it too.
    const created = await request(app)
      .post('/api/v1/submissions')
      .set(bearer(TEST_KEYS.beta))
      .send({ formId: 'underretning', version: '1.0.0', status: 'draft', data })
      .expect(201);
    expect(created.body.deadlines.find((d: { ruleId: string }) => d.ruleId === 'UND-01')?.due).toBe('2026-06-05');
  });

  it('the form version response gives the browser the calendar options, under an ETag that covers them', async () => {
    const { app } = createTestApp({ engine, registry, now: today, config });
    const anonymous = await request(app).get('/api/v1/forms/underretning/versions/1.0.0').expect(200);
    const beta = await request(app)
      .get('/api/v1/forms/underretning/versions/1.0.0')
      .set(bearer(TEST_KEYS.beta))
      .expect(200);
    expect(anonymous.body).not.toHaveProperty('tenantCalendar');
    expect(beta.body.tenantCalendar).toEqual({ grundlovsdag: false });
    expect(beta.headers['cache-control']).toBe('private, no-cache');
    expect(beta.headers.etag).not.toBe(anonymous.headers.etag);
  });
});
