import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { fixtureData } from '../testing/fixture-forms.js';
import { bearer, createTestApp, TEST_KEYS } from '../testing/test-app.js';
import { KeyRing, sha256 } from './key-ring.js';

const body = { formId: 'fixture', version: '1.0.0', status: 'draft', data: fixtureData() };

describe('API keys', () => {
  const { app } = createTestApp();

  it('401 with WWW-Authenticate without a key on protected endpoints', async () => {
    for (const [method, path] of [
      ['get', '/api/v1/submissions'],
      ['post', '/api/v1/submissions'],
      ['get', '/api/v1/submissions/x'],
      ['put', '/api/v1/submissions/x'],
      ['post', '/api/v1/submissions/x/status'],
      ['get', '/api/v1/submissions/x/revisions'],
      ['get', '/api/v1/audit'],
    ] as const) {
      const res = await request(app)
        [method](path)
        .send(method === 'get' ? undefined : body);
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(res.body.type).toBe('https://skema.dk/problems/unauthorized');
    }
  });

  it('401 for an invalid key, also on public endpoints', async () => {
    await request(app).post('/api/v1/submissions').set(bearer('wrong-key-wrong-key')).send(body).expect(401);
    await request(app).get('/api/v1/forms').set(bearer('wrong-key-wrong-key')).expect(401);
    await request(app).get('/api/v1/submissions').set('Authorization', 'Basic abc').expect(401);
  });

  it('public reads need no key', async () => {
    await request(app).get('/api/v1/forms').expect(200);
    await request(app).get('/api/v1/rules').expect(200);
    await request(app).get('/api/v1/openapi.json').expect(200);
    await request(app).post('/api/v1/forms/fixture/versions/1.0.0/validate').send({ data: fixtureData() }).expect(200);
  });
});

describe('roles', () => {
  const { app } = createTestApp();

  it('an auditor may not create or read submissions (403) but reads the audit log', async () => {
    const auditor = bearer(TEST_KEYS.auditor);
    const res = await request(app).post('/api/v1/submissions').set(auditor).send(body).expect(403);
    expect(res.body.type).toBe('https://skema.dk/problems/forbidden');
    await request(app).get('/api/v1/submissions').set(auditor).expect(403);
    await request(app).get('/api/v1/audit').set(auditor).expect(200);
  });

  it('a caseworker may not read the audit log', async () => {
    await request(app).get('/api/v1/audit').set(bearer(TEST_KEYS.caseworker)).expect(403);
  });

  it('an admin may create drafts but not submit', async () => {
    const admin = bearer(TEST_KEYS.admin);
    await request(app).post('/api/v1/submissions').set(admin).send(body).expect(201);
    await request(app)
      .post('/api/v1/submissions')
      .set(admin)
      .send({ ...body, status: 'submitted' })
      .expect(403);
  });
});

describe('KeyRing', () => {
  it('matches plain and sha256:-configured keys and nothing else', () => {
    const ring = new KeyRing([
      {
        id: 't',
        keys: [
          { id: 'plain', key: 'a-plain-key-of-length', roles: ['caseworker'] },
          { id: 'hashed', key: `sha256:${sha256('a-hashed-key-value').toString('hex')}`, roles: ['auditor'] },
        ],
      },
    ]);
    expect(ring.authenticate('a-plain-key-of-length')?.keyId).toBe('plain');
    expect(ring.authenticate('a-hashed-key-value')).toMatchObject({
      keyId: 'hashed',
      tenantId: 't',
      roles: ['auditor'],
    });
    expect(ring.authenticate(`sha256:${sha256('a-hashed-key-value').toString('hex')}`)).toBeUndefined();
    expect(ring.authenticate('a-plain-key-of-lengtH')).toBeUndefined();
  });
});
