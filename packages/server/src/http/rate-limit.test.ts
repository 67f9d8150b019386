import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bearer, createTestApp, TEST_KEYS, testConfig } from '../testing/test-app.js';

describe('rate limiting', () => {
  it('limits per API key: 429 problem with Retry-After, other keys unaffected', async () => {
    const { app } = createTestApp({ config: testConfig({ rateLimit: { windowMs: 60_000, limit: 3 } }) });
    const a = bearer(TEST_KEYS.caseworker);
    for (let i = 0; i < 3; i++) await request(app).get('/api/v1/submissions').set(a).expect(200);
    const limited = await request(app).get('/api/v1/submissions').set(a).expect(429);
    expect(limited.body.type).toBe('https://skema.dk/problems/too-many-requests');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    await request(app).get('/api/v1/submissions').set(bearer(TEST_KEYS.fagkonsulent)).expect(200);
  });

  it('limits anonymous calls by client address under their own, stricter limit', async () => {
    const { app } = createTestApp({
      config: testConfig({
        rateLimit: { windowMs: 60_000, limit: 100 },
        anonymousRateLimit: { windowMs: 60_000, limit: 2 },
      }),
    });
    await request(app).get('/api/v1/forms').expect(200);
    await request(app).post('/api/v1/forms/fixture/versions/1.0.0/validate').send({ data: {} }).expect(200);
    const limited = await request(app).get('/api/v1/forms').expect(429);
    expect(limited.headers['ratelimit-policy']).toBe('2;w=60');
    await request(app).get('/healthz').expect(200);
    // A key has its own budget, untouched by the anonymous one.
    await request(app).get('/api/v1/forms').set(bearer(TEST_KEYS.caseworker)).expect(200);
  });

  it('the default anonymous limit is stricter than a key’s', async () => {
    const { app } = createTestApp();
    const anonymous = await request(app).get('/api/v1/forms').expect(200);
    const keyed = await request(app).get('/api/v1/forms').set(bearer(TEST_KEYS.caseworker)).expect(200);
    expect(anonymous.headers['ratelimit-policy']).toBe('120;w=60');
    expect(keyed.headers['ratelimit-policy']).toBe('600;w=60');
  });

  it('limits failed authentications per address: 429 with Retry-After, then also for a right key', async () => {
    const { app } = createTestApp({ config: testConfig({ authFailureLimit: { windowMs: 60_000, limit: 3 } }) });
    const wrong = bearer('not-a-key-not-a-key-000');
    for (let i = 0; i < 3; i++) await request(app).get('/api/v1/forms').set(wrong).expect(401);
    const limited = await request(app).get('/api/v1/forms').set(wrong).expect(429);
    expect(limited.body.type).toBe('https://skema.dk/problems/too-many-requests');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await request(app).get('/api/v1/submissions').set(bearer(TEST_KEYS.caseworker)).expect(429);
    // Without a key the address may still validate (under the anonymous limit).
    await request(app).get('/api/v1/forms').expect(200);
  });
});
