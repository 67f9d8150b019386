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

  it('limits anonymous calls by client address', async () => {
    const { app } = createTestApp({ config: testConfig({ rateLimit: { windowMs: 60_000, limit: 2 } }) });
    await request(app).get('/api/v1/forms').expect(200);
    await request(app).get('/api/v1/forms').expect(200);
    await request(app).get('/api/v1/forms').expect(429);
    await request(app).get('/healthz').expect(200);
  });
});
