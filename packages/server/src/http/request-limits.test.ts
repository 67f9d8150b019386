import { join } from 'node:path';
import { FormRegistry } from '@skema/core';
import { createStandardEngine, loadFormVersion, schemasDir } from '@skema/forms';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { fixtureData } from '../testing/fixture-forms.js';
import { bearer, createTestApp, TEST_KEYS, testConfig } from '../testing/test-app.js';
import { DEFAULT_DATA_BUDGET, exceededLimit } from './data-budget.js';

const underretning = loadFormVersion(join(schemasDir(), 'underretning', '1.0.1'));
const realForms = { engine: createStandardEngine(), registry: new FormRegistry([underretning]) };
const VALIDATE = '/api/v1/forms/underretning/versions/1.0.1/validate';
const CREATE = '/api/v1/submissions';
const key = bearer(TEST_KEYS.caseworker);

describe('validate does not amplify (issue #11: 0.9 MB in, 282 MB out)', () => {
  it('reports at most 100 errors and the totals in truncated; the answer stays small', async () => {
    const { app } = createTestApp(realForms);
    // 9 000 duplicate numbers: each breaks `type` and `enum`, and the array breaks `uniqueItems`.
    const res = await request(app)
      .post(VALIDATE)
      .send({ data: { saerligeForhold: Array.from({ length: 9000 }, () => 1) } })
      .expect(200);
    expect(res.body.valid).toBe(false);
    expect(res.body.errors).toHaveLength(100);
    expect(res.body.truncated.errors).toBeGreaterThan(18_000);
    expect(res.text.length).toBeLessThan(200_000);
  });

  it('the attack itself (450 000 items) is refused before validation with 413 naming the limit', async () => {
    const { app } = createTestApp({ ...realForms, config: testConfig({ limits: { anonymousBodyBytes: 2_000_000 } }) });
    const body = `{"data":{"saerligeForhold":[${Array.from({ length: 450_000 }, () => '1').join(',')}]}}`;
    const res = await request(app).post(VALIDATE).set('Content-Type', 'application/json').send(body).expect(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      type: 'https://skema.dk/problems/payload-too-large',
      limit: { name: 'arrayLength', max: 10_000 },
    });
  });

  it('a submission with more errors than the cap is 422 with 100 issues and the total', async () => {
    const { app } = createTestApp(realForms);
    const data = { saerligeForhold: Array.from({ length: 3000 }, () => 1) };
    const res = await request(app)
      .post(CREATE)
      .set(key)
      .send({ formId: 'underretning', version: '1.0.1', status: 'submitted', data })
      .expect(422);
    expect(res.body.issues).toHaveLength(100);
    expect(res.body.truncated.errors).toBeGreaterThan(6000);
    expect(res.body.detail).toMatch(new RegExp(`har ${res.body.truncated.errors} fejl`));
  });
});

describe('the data budget', () => {
  it('counts values, depth and array length in one pass', () => {
    const budget = { maxNodes: 10, maxDepth: 3, maxArrayLength: 4 };
    expect(exceededLimit({ a: [1, 2, { b: 'c' }] }, budget)).toBeUndefined();
    expect(exceededLimit({ a: { b: { c: {} } } }, budget)).toBe('dataDepth');
    expect(exceededLimit([1, 2, 3, 4, 5], budget)).toBe('arrayLength');
    expect(exceededLimit({ a: [1, 2, 3], b: [1, 2, 3], c: [1, 2, 3] }, budget)).toBe('dataNodes');
    expect(exceededLimit('text', budget)).toBeUndefined();
    // Iterative: 100 000 levels do not overflow the stack.
    let deep: unknown[] = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(exceededLimit(deep, DEFAULT_DATA_BUDGET)).toBe('dataDepth');
  });

  it('applies to submission writes too, and is configurable', async () => {
    const { app } = createTestApp({ config: testConfig({ limits: { dataNodes: 50 } }) });
    const data = fixtureData({ bemaerkning: 'x' });
    await request(app)
      .post(CREATE)
      .set(key)
      .send({ formId: 'fixture', version: '1.0.0', status: 'draft', data })
      .expect(201);
    const wide = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, i]));
    const res = await request(app)
      .post(CREATE)
      .set(key)
      .send({ formId: 'fixture', version: '1.0.0', status: 'draft', data: { ...data, ...wide } })
      .expect(413);
    expect(res.body.limit).toEqual({ name: 'dataNodes', max: 50 });
    expect(res.body.detail).toBe('Data må højst have 50 værdier.');
  });
});

describe('body size without a key', () => {
  const padded = (bytes: number) => ({ data: { bemaerkning: 'x'.repeat(bytes) } });

  it('is 256 kB for anonymous requests and 1 MB with a key (413 naming bodyBytes)', async () => {
    const { app } = createTestApp();
    const url = '/api/v1/forms/fixture/versions/1.0.0/validate';
    const res = await request(app).post(url).send(padded(300_000)).expect(413);
    expect(res.body.limit).toEqual({ name: 'bodyBytes', max: 256 * 1024 });
    await request(app).post(url).set(key).send(padded(300_000)).expect(200);
    await request(app).post(url).set(key).send(padded(1_100_000)).expect(413);
    await request(app).post(url).send(padded(200_000)).expect(200);
  });
});

describe('media type', () => {
  it('refuses JSON in any charset but UTF-8 with 415', async () => {
    const { app } = createTestApp();
    const url = '/api/v1/forms/fixture/versions/1.0.0/validate';
    const utf16 = Buffer.from('{"data":{}}', 'utf16le');
    const res = await request(app)
      .post(url)
      .set('Content-Type', 'application/json; charset=utf-16')
      .send(utf16)
      .expect(415);
    expect(res.body.type).toBe('https://skema.dk/problems/unsupported-media-type');
    await request(app)
      .post(url)
      .set('Content-Type', 'application/json; charset=latin1')
      .send('{"data":{}}')
      .expect(415);
    await request(app).post(url).set('Content-Type', 'application/json; charset=UTF-8').send('{"data":{}}').expect(200);
    await request(app).post(url).set('Content-Type', 'application/json').send('{"data":{}}').expect(200);
  });
});
