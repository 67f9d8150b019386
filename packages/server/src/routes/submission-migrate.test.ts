import { FormRegistry, formContentHash, type FormVersion } from '@skema/core';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DEV_KEYS } from '../config/dev-config.js';
import { fixtureData, fixtureForms } from '../testing/fixture-forms.js';
import { indsatsplan1, tenantConfigApp } from '../testing/tenant-config-app.js';
import { bearer, createTestApp, TEST_KEYS } from '../testing/test-app.js';

const demo = bearer(DEV_KEYS.demo);
const example = () =>
  structuredClone(indsatsplan1.examples!.valid[0]!.data) as Record<string, unknown> & {
    dialog: { hvadBekymrer: string; hvadFungerer: string };
  };

async function create(app: Parameters<typeof request>[0], key: Record<string, string>, body: Record<string, unknown>) {
  const res = await request(app).post('/api/v1/submissions').set(key).send(body).expect(201);
  return res.headers.location as string;
}

describe('POST /submissions/{id}/migrate: indsatsplan 1.0.0 → 2.0.0 (JSON Patch in its form.json)', () => {
  it('moves the data into the new structure as a new revision, keeping the old one and its receipt', async () => {
    const { app } = tenantConfigApp();
    const data = example();
    const url = await create(app, demo, { formId: 'indsatsplan', version: '1.0.0', status: 'submitted', data });
    const res = await request(app)
      .post(`${url}/migrate`)
      .set(demo)
      .set('If-Match', `"${url.split('/').pop()}:1"`)
      .send({ version: '2.0.0' })
      .expect(201);
    expect(res.headers.etag).toMatch(/:2"$/);
    expect(res.body.submission).toMatchObject({ version: '2.0.0', revision: 2, status: 'submitted' });
    expect(res.body.submission.data.dialog.hvadBekymrer).toEqual({ iagttagelser: data.dialog.hvadBekymrer });
    expect(res.body.submission.data.dialog.hvadFungerer).toEqual({ iagttagelser: data.dialog.hvadFungerer });
    expect(res.body.receipt).toMatchObject({ formId: 'indsatsplan', version: '2.0.0' });

    const revisions = (await request(app).get(`${url}/revisions`).set(demo).expect(200)).body.items;
    expect(revisions.map((r: { action: string; version: string }) => `${r.action} ${r.version}`)).toEqual([
      'create 1.0.0',
      'migrate 2.0.0',
    ]);
    expect(revisions[1].changes).toContainEqual({ op: 'replace', path: '/version', value: '2.0.0' });
    const audit = (await request(app).get('/api/v1/audit').set(demo).expect(200)).body.items;
    expect(audit.filter((e: { action: string }) => e.action === 'migrate')).toHaveLength(1);
    expect(audit.find((e: { action: string }) => e.action === 'migrate')).toMatchObject({
      details: { from: '1.0.0', version: '2.0.0', revision: 2 },
    });
  });

  it('refuses a migration without a path (a draft missing the migrated fields): 422, nothing changed', async () => {
    const { app } = tenantConfigApp();
    const { dialog: _dialog, ...data } = example();
    const url = await create(app, demo, { formId: 'indsatsplan', version: '1.0.0', status: 'draft', data });
    const res = await request(app)
      .post(`${url}/migrate`)
      .set('If-Match', '*')
      .set(demo)
      .send({ version: '2.0.0' })
      .expect(422);
    expect(res.body).toMatchObject({ type: 'https://skema.dk/problems/migration-impossible', reason: 'patch-failed' });
    expect(res.body.detail).toMatch(/kan ikke migreres fra 1\.0\.0 til 2\.0\.0/);
    expect((await request(app).get(url).set(demo).expect(200)).body).toMatchObject({ version: '1.0.0', revision: 1 });
    await request(app).post(`${url}/migrate`).set('If-Match', '*').set(demo).send({ version: '1.0.0' }).expect(422);
    await request(app).post(`${url}/migrate`).set('If-Match', '*').set(demo).send({ version: '9.0.0' }).expect(404);
    await request(app).post(`${url}/migrate`).set('If-Match', '*').set(demo).send({}).expect(400);
  });

  it('409 when If-Match names another revision; another tenant’s submission is 404', async () => {
    const { app } = tenantConfigApp();
    const url = await create(app, demo, {
      formId: 'indsatsplan',
      version: '1.0.0',
      status: 'submitted',
      data: example(),
    });
    const res = await request(app)
      .post(`${url}/migrate`)
      .set(demo)
      .set('If-Match', `"${url.split('/').pop()}:7"`)
      .send({ version: '2.0.0' })
      .expect(409);
    expect(res.body.type).toBe('https://skema.dk/problems/revision-conflict');
    await request(app)
      .post(`${url}/migrate`)
      .set('If-Match', '*')
      .set(bearer(DEV_KEYS.demo2))
      .send({ version: '2.0.0' })
      .expect(404);
  });

  it('Ringsted’s overlay pins indsatsplan to ^1.0.0, so moving to 2.0.0 is refused clearly (409), not a crash', async () => {
    const { app } = tenantConfigApp();
    const data = {
      ...example(),
      deltagere: ['Klasselærer', 'AKT-vejleder'],
      'x-ringsted': { moedeform: 'Samarbejdsmøde' },
    };
    const url = await create(app, bearer(DEV_KEYS.ringsted), {
      formId: 'indsatsplan',
      version: '1.0.0',
      status: 'submitted',
      data,
    });
    const res = await request(app)
      .post(`${url}/migrate`)
      .set('If-Match', '*')
      .set(bearer(DEV_KEYS.ringsted))
      .send({ version: '2.0.0' })
      .expect(409);
    expect(res.body.type).toBe('https://skema.dk/problems/overlay-not-applicable');
  });
});

describe('POST /submissions/{id}/migrate: migrated data that is invalid', () => {
  // fixture 2.0.0 whose migration turns the age into text: the result breaks the new schema.
  const [v1] = fixtureForms();
  const broken = structuredClone(v1!) as Omit<FormVersion, 'hash'> & { hash?: string };
  broken.manifest.version = '2.0.0';
  broken.manifest.migration = { from: '1.0.0', patch: [{ op: 'replace', path: '/alder', value: 'ukendt' }] };
  delete broken.hash;
  const registry = new FormRegistry([v1!, { ...broken, hash: formContentHash(broken) }]);

  it('is refused with 422 migration-invalid and the validation errors; the submission is unchanged', async () => {
    const { app } = createTestApp({ registry });
    const key = bearer(TEST_KEYS.caseworker);
    const url = await create(app, key, { formId: 'fixture', version: '1.0.0', status: 'draft', data: fixtureData() });
    const res = await request(app)
      .post(`${url}/migrate`)
      .set('If-Match', '*')
      .set(key)
      .send({ version: '2.0.0' })
      .expect(422);
    expect(res.body.type).toBe('https://skema.dk/problems/migration-invalid');
    expect(res.body.errors).toEqual([expect.objectContaining({ code: 'type', path: '/alder' })]);
    expect(res.body.issues[0]).toMatchObject({ code: 'type', path: '/alder' });
    expect((await request(app).get(url).set(key).expect(200)).body).toMatchObject({
      version: '1.0.0',
      revision: 1,
      data: fixtureData(),
    });
    expect((await request(app).get(`${url}/revisions`).set(key).expect(200)).body.items).toHaveLength(1);
  });
});

describe('GET /forms/{formId}/versions/{a}/diff/{b}', () => {
  it('classifies the changes between two versions and names the required bump', async () => {
    const { app } = tenantConfigApp();
    const res = await request(app).get('/api/v1/forms/indsatsplan/versions/1.0.0/diff/2.0.0').expect(200);
    expect(res.body).toMatchObject({ formId: 'indsatsplan', from: '1.0.0', to: '2.0.0', requiredBump: 'major' });
    expect(res.body.changes).toContainEqual(
      expect.objectContaining({ kind: 'type-narrowed', level: 'major', path: expect.stringContaining('hvadBekymrer') }),
    );
    const same = await request(app).get('/api/v1/forms/indsatsplan/versions/2.0.0/diff/latest').expect(200);
    expect(same.body).toEqual({ formId: 'indsatsplan', from: '2.0.0', to: '2.0.0', requiredBump: 'none', changes: [] });
    await request(app).get('/api/v1/forms/indsatsplan/versions/1.0.0/diff/7.0.0').expect(404);
    await request(app).get('/api/v1/forms/ukendt/versions/1.0.0/diff/2.0.0').expect(404);
  });
});
