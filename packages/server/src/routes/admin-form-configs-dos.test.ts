import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DEV_KEYS } from '../config/dev-config.js';
import { createRunawayEngine } from '../testing/runaway-engine.js';
import { bearer } from '../testing/test-app.js';
import { aftaleData, tenantConfigApp } from '../testing/tenant-config-app.js';

const demo = bearer(DEV_KEYS.demo);
const URL = '/api/v1/admin/form-configs';

const ownForm = (schema: Record<string, unknown>) => ({
  manifest: { title: { da: 'Angreb', en: 'Attack' }, plugins: [], changelog: 'Første version.' },
  schema: { type: 'object', ...schema },
  uischema: { type: 'VerticalLayout', elements: [] },
  i18n: { da: {}, en: {} },
});

/** 30 `$defs`, each an `anyOf` of two references to the next: 2^30 evaluations of `{"v":"y"}`. */
function anyOfChain(): Record<string, unknown> {
  const $defs: Record<string, unknown> = {};
  for (let i = 0; i < 30; i++)
    $defs[`d${i}`] = { anyOf: [{ $ref: `#/$defs/d${i + 1}` }, { $ref: `#/$defs/d${i + 1}` }] };
  $defs.d30 = { type: 'string', const: 'x' };
  return { properties: { v: { $ref: '#/$defs/d0' } }, $defs };
}

async function publish(app: Parameters<typeof request>[0], formId: string, document: object) {
  await request(app).put(`${URL}/form/${formId}/1.0.0`).set(demo).send(document).expect(200);
  return request(app).post(`${URL}/form/${formId}/1.0.0/publish`).set(demo);
}

async function healthyWithin(app: Parameters<typeof request>[0], ms: number): Promise<void> {
  const started = Date.now();
  await request(app).get('/healthz').expect(200);
  expect(Date.now() - started).toBeLessThan(ms);
}

