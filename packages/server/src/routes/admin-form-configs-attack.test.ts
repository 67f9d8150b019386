import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DEV_KEYS } from '../config/dev-config.js';
import { aftaleData, tenantConfigApp } from '../testing/tenant-config-app.js';

const ringsted = bearer(DEV_KEYS.ringsted);
const PUT_URL = '/api/v1/admin/form-configs/overlay/aftaleskema/1.1.0';

function bearer(key: string) {
  return { Authorization: `Bearer ${key}` };
}

const overlay = (extra: Record<string, unknown>) => ({ baseVersion: '1.0.0', ...extra });
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Each upload, sent as raw JSON text (so `__proto__` survives), and what the refusal must name. */
const ATTACKS: Array<{ name: string; body: string; code: string; path: string; message: RegExp }> = [
  {
    name: 'a remote $ref',
    body: JSON.stringify(overlay({ fields: { properties: { ekstra: { $ref: 'http://evil.example/schema.json' } } } })),
    code: 'remote-ref',
    path: '/fields/properties/ekstra/$ref',
    message: /Kun lokale referencer/,
  },
  {
    name: 'a __proto__ key',
    body: '{"baseVersion":"1.0.0","texts":{"da":{"__proto__":{"polluted":"yes"}}}}',
    code: 'forbidden-key',
    path: '/texts/da/__proto__',
    message: /Nøglen «__proto__» er ikke tilladt/,
  },
  {
    name: 'a constructor key',
    body: '{"baseVersion":"1.0.0","constraints":{"/aftaler":{"constructor":{"prototype":{}}}}}',
    code: 'forbidden-key',
    path: '/constraints/~1aftaler/constructor',
    message: /Nøglen «constructor»/,
  },
  {
    name: 'a catastrophic regular expression',
    body: JSON.stringify(overlay({ constraints: { '/opfoelgningsansvarlig': { pattern: '(a+)+$' } } })),
    code: 'unsafe-pattern',
    path: '/constraints/~1opfoelgningsansvarlig/pattern',
    message: /katastrofal backtracking/,
  },
  {
    name: 'an oversized document',
    body: JSON.stringify(overlay({ texts: { da: { 'opfoelgningsansvarlig.label': 'x'.repeat(600 * 1024) } } })),
    code: 'too-large',
    path: '',
    message: /større end de tilladte 524288 byte/,
  },
  {
    name: 'a deeply nested document',
    body: `{"baseVersion":"1.0.0","fields":${nested(60)}}`,
    code: 'too-deep',
    path: '',
    message: /dybere end de tilladte 32 niveauer/,
  },
  {
    name: 'a pathologically nested array',
    body: `${'['.repeat(200_000)}${']'.repeat(200_000)}`,
    code: 'too-deep',
    path: '',
    message: /dybere end/,
  },
  {
    name: 'too many properties',
    body: JSON.stringify(
      overlay({ texts: { da: Object.fromEntries(Array.from({ length: 12_000 }, (_, i) => [`k${i}.label`, 'x'])) } }),
    ),
    code: 'too-many-keys',
    path: expect.stringMatching(/^\/texts\/da\/k\d+\.label$/),
    message: /flere end de tilladte 10000 nøgler/,
  },
];

describe('uploaded configuration is untrusted', () => {
  const { app } = tenantConfigApp();

  /** The server still answers at once: liveness and a real validation. */
  async function stillResponsive(): Promise<void> {
    const started = Date.now();
    await request(app).get('/healthz').expect(200);
    const res = await request(app)
      .post('/api/v1/forms/aftaleskema/versions/1.0.0/validate')
      .send({ data: aftaleData(), today: '2026-06-01' })
      .expect(200);
    expect(res.body.valid).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
  }

  for (const attack of ATTACKS) {
    it(`refuses ${attack.name} with 400 untrusted-document, and the server stays responsive`, async () => {
      const started = Date.now();
      const res = await request(app)
        .put(PUT_URL)
        .set(ringsted)
        .set('Content-Type', 'application/json')
        .send(attack.body)
        .expect(400);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(res.body.type).toBe('https://skema.dk/problems/untrusted-document');
      const [first] = res.body.problems;
      expect(first).toEqual({
        path: attack.path,
        code: attack.code,
        message: expect.stringMatching(attack.message),
        messages: { da: first.message, en: expect.any(String) },
      });
      expect(res.body.detail).toMatch(/^Dokumentet er afvist af sikkerhedshensyn/);
      await stillResponsive();
    });
  }

  it('answers in English too, and nothing was stored or polluted', async () => {
    const res = await request(app)
      .put(PUT_URL)
      .set(ringsted)
      .set('Accept-Language', 'en')
      .set('Content-Type', 'application/json')
      .send(ATTACKS[3]!.body)
      .expect(400);
    expect(res.body.problems[0].message).toMatch(/can backtrack catastrophically/);
    expect(res.body.problems[0].messages).toEqual({
      da: expect.stringMatching(/katastrofal backtracking/),
      en: res.body.problems[0].message,
    });
    expect(res.body.detail).toMatch(/^The document is refused for safety/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await request(app).get('/api/v1/admin/form-configs').set(ringsted).expect(200)).body.items).toEqual([]);
  });

  it('checks previews and own forms the same way', async () => {
    const preview = await request(app)
      .post('/api/v1/admin/form-configs/preview')
      .set(ringsted)
      .send({
        kind: 'overlay',
        document: overlay({ constraints: { '/opfoelgningsansvarlig': { pattern: '^(\\w+\\s?)*$' } } }),
      })
      .expect(400);
    expect(preview.body.problems[0]).toMatchObject({
      code: 'unsafe-pattern',
      path: '/document/constraints/~1opfoelgningsansvarlig/pattern',
    });
    const own = await request(app)
      .put('/api/v1/admin/form-configs/form/ringstedskema/1.0.0')
      .set(ringsted)
      .send({
        manifest: {},
        schema: { type: 'object', properties: { a: { $ref: 'https://evil.example/a.json#/x' } } },
        uischema: {},
        i18n: {},
      })
      .expect(400);
    expect(own.body.problems[0]).toMatchObject({ code: 'remote-ref', path: '/schema/properties/a/$ref' });
    await stillResponsive();
  });

  it('refuses a body that is not JSON or not application/json', async () => {
    await request(app)
      .put(PUT_URL)
      .set(ringsted)
      .set('Content-Type', 'application/json')
      .send('{"baseVersion":')
      .expect(400);
    await request(app).put(PUT_URL).set(ringsted).set('Content-Type', 'text/plain').send('{}').expect(415);
  });
});
