import { join } from 'node:path';
import { FormRegistry } from '@skema/core';
import { createStandardEngine, loadFormVersion, schemasDir } from '@skema/forms';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { fixtureData, fixtureForm, fixtureForms } from '../testing/fixture-forms.js';
import { MemorySubmissionStore } from '../testing/memory-store.js';
import { bearer, createTestApp, TEST_KEYS, testConfig } from '../testing/test-app.js';

const caseworker = bearer(TEST_KEYS.caseworker);
const auditor = bearer(TEST_KEYS.auditor);
// A CPR number as a whole word (DDMMYY-SSSS or 10 digits): random UUIDs in ids must not match.
const CPR_LIKE = /(?<![0-9a-f-])\d{6}-?\d{4}(?![0-9a-f])/;

const underretning = loadFormVersion(join(schemasDir(), 'underretning', '1.0.0'));
const exampleData = () =>
  structuredClone(underretning.examples!.valid.find((e) => e.name === 'kommune-sendt-medunderskrevet')!.data) as Record<
    string,
    unknown
  > & { barn: { navn: string }; soeskende: [{ navn: string }, ...Array<{ navn: string }>]; iagttagelser: string };
/** The test tenants, alpha with a list policy naming these data fields per form. */
const withListPolicy = (fields: Record<string, string[]>) => {
  const config = testConfig();
  return { ...config, tenants: config.tenants.map((t) => (t.id === 'alpha' ? { ...t, listPolicy: { fields } } : t)) };
};
const realApp = (fields: Record<string, string[]> = {}) =>
  createTestApp({
    engine: createStandardEngine(),
    registry: new FormRegistry([underretning]),
    now: () => new Date('2026-06-01T10:00:00Z'),
    config: withListPolicy(fields),
  });

/** A form of the tenant's own kind: a health field, a list of treatments and a tagged field in a nested object. */
const journal = fixtureForm(
  'journal',
  '1.0.0',
  'published',
  {
    type: 'object',
    additionalProperties: false,
    required: ['navn'],
    properties: {
      navn: { type: 'string', minLength: 1 },
      diagnose: { type: 'string', 'x-skema-sensitive': ['helbred'] },
      behandlinger: { type: 'array', items: { type: 'string', 'x-skema-sensitive': ['helbred'] } },
      familie: {
        type: 'object',
        additionalProperties: false,
        properties: { forhold: { type: 'string', 'x-skema-sensitive': ['sociale-forhold'] }, by: { type: 'string' } },
      },
    },
  },
  false,
);
const journalData = {
  navn: 'Testbarn',
  diagnose: 'Astma',
  behandlinger: ['Inhalator', 'Fysioterapi'],
  familie: { forhold: 'Misbrug i hjemmet', by: 'Ringsted' },
};

async function create(app: Parameters<typeof request>[0], formId: string, data: unknown): Promise<string> {
  const res = await request(app)
    .post('/api/v1/submissions')
    .set(caseworker)
    .send({ formId, version: '1.0.0', status: 'draft', data })
    .expect(201);
  return res.body.submission.id;
}

async function auditOf(app: Parameters<typeof request>[0], id?: string) {
  const res = await request(app)
    .get(`/api/v1/audit${id ? `?submissionId=${id}` : ''}`)
    .set(auditor)
    .expect(200);
  return res.body.items as Array<{ action: string; submissionId?: string; details?: Record<string, unknown> }>;
}

