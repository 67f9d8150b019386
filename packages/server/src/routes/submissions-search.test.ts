import { join } from 'node:path';
import { FormRegistry } from '@skema/core';
import { createStandardEngine, loadFormVersion, schemasDir } from '@skema/forms';
import { MemoryCaseStore, MemorySubmissionStore } from '@skema/submissions/testing';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { startPersonTokens } from '../testing/person-tokens.js';
import { bearer, createTestApp, TEST_KEYS, testConfig } from '../testing/test-app.js';

const caseworker = bearer(TEST_KEYS.caseworker);
const auditor = bearer(TEST_KEYS.auditor);
const underretning = loadFormVersion(join(schemasDir(), 'underretning', '1.0.0'));
type Data = { barn: { navn: string; cpr: string }; soeskende: Array<{ navn: string }>; iagttagelser: string } & Record<
  string,
  unknown
>;
const example = (): Data =>
  structuredClone(underretning.examples!.valid.find((e) => e.name === 'kommune-sendt-medunderskrevet')!.data) as Data;

/** Tenant alpha lists the child's name of an underretning (and nothing else); cases are kept. */
function app(fields: Record<string, string[]> = { underretning: ['/barn/navn'] }) {
  const config = testConfig();
  const store = new MemorySubmissionStore();
  return createTestApp({
    store,
    caseStore: new MemoryCaseStore(store),
    engine: createStandardEngine(),
    registry: new FormRegistry([underretning]),
    now: () => new Date('2026-06-01T10:00:00Z'),
    config: {
      ...config,
      tenants: config.tenants.map((t) => (t.id === 'alpha' ? { ...t, listPolicy: { fields } } : t)),
    },
  });
}

async function create(target: Parameters<typeof request>[0], data: Data): Promise<string> {
  const res = await request(target)
    .post('/api/v1/submissions')
    .set(caseworker)
    .send({ formId: 'underretning', version: '1.0.0', status: 'draft', data })
    .expect(201);
  return res.body.submission.id as string;
}

async function search(target: Parameters<typeof request>[0], q: string): Promise<Array<Record<string, unknown>>> {
  return (
    await request(target)
      .get(`/api/v1/submissions?q=${encodeURIComponent(q)}`)
      .set(caseworker)
      .expect(200)
  ).body.items;
}

