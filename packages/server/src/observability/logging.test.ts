import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { fixtureData } from '../testing/fixture-forms.js';
import { bearer, createTestApp, TEST_KEYS } from '../testing/test-app.js';
import { createLogger } from './logger.js';
import { scrubText } from './scrub.js';
import { Writable } from 'node:stream';

const CPR = '010190-1234';
const CPR_DIGITS = '0101901234';

describe('logs never contain CPR numbers, submission contents or keys', () => {
  it('posting, reading and failing with a CPR leaves no trace of it in the log stream', async () => {
    const { app, logs } = createTestApp();
    const auth = bearer(TEST_KEYS.caseworker);
    const created = await request(app)
      .post('/api/v1/submissions')
      .set(auth)
      .send({
        formId: 'fixture',
        version: '1.0.0',
        status: 'submitted',
        data: fixtureData({ cpr: CPR, navn: 'Hemmelig Hansen' }),
      })
      .expect(201);
    await request(app).get(created.headers.location!).set(auth).expect(200);
    await request(app)
      .post('/api/v1/submissions')
      .set(auth)
      .send({ formId: 'fixture', version: '1.0.0', status: 'submitted', data: { cpr: CPR } })
      .expect(422);
    await request(app).get(`/api/v1/submissions?formId=${CPR_DIGITS}`).set(auth).expect(200);
    await request(app)
      .post('/api/v1/submissions')
      .set(auth)
      .set('Content-Type', 'application/json')
      .send(`{"cpr": "${CPR}"`)
      .expect(400);

    const text = logs.join('');
    expect(logs.length).toBeGreaterThanOrEqual(5);
    expect(text).toContain('"statusCode":201');
    expect(text).not.toContain(CPR);
    expect(text).not.toContain(CPR_DIGITS);
    expect(text).not.toContain('Hemmelig');
    expect(text).not.toContain(TEST_KEYS.caseworker);
  });

  it('CPR numbers in paths and query filters reach neither the access log nor the audit log (plain or URL-encoded)', async () => {
    const { app, logs } = createTestApp();
    const auth = bearer(TEST_KEYS.admin);
    await request(app).get('/api/v1/submissions/010118-9901').set(auth).expect(404);
    await request(app).get('/api/v1/submissions/0101189901/revisions').set(auth).expect(404);
    await request(app).get('/api/v1/submissions/010118%2D9901').set(auth).expect(404);
    await request(app).get('/api/v1/submissions/%30%31%30%31%31%38-9901').set(auth).expect(404);
    await request(app).get('/api/v1/submissions?formId=010118-9901').set(auth).expect(200);
    await request(app).get('/api/v1/submissions?version=010118%2D9901').set(auth).expect(200);
    const audit = await request(app).get('/api/v1/audit').set(auth).expect(200);

    const listed = audit.body.items.filter((e: { action: string }) => e.action === 'list');
    expect(listed).toHaveLength(2);
    expect(listed[0].details).toMatchObject({ formId: '[cpr-redacted]' });
    const text = `${logs.join('')}${JSON.stringify(audit.body)}`;
    expect(text).toContain('/api/v1/submissions/[cpr-redacted]');
    expect(text).not.toMatch(/010118.?9901|0101189901|%2D9901|%30%31/i);
  });

  it('the logger scrubs CPR-like numbers from messages and fields', () => {
    const lines: string[] = [];
    const logger = createLogger({
      destination: new Writable({
        write(chunk: Buffer, _e, cb) {
          lines.push(chunk.toString());
          cb();
        },
      }),
    });
    logger.info({ note: `cpr ${CPR_DIGITS}`, nested: { list: [CPR] } }, `message with ${CPR}`);
    logger.error(new Error(`failed for ${CPR}`));
    const text = lines.join('');
    expect(text).not.toMatch(/0101901234|010190-1234/);
    expect(text).toContain('[cpr-redacted]');
  });

  it('scrubText keeps other numbers', () => {
    expect(scrubText('rev 12 of 2026-03-02, cpr 2512489996, phone 12345678, id 12345678901')).toBe(
      'rev 12 of 2026-03-02, cpr [cpr-redacted], phone 12345678, id 12345678901',
    );
  });
});
