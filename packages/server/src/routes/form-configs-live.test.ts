import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DEV_KEYS } from '../config/dev-config.js';
import { createMemoryFormConfigStore } from '../testing/memory-form-config-store.js';
import { bearer } from '../testing/test-app.js';
import { nordbyGitOverlay, tenantConfigApp } from '../testing/tenant-config-app.js';

const nordby = bearer(DEV_KEYS.nordby);
const ringsted = bearer(DEV_KEYS.ringsted);
const URL = '/api/v1/admin/form-configs';
const LABEL = 'foraeldre.foraeldreSamtykke.label';

const ownForm = (extra: Record<string, unknown> = {}) => ({
  manifest: { title: { da: 'Nordbys tjekliste', en: 'Nordby checklist' }, plugins: [], changelog: 'Første version.' },
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['emne'],
    properties: { emne: { type: 'string', minLength: 2 }, antal: { type: 'integer', minimum: 0 } },
  },
  uischema: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/emne' }] },
  i18n: { da: { 'emne.label': 'Emne' }, en: { 'emne.label': 'Subject' } },
  examples: {
    valid: [{ name: 'ok', data: { emne: 'Møde' } }],
    invalid: [{ name: 'kort', data: { emne: 'x' }, expect: { codes: ['minLength'] } }],
  },
  ...extra,
});

const published = (version: string, label: string) => ({
  ...nordbyGitOverlay(),
  version,
  texts: { da: { [LABEL]: label }, en: {} },
});
const audit = (action: string) => ({ tenantId: 'nordby', at: '2026-06-01T10:00:00Z', actor: 'test', action }) as never;

describe('own forms published through the API', () => {
  it('become resolvable for that tenant only, with their examples checked', async () => {
    const { app } = tenantConfigApp();
    await request(app).put(`${URL}/form/nordbyTjekliste/1.0.0`).set(nordby).send(ownForm()).expect(200);
    const check = await request(app).post(`${URL}/form/nordbyTjekliste/1.0.0/check`).set(nordby).expect(200);
    expect(check.body).toEqual({ ok: true, problems: [] });
    await request(app).get('/api/v1/forms/nordbyTjekliste/versions/latest').set(nordby).expect(404);
    await request(app).post(`${URL}/form/nordbyTjekliste/1.0.0/publish`).set(nordby).expect(200);

    const form = await request(app).get('/api/v1/forms/nordbyTjekliste/versions/latest').set(nordby).expect(200);
    expect(form.body).toMatchObject({
      id: 'nordbyTjekliste',
      version: '1.0.0',
      status: 'published',
      title: { da: 'Nordbys tjekliste' },
    });
    await request(app).get('/api/v1/forms/nordbyTjekliste/versions/latest').set(ringsted).expect(404);
    await request(app).get('/api/v1/forms/nordbyTjekliste/versions/latest').expect(404);
    const valid = await request(app)
      .post('/api/v1/forms/nordbyTjekliste/versions/1.0.0/validate')
      .set(nordby)
      .send({ data: { emne: 'x' } })
      .expect(200);
    expect(valid.body.errors.map((e: { code: string }) => e.code)).toEqual(['minLength']);

    // 1.1.0 makes `antal` required: breaking, so 1.1.0 is refused and the diff says why.
    const stricter = ownForm({
      schema: { ...ownForm().schema, required: ['emne', 'antal'] },
      examples: { valid: [{ name: 'ok', data: { emne: 'Møde', antal: 1 } }] },
    });
    await request(app).put(`${URL}/form/nordbyTjekliste/1.1.0`).set(nordby).send(stricter).expect(200);
    const refused = await request(app).post(`${URL}/form/nordbyTjekliste/1.1.0/publish`).set(nordby).expect(422);
    expect(refused.body).toMatchObject({ requiredBump: 'major', diff: { from: '1.0.0', to: '1.1.0' } });
    expect(refused.body.diff.changes).toContainEqual(expect.objectContaining({ kind: 'required-added' }));
    // The diff endpoint compares the tenant's own form too.
    await request(app).put(`${URL}/form/nordbyTjekliste/2.0.0`).set(nordby).send(stricter).expect(200);
    await request(app).post(`${URL}/form/nordbyTjekliste/2.0.0/publish`).set(nordby).expect(200);
    const diff = await request(app)
      .get('/api/v1/forms/nordbyTjekliste/versions/1.0.0/diff/2.0.0')
      .set(nordby)
      .expect(200);
    expect(diff.body).toMatchObject({ formId: 'nordbyTjekliste', from: '1.0.0', to: '2.0.0', requiredBump: 'major' });
  });

  it('refuses failing examples, a shared form id and a mismatching manifest', async () => {
    const { app } = tenantConfigApp();
    await request(app)
      .put(`${URL}/form/nordbyTjekliste/1.0.0`)
      .set(nordby)
      .send(ownForm({ examples: { valid: [{ name: 'forkert', data: { emne: 1 } }] } }))
      .expect(200);
    const check = await request(app).post(`${URL}/form/nordbyTjekliste/1.0.0/check`).set(nordby).expect(200);
    expect(check.body).toMatchObject({
      ok: false,
      problems: [
        {
          path: '/examples/valid/0',
          code: 'example-not-valid',
          message: expect.stringContaining('type ved /emne'),
          messages: { en: expect.stringContaining('type at /emne') },
        },
      ],
    });
    await request(app).put(`${URL}/form/aftaleskema/1.0.0`).set(nordby).send(ownForm()).expect(200);
    const shared = (
      await request(app)
        .post(`${URL}/form/aftaleskema/1.0.0/check`)
        .set(nordby)
        .set('Accept-Language', 'en')
        .expect(200)
    ).body.problems[0];
    expect(shared).toMatchObject({
      path: '/manifest/id',
      code: 'form-shared',
      message: expect.stringMatching(/overlay instead/),
      messages: { da: expect.stringMatching(/fælles skema/) },
    });
    const mismatch = await request(app)
      .put(`${URL}/form/nordbyTjekliste/1.0.0`)
      .set(nordby)
      .send(ownForm({ manifest: { ...ownForm().manifest, id: 'andet' } }))
      .expect(400);
    expect(mismatch.body.issues[0].path).toBe('/manifest/id');
  });
});