describe('untrusted forms cannot stall or crash the service', () => {
  it('refuses at publish the 30-level anyOf/$ref chain (2^30 evaluations), naming where it blows up', async () => {
    const { app } = tenantConfigApp();
    const res = await publish(app, 'kaede', ownForm(anyOfChain()));
    expect(res.status).toBe(422);
    expect(res.body.problems).toEqual([
      expect.objectContaining({
        code: 'too-complex',
        path: '/schema/$defs/d22',
        messages: { da: expect.stringMatching(/højst 1000/), en: expect.stringMatching(/at most 1000/) },
      }),
    ]);
    await request(app)
      .post('/api/v1/forms/kaede/versions/1.0.0/validate')
      .set(demo)
      .send({ data: { v: 'y' } })
      .expect(404);
  });

  it('refuses at publish uniqueItems over untyped items without a small maxItems, and huge enums', async () => {
    const { app } = tenantConfigApp();
    const unique = await publish(app, 'unik', ownForm({ properties: { xs: { type: 'array', uniqueItems: true } } }));
    expect(unique.status).toBe(422);
    expect(unique.body.problems).toEqual([
      expect.objectContaining({ code: 'unique-items-unbounded', path: '/schema/properties/xs/uniqueItems' }),
    ]);
    const bounded = await publish(
      app,
      'unik2',
      ownForm({ properties: { xs: { type: 'array', uniqueItems: true, maxItems: 1000 } } }),
    );
    expect(bounded.status).toBe(200);
  });

  it('refuses on upload patterns hidden under a field or $defs entry named properties, and backreferences', async () => {
    const { app } = tenantConfigApp();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [
        { properties: { properties: { type: 'string', pattern: '^(a+)+$' } } },
        'unsafe-pattern',
        '/schema/properties/properties/pattern',
      ],
      [
        { $defs: { properties: { type: 'string', pattern: '^(a+)+$' } } },
        'unsafe-pattern',
        '/schema/$defs/properties/pattern',
      ],
      [
        { properties: { v: { type: 'string', pattern: '^(a)\\1$' } } },
        'pattern-not-linear',
        '/schema/properties/v/pattern',
      ],
    ];
    for (const [schema, code, path] of cases) {
      const res = await request(app).put(`${URL}/form/moenster/1.0.0`).set(demo).send(ownForm(schema)).expect(400);
      expect(res.body.problems[0]).toMatchObject({ code, path });
    }
  });

  it('runs accepted patterns of own forms and API overlays on RE2: the answer is bounded', async () => {
    const { app } = tenantConfigApp();
    const patterns = { a: '^(a|a)*$', b: '^(\\w|\\d)+$', c: '^[a-z]+[a-z]+[a-z]+[a-z]+!$' };
    const properties = Object.fromEntries(
      Object.entries(patterns).map(([k, pattern]) => [k, { type: 'string', pattern }]),
    );
    expect(
      (await publish(app, 'regex', ownForm({ properties, patternProperties: { '^x(\\w|\\d)+$': { type: 'string' } } })))
        .status,
    ).toBe(200);
    // On V8's backtracking engine each of these takes far longer than the test's timeout.
    const data = {
      a: `${'a'.repeat(5000)}b`,
      b: `${'1'.repeat(5000)}!`,
      c: 'a'.repeat(5000),
      [`x${'1'.repeat(5000)}!`]: 'y',
    };
    const res = await request(app)
      .post('/api/v1/forms/regex/versions/1.0.0/validate')
      .set(demo)
      .send({ data })
      .expect(200);
    expect(res.body.errors.map((e: { path: string; code: string }) => `${e.code} ${e.path}`).sort()).toEqual([
      'pattern /a',
      'pattern /b',
      'pattern /c',
    ]);
    await healthyWithin(app, 500);

    // The same pattern in an overlay of a national form, published through the API.
    await request(app)
      .put(`${URL}/overlay/aftaleskema/1.0.0`)
      .set(demo)
      .send({ baseVersion: '1.0.0', constraints: { '/opfoelgningsansvarlig': { pattern: '^(a|a)*$' } } })
      .expect(200);
    await request(app).post(`${URL}/overlay/aftaleskema/1.0.0/publish`).set(demo).expect(200);
    const overlaid = { ...aftaleData(), opfoelgningsansvarlig: `${'a'.repeat(5000)}b` };
    const checked = await request(app)
      .post('/api/v1/forms/aftaleskema/versions/1.0.0/validate')
      .set(demo)
      .send({ data: overlaid, today: '2026-06-01' })
      .expect(200);
    expect(checked.body.errors.map((e: { code: string; path: string }) => `${e.code} ${e.path}`)).toContain(
      'pattern /opfoelgningsansvarlig',
    );
  });

  it('answers 503 with Retry-After when an untrusted validation overruns its deadline, and keeps serving', async () => {
    const engine = createRunawayEngine();
    const factory = {
      module: new globalThis.URL('../testing/runaway-engine.ts', import.meta.url).href,
      export: 'createRunawayEngine',
    };
    const { app } = tenantConfigApp({ engine, validation: { engineFactory: factory, deadlineMs: 300, workers: 1 } });
    expect(
      (await publish(app, 'evig', ownForm({ properties: { v: { type: 'string', format: 'runaway-test' } } }))).status,
    ).toBe(200);

    const runaway = request(app)
      .post('/api/v1/forms/evig/versions/1.0.0/validate')
      .set(demo)
      .send({ data: { v: 'y' } });
    const pending = runaway.then((res) => res);
    // While the worker spins, the event loop is free.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await healthyWithin(app, 200);
    const res = await pending;
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body).toMatchObject({
      type: 'https://skema.dk/problems/validation-unavailable',
      status: 503,
      reason: 'deadline',
    });
    // The worker was replaced: the next untrusted validation gets a fresh one (and the same answer), national forms are unaffected.
    await request(app)
      .post('/api/v1/forms/evig/versions/1.0.0/validate')
      .set(demo)
      .send({ data: { v: 'y' } })
      .expect(503);
    await request(app)
      .post('/api/v1/forms/evig/versions/1.0.0/validate')
      .set(demo)
      .send({ data: { v: 1 } })
      .expect(200);
    const national = await request(app)
      .post('/api/v1/forms/aftaleskema/versions/1.0.0/validate')
      .send({ data: aftaleData(), today: '2026-06-01' })
      .expect(200);
    expect(national.body.valid).toBe(true);
  });
});