describe('submission list search (DP-02: only over what the list shows)', () => {
  it('DP-02: finds by the child’s name the policy shows, the kvitteringsnummer, the form title and the case; shows case and creator', async () => {
    const { app: target } = app();
    const anna = { ...example(), barn: { ...example().barn, navn: 'Anna Ærø' } };
    const bo = { ...example(), barn: { ...example().barn, navn: 'Bo Berg' } };
    const annaId = await create(target, anna);
    const boId = await create(target, bo);
    const made = await request(target)
      .post('/api/v1/cases')
      .set(caseworker)
      .send({
        title: 'Skolevægring 2026',
        borger: { name: 'Borger Navnesen', birthDate: '2015-01-01' },
        submissionIds: [boId],
      })
      .expect(201);

    expect((await search(target, 'ærø')).map((i) => i.id)).toEqual([annaId]);
    expect((await search(target, 'ANNA')).map((i) => i.id)).toEqual([annaId]);
    expect((await search(target, annaId.slice(0, 8))).map((i) => i.id)).toEqual([annaId]);
    expect((await search(target, 'skolevægring')).map((i) => i.id)).toEqual([boId]);
    expect((await search(target, made.body.id as string)).map((i) => i.id)).toEqual([boId]);
    expect((await search(target, underretning.manifest.title.da.slice(0, 10))).map((i) => i.id).sort()).toEqual(
      [annaId, boId].sort(),
    );
    // The case's borger is not in the list, so it does not find the case's submissions.
    expect(await search(target, 'navnesen')).toEqual([]);

    const listed = (await request(target).get('/api/v1/submissions').set(caseworker).expect(200)).body.items as Array<
      Record<string, unknown>
    >;
    const aItem = listed.find((i) => i.id === annaId);
    const bItem = listed.find((i) => i.id === boId);
    expect(aItem).toMatchObject({
      id: annaId,
      data: { barn: { navn: 'Anna Ærø' } },
      creator: { kind: 'system', label: 'alpha-caseworker' },
    });
    expect(aItem?.caseSummary).toBeUndefined();
    expect(bItem).toMatchObject({ id: boId, caseSummary: { id: made.body.id, title: 'Skolevægring 2026' } });
  });

  it('DP-02: a search by a CPR number, a sibling’s name or a hidden observation reveals nothing', async () => {
    const { app: target } = app();
    const data = example();
    await create(target, data);
    const cpr = data.barn.cpr;
    for (const q of [
      cpr,
      cpr.replace('-', ''),
      cpr.slice(0, 6),
      data.soeskende[0]!.navn,
      data.iagttagelser.slice(0, 20),
    ]) {
      expect(await search(target, q), q).toEqual([]);
    }
    // A policy naming the CPR field itself (or the record holding it) still does not make it searchable.
    const wide = app({ underretning: ['/barn/cpr', '/barn', '/soeskende'] }).app;
    await create(wide, data);
    expect(await search(wide, cpr)).toEqual([]);
    expect(await search(wide, data.soeskende[0]!.navn)).toEqual([]);
  });

  it('DP-02: without a list policy the child’s name is not searched either; the audit records that a search was made, never its text', async () => {
    const t = app({});
    const data = example();
    await create(t.app, data);
    expect(await search(t.app, data.barn.navn)).toEqual([]);
    const audit = (await request(t.app).get('/api/v1/audit').set(auditor).expect(200)).body.items as Array<{
      action: string;
      details?: Record<string, unknown>;
    }>;
    const lists = audit.filter((e) => e.action === 'list');
    expect(lists.at(-1)?.details).toMatchObject({ search: true, count: 0 });
    expect(JSON.stringify(audit)).not.toContain(data.barn.navn);
  });

  it('refuses a search text over 100 characters and pages a search with the cursor', async () => {
    const { app: target } = app();
    await request(target)
      .get(`/api/v1/submissions?q=${'a'.repeat(101)}`)
      .set(caseworker)
      .expect(400);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(await create(target, { ...example(), barn: { ...example().barn, navn: `Åse ${i}` } }));
    const first = (await request(target).get('/api/v1/submissions?q=åse&limit=2').set(caseworker).expect(200)).body;
    expect(first.items).toHaveLength(2);
    const second = (
      await request(target)
        .get(`/api/v1/submissions?q=åse&limit=2&cursor=${encodeURIComponent(first.nextCursor)}`)
        .set(caseworker)
        .expect(200)
    ).body;
    expect([...first.items, ...second.items].map((i: { id: string }) => i.id).sort()).toEqual(ids.sort());
  });

  it('need-to-know: a search never finds an underretning the person may not see; its creator is named by the person’s name', async () => {
    const people = await startPersonTokens();
    try {
      const signe = await people.as('alpha-sagsbehandler', ['caseworker'], 'Signe Sagsbehandler');
      const soeren = await people.as('alpha-sagsbehandler-2', ['caseworker'], 'Søren Sagsbehandler');
      const { app: target } = createTestApp({ config: people.config(testConfig()) });
      const res = await request(target)
        .post('/api/v1/submissions')
        .set(signe)
        .send({ formId: 'underretning', version: '1.0.0', status: 'draft', data: { iagttagelser: 'Bekymring' } })
        .expect(201);
      const id = res.body.submission.id as string;
      const q = `?q=${id.slice(0, 8)}`;
      expect((await request(target).get(`/api/v1/submissions${q}`).set(soeren).expect(200)).body.items).toEqual([]);
      const own = (await request(target).get(`/api/v1/submissions${q}`).set(signe).expect(200)).body.items;
      expect(own).toEqual([expect.objectContaining({ id, creator: { kind: 'person', label: 'Signe Sagsbehandler' } })]);
    } finally {
      await people.close();
    }
  });
});