describe('tenant isolation', () => {
  it('a tenant cannot see, check, publish or deprecate another tenant’s configuration', async () => {
    const { app } = tenantConfigApp();
    const ringstedBefore = (
      await request(app).get('/api/v1/forms/aftaleskema/versions/latest').set(ringsted).expect(200)
    ).body.hash;
    await request(app)
      .put(`${URL}/overlay/aftaleskema/1.0.1`)
      .set(nordby)
      .send({ ...nordbyGitOverlay(), version: undefined })
      .expect(200);
    await request(app).post(`${URL}/overlay/aftaleskema/1.0.1/publish`).set(nordby).expect(200);
    expect((await request(app).get(URL).set(ringsted).expect(200)).body.items).toEqual([]);
    for (const action of ['check', 'publish', 'deprecate'])
      await request(app).post(`${URL}/overlay/aftaleskema/1.0.1/${action}`).set(ringsted).expect(404);
    await request(app).get(`${URL}/overlay/aftaleskema/1.0.1`).set(ringsted).expect(404);
    expect(
      (await request(app).get('/api/v1/forms/aftaleskema/versions/latest').set(ringsted).expect(200)).body.hash,
    ).toBe(ringstedBefore);
    expect((await request(app).get('/api/v1/audit').set(ringsted).expect(200)).body.items).toEqual([]);
  });
});

describe('published configuration across restarts and instances', () => {
  it('is read at start', async () => {
    const store = createMemoryFormConfigStore();
    await store.saveFormConfigDraft(
      {
        tenantId: 'nordby',
        kind: 'overlay',
        formId: 'aftaleskema',
        version: '1.0.5',
        status: 'draft',
        document: published('1.0.5', 'Fra lageret'),
        hash: '',
        updatedAt: '2026-06-01T10:00:00Z',
        updatedBy: 'test',
      },
      audit('form-config.draft'),
    );
    await store.setFormConfigStatus(
      'nordby',
      'overlay',
      'aftaleskema',
      '1.0.5',
      'published',
      audit('form-config.publish'),
    );
    const { app } = tenantConfigApp({ formConfigStore: store });
    const res = await request(app).get('/api/v1/forms/aftaleskema/versions/latest').set(nordby).expect(200);
    expect(res.body.i18n.da[LABEL]).toBe('Fra lageret');
  });

  it('another instance picks up a publication on its refresh interval', async () => {
    const store = createMemoryFormConfigStore();
    const a = tenantConfigApp({ formConfigStore: store }).app;
    const b = tenantConfigApp({ formConfigStore: store, formConfigRefreshMs: 50 }).app;
    const label = async () =>
      (await request(b).get('/api/v1/forms/aftaleskema/versions/latest').set(nordby).expect(200)).body.i18n.da[LABEL];
    const before = await label();
    await request(a)
      .put(`${URL}/overlay/aftaleskema/1.0.1`)
      .set(nordby)
      .send(published('1.0.1', 'Fra instans A'))
      .expect(200);
    await request(a).post(`${URL}/overlay/aftaleskema/1.0.1/publish`).set(nordby).expect(200);
    expect(before).not.toBe('Fra instans A');
    await new Promise((r) => setTimeout(r, 200));
    expect(await label()).toBe('Fra instans A');
  });
});