describe('DP-02 sensitive data in the submission list', () => {
  it('list policy: by default a list item shows no data at all: no CPR, no names, no observations (underretning 1.0.0)', async () => {
    const { app } = realApp();
    const data = exampleData();
    await create(app, 'underretning', data);
    const list = await request(app).get('/api/v1/submissions').set(caseworker).expect(200);
    const [item] = list.body.items;
    expect(item).toMatchObject({ formId: 'underretning', version: '1.0.0', status: 'draft', data: {}, redacted: [''] });
    const text = JSON.stringify(list.body);
    expect(text).not.toMatch(CPR_LIKE);
    expect(text).not.toContain(data.barn.navn);
    expect(text).not.toContain(data.soeskende[0].navn);
    expect(text).not.toContain(data.iagttagelser);
  });

  it('list policy: a named container never shows a person record’s name; only a field named one by one does; CPR never', async () => {
    const data = exampleData();
    const wide = realApp({ underretning: ['/barn', '/soeskende', '/iagttagelser'] }).app;
    await create(wide, 'underretning', data);
    const [item] = (await request(wide).get('/api/v1/submissions').set(caseworker).expect(200)).body.items;
    expect(item.data).toEqual({ barn: {}, soeskende: [{}], iagttagelser: data.iagttagelser });
    expect(item.redacted).toEqual(
      expect.arrayContaining(['/barn/cpr', '/barn/navn', '/soeskende/0/cpr', '/soeskende/0/navn']),
    );
    const named = realApp({ underretning: ['/barn/navn', '/barn/cpr'] }).app;
    await create(named, 'underretning', data);
    const [one] = (await request(named).get('/api/v1/submissions').set(caseworker).expect(200)).body.items;
    expect(one.data).toEqual({ barn: { navn: data.barn.navn } });
    expect(one.redacted).toEqual(['/barn/cpr']);
  });

  it('DP-02: a list hands out no CPR number, even when the policy names it; GET by id still returns it all', async () => {
    const { app } = realApp({ underretning: ['/barn/cpr', '/soeskende/*/cpr', '/soeskende/*/navn'] });
    const data = exampleData();
    const id = await create(app, 'underretning', data);
    const list = await request(app).get('/api/v1/submissions').set(caseworker).expect(200);
    expect(JSON.stringify(list.body)).not.toMatch(CPR_LIKE);
    const [item] = list.body.items;
    expect(item.redacted).toEqual(['/barn/cpr', '/soeskende/0/cpr']);
    expect(item.data).toEqual({ soeskende: [{ navn: data.soeskende[0].navn }] });
    const read = await request(app).get(`/api/v1/submissions/${id}`).set(caseworker).expect(200);
    expect(read.body.data).toEqual(data);
    expect(read.body).not.toHaveProperty('redacted');
  });

  it('DP-02: fields a form tags with x-skema-sensitive are removed from the list (a tagged array as a whole)', async () => {
    const config = withListPolicy({
      journal: ['/navn', '/diagnose', '/behandlinger', '/familie'],
      fixture: ['/alder'],
    });
    const { app } = createTestApp({ registry: new FormRegistry([...fixtureForms(), journal]), config });
    await create(app, 'journal', journalData);
    await create(app, 'fixture', fixtureData());
    const list = await request(app).get('/api/v1/submissions?formId=journal').set(caseworker).expect(200);
    expect(list.body.items[0]).toMatchObject({
      data: { navn: 'Testbarn', familie: { by: 'Ringsted' } },
      redacted: ['/diagnose', '/behandlinger', '/familie/forhold'],
    });
    expect(list.body.items[0].data).toEqual({ navn: 'Testbarn', familie: { by: 'Ringsted' } });
    // Only what the policy names for the form shows.
    const fixtures = await request(app).get('/api/v1/submissions?formId=fixture').set(caseworker).expect(200);
    expect(fixtures.body.items[0]).toMatchObject({ data: { alder: 9 }, redacted: [] });
  });

  it('DP-02: a submission whose form is unknown to the server is listed without any data (fail closed)', async () => {
    const store = new MemorySubmissionStore();
    const { app: withJournal } = createTestApp({ store, registry: new FormRegistry([...fixtureForms(), journal]) });
    const id = await create(withJournal, 'journal', journalData);
    const { app: without } = createTestApp({ store });
    const list = await request(without).get('/api/v1/submissions').set(caseworker).expect(200);
    expect(list.body.items[0]).toMatchObject({ id, data: {}, redacted: [''] });
    await request(without).get(`/api/v1/submissions/${id}`).set(caseworker).expect(200);
    const read = (await auditOf(without, id)).find((e) => e.action === 'read');
    expect(read?.details).toEqual({ revision: 1, sensitiveUnknown: true });
  });
});

