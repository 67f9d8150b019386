import { join } from 'node:path';
import { FormRegistry } from '@skema/core';
import { createStandardEngine, loadFormVersion, schemasDir } from '@skema/forms';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bearer, createTestApp, TEST_KEYS } from './testing/test-app.js';

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
  it('a caseworker cannot send without co-signature (UND-03); the fagkonsulent can', async () => {
    const { app } = createTestApp({ engine, registry, now: today });
    const { data } = example(underretning, 'valid', 'kommune-sendt-medunderskrevet');
    const body = { formId: 'underretning', version: '1.0.0', status: 'submitted', data };
    const denied = await request(app).post('/api/v1/submissions').set(bearer(TEST_KEYS.caseworker)).send(body).expect(403);
    expect(denied.body.issues[0].code).toBe('UND-03');
    await request(app).post('/api/v1/submissions').set(bearer(TEST_KEYS.fagkonsulent)).send(body).expect(201);
  });

  it('a caseworker may send alone with a recorded reason', async () => {
    const { app } = createTestApp({ engine, registry, now: today });
    const { data } = example(underretning, 'valid', 'kommune-uden-medunderskrift');
    await request(app).post('/api/v1/submissions').set(bearer(TEST_KEYS.caseworker)).send({ formId: 'underretning', version: '1.0.0', status: 'submitted', data }).expect(201);
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
    const { app } = createTestApp({ engine, registry, now: today });
    const { data } = example(leveranceaftale, 'valid', 'hoejpris-to-leverandoerer');
    const created = await request(app)
      .post('/api/v1/submissions')
      .set(bearer(TEST_KEYS.fagkonsulent2))
      .send({ formId: 'leveranceaftale', version: '1.0.0', status: 'submitted', data })
      .expect(201);
    const url = created.headers.location!;
    await request(app).post(`${url}/status`).set(bearer(TEST_KEYS.leder)).send({ status: 'approved' }).expect(403);
    const first = await request(app).post(`${url}/status`).set(bearer(TEST_KEYS.fagkonsulent2)).send({ status: 'approved' }).expect(202);
    expect(first.body.pendingApprovals).toEqual(['leder']);
    await request(app).post(`${url}/status`).set(bearer(TEST_KEYS.fagkonsulent2)).send({ status: 'approved' }).expect(403);
    const done = await request(app).post(`${url}/status`).set(bearer(TEST_KEYS.leder)).send({ status: 'approved' }).expect(200);
    expect(done.body.submission.status).toBe('approved');
  });

  it('an ordinary agreement is approved by the fagkonsulent alone', async () => {
    const { app } = createTestApp({ engine, registry, now: today });
    const { data } = example(leveranceaftale, 'valid', 'enkeltsag-godkendt');
    const created = await request(app)
      .post('/api/v1/submissions')
      .set(bearer(TEST_KEYS.fagkonsulent))
      .send({ formId: 'leveranceaftale', version: '1.0.0', status: 'submitted', data })
      .expect(201);
    await request(app).post(`${created.headers.location!}/status`).set(bearer(TEST_KEYS.fagkonsulent)).send({ status: 'approved' }).expect(200);
  });
});
