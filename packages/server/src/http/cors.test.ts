import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/load-config.js';
import { bearer, createTestApp, TEST_KEYS, testConfig } from '../testing/test-app.js';

const PORTAL = 'https://borger.alpha.dk';
const OTHER = 'https://evil.example';

const withCors = (extra: Parameters<typeof testConfig>[0] = {}) =>
  createTestApp({ config: testConfig({ corsOrigins: [PORTAL, 'http://localhost:5173'], ...extra }) });

/** What a browser sends before a PUT with a key and an If-Match. */
const preflight = (app: Parameters<typeof request>[0], origin: string, path = '/api/v1/submissions/s-1') =>
  request(app)
    .options(path)
    .set('Origin', origin)
    .set('Access-Control-Request-Method', 'PUT')
    .set('Access-Control-Request-Headers', 'authorization,content-type,if-match,accept-language');

const corsHeaders = (headers: Record<string, string>) =>
  Object.keys(headers).filter((h) => h.startsWith('access-control-'));

describe('CORS for portal origins', () => {
  it('an allowed origin gets its origin back on a real API call, and may read ETag and Location', async () => {
    const { app } = withCors();
    const created = await request(app)
      .post('/api/v1/submissions')
      .set(bearer(TEST_KEYS.caseworker))
      .set('Origin', PORTAL)
      .set('Idempotency-Key', 'k-1')
      .send({ formId: 'fixture', version: '1.0.0', data: {}, status: 'draft' });
    expect(created.status).toBe(201);
    expect(created.headers['access-control-allow-origin']).toBe(PORTAL);
    const exposed = created.headers['access-control-expose-headers']!.split(',');
    expect(exposed).toEqual(
      expect.arrayContaining(['ETag', 'Location', 'Retry-After', 'RateLimit', 'RateLimit-Policy']),
    );
    expect(created.headers.etag).toBeTruthy();
    // Caches keep one answer per language and per origin; the security headers' Vary is kept.
    expect(created.headers.vary).toBe('Accept-Language, Origin');
    // Bearer keys, never cookies.
    expect(created.headers['access-control-allow-credentials']).toBeUndefined();

    const list = await request(app).get('/api/v1/forms').set('Origin', 'http://localhost:5173').expect(200);
    expect(list.headers['access-control-allow-origin']).toBe('http://localhost:5173');
  });

  it('answers an allowed preflight with 204 before the key check and the rate limit', async () => {
    const { app } = withCors({ rateLimit: { windowMs: 60_000, limit: 1 } });
    for (let i = 0; i < 3; i++) {
      const res = await preflight(app, PORTAL).expect(204);
      expect(res.headers['access-control-allow-origin']).toBe(PORTAL);
      expect(res.headers['access-control-allow-methods']).toBe('GET,HEAD,POST,PUT');
      expect(res.headers['access-control-allow-headers']).toBe(
        'Authorization,Content-Type,If-Match,If-None-Match,Idempotency-Key,Accept-Language',
      );
      expect(Number(res.headers['access-control-max-age'])).toBeGreaterThan(0);
      expect(res.text).toBe('');
    }
    // The preflights counted for nothing: the one request of the window is still there.
    const real = await request(app)
      .get('/api/v1/submissions')
      .set(bearer(TEST_KEYS.caseworker))
      .set('Origin', PORTAL)
      .expect(200);
    expect(real.headers['access-control-allow-origin']).toBe(PORTAL);
  });

  it('lets an allowed portal read error answers: 401 and 429 problems carry the CORS headers', async () => {
    const { app } = withCors({ rateLimit: { windowMs: 60_000, limit: 1 } });
    const unauthorized = await request(app)
      .get('/api/v1/submissions')
      .set(bearer('not-a-key-of-anyone-at-all'))
      .set('Origin', PORTAL)
      .expect(401);
    expect(unauthorized.headers['access-control-allow-origin']).toBe(PORTAL);
    const key = bearer(TEST_KEYS.caseworker);
    await request(app).get('/api/v1/submissions').set(key).set('Origin', PORTAL).expect(200);
    const limited = await request(app).get('/api/v1/submissions').set(key).set('Origin', PORTAL).expect(429);
    expect(limited.headers['access-control-allow-origin']).toBe(PORTAL);
    expect(limited.headers['retry-after']).toBeTruthy();
  });

  it('gives a disallowed origin no Access-Control-Allow-Origin, on calls and preflights, and no error', async () => {
    const { app } = withCors();
    const res = await request(app).get('/api/v1/forms').set('Origin', OTHER).expect(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const pre = await preflight(app, OTHER).expect(204);
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    // Near misses are different origins.
    for (const origin of [
      'http://borger.alpha.dk',
      'https://borger.alpha.dk:8443',
      'https://x.borger.alpha.dk',
      'null',
    ]) {
      expect(
        (await request(app).get('/api/v1/forms').set('Origin', origin).expect(200)).headers[
          'access-control-allow-origin'
        ],
      ).toBeUndefined();
    }
  });

  it('only the API: pages and health checks get no CORS headers', async () => {
    const { app } = withCors();
    expect(corsHeaders((await request(app).get('/healthz').set('Origin', PORTAL).expect(200)).headers)).toEqual([]);
  });

  it('without configured origins adds no CORS headers at all (same origin only)', async () => {
    const { app } = createTestApp();
    const res = await request(app).get('/api/v1/forms').set('Origin', PORTAL).expect(200);
    expect(corsHeaders(res.headers)).toEqual([]);
    // No `Vary: Origin` (the forms list varies by its key, since it is the tenant's, not by origin).
    expect(res.headers.vary).toBe('Accept-Language, Authorization');
    const pre = await preflight(app, PORTAL);
    expect(pre.status).toBeLessThan(500);
    expect(corsHeaders(pre.headers)).toEqual([]);
  });

  it('refuses to build an app whose corsOrigins are not origins', () => {
    expect(() => createTestApp({ config: testConfig({ corsOrigins: ['https://borger.alpha.dk/'] }) })).toThrow(
      ConfigError,
    );
    expect(() => createTestApp({ config: testConfig({ corsOrigins: ['*'] }) })).toThrow(/wildcards are not allowed/);
  });
});