describe('DP-02 audit of single reads', () => {
  it('DP-02: a read records the categories of sensitive data it disclosed, never the values', async () => {
    const { app } = createTestApp({ registry: new FormRegistry([...fixtureForms(), journal]) });
    const id = await create(app, 'journal', journalData);
    const plain = await create(app, 'journal', { navn: 'Uden helbred' });
    await request(app).get(`/api/v1/submissions/${id}`).set(caseworker).expect(200);
    await request(app).get(`/api/v1/submissions/${plain}`).set(caseworker).expect(200);
    expect((await auditOf(app, id)).find((e) => e.action === 'read')?.details).toEqual({
      revision: 1,
      sensitive: ['helbred', 'sociale-forhold'],
    });
    expect((await auditOf(app, plain)).find((e) => e.action === 'read')?.details).toEqual({
      revision: 1,
      sensitive: [],
    });
    const all = JSON.stringify(await auditOf(app));
    expect(all).not.toContain('Astma');
    expect(all).not.toContain('Misbrug');
  });

  it('DP-02: a read of the revisions records what their changes disclose (CPR of an added sibling)', async () => {
    const { app } = realApp();
    const data = exampleData();
    const id = await create(app, 'underretning', data);
    await request(app).get(`/api/v1/submissions/${id}/revisions`).set(caseworker).expect(200);
    const renamed = { ...data, kommune: 'Anden Kommune' };
    await request(app)
      .put(`/api/v1/submissions/${id}`)
      .set(caseworker)
      .set('If-Match', `"${id}:1"`)
      .send({ data: renamed })
      .expect(200);
    await request(app).get(`/api/v1/submissions/${id}/revisions`).set(caseworker).expect(200);
    const sibling = { ...renamed, soeskende: [...data.soeskende, { navn: 'Ida Testesen', cpr: '050519-9904' }] };
    await request(app)
      .put(`/api/v1/submissions/${id}`)
      .set(caseworker)
      .set('If-Match', `"${id}:2"`)
      .send({ data: sibling })
      .expect(200);
    await request(app).get(`/api/v1/submissions/${id}/revisions`).set(caseworker).expect(200);
    await request(app).get(`/api/v1/submissions/${id}`).set(caseworker).expect(200);
    const reads = (await auditOf(app, id)).filter((e) => e.action === 'read').map((e) => e.details);
    expect(reads).toEqual([
      { revisions: 1, sensitive: [] },
      { revisions: 2, sensitive: [] },
      { revisions: 3, sensitive: ['cpr'] },
      { revision: 3, sensitive: ['cpr'] },
    ]);
    expect(JSON.stringify(await auditOf(app, id))).not.toMatch(CPR_LIKE);
  });
});

describe('DP-02 in the shipped forms', () => {
  it('DP-02: underretning 1.0.1 tags the concern itself: a list leaves out the observations and facts, not only the CPR numbers', async () => {
    const tagged = loadFormVersion(join(schemasDir(), 'underretning', '1.0.1'));
    const policy = withListPolicy({
      underretning: [
        '/barn/navn',
        '/barn/cpr',
        '/soeskende',
        '/faktuelleOplysninger',
        '/iagttagelser',
        '/foraeldreOrienteringVurdering',
        '/kommunensTilbagemelding',
      ],
    });
    const { app } = createTestApp({
      engine: createStandardEngine(),
      registry: new FormRegistry([underretning, tagged]),
      now: () => new Date('2026-06-01T10:00:00Z'),
      config: policy,
    });
    const data = exampleData();
    const res = await request(app)
      .post('/api/v1/submissions')
      .set(caseworker)
      .send({ formId: 'underretning', version: '1.0.1', status: 'draft', data })
      .expect(201);
    const id = res.body.submission.id as string;
    const list = await request(app).get('/api/v1/submissions').set(caseworker).expect(200);
    const [item] = list.body.items;
    expect(item.redacted).toEqual(
      expect.arrayContaining([
        '/barn/cpr',
        '/soeskende/0/cpr',
        '/faktuelleOplysninger',
        '/iagttagelser',
        '/foraeldreOrienteringVurdering',
        '/kommunensTilbagemelding/orientering',
      ]),
    );
    expect(item.data).not.toHaveProperty('iagttagelser');
    expect(JSON.stringify(list.body)).not.toContain(data.iagttagelser);
    expect(item.data.barn.navn).toBe(data.barn.navn);
    // One read of the whole record, audited with the categories it showed.
    const full = await request(app).get(`/api/v1/submissions/${id}`).set(caseworker).expect(200);
    expect(full.body.data.iagttagelser).toBe(data.iagttagelser);
    const reads = (await auditOf(app, id)).filter((e) => e.action === 'read');
    expect(reads.at(-1)?.details).toMatchObject({
      sensitive: expect.arrayContaining(['cpr', 'sociale-forhold', 'helbred']),
    });
  });
});
