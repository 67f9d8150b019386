import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFileBlobStore, createLowdbStore } from '@skema/store-lowdb';
import {
  bearer,
  createTestApp,
  startPersonTokens,
  TEST_KEYS,
  testConfig,
  type PersonTokens,
} from '@skema/server/testing';
import { MemoryBlobStore, MemoryCaseStore, MemorySubmissionStore } from '@skema/submissions/testing';
import type { BlobStore, CaseStore, SubmissionStore } from '@skema/core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * #14/#16: the people on a case's team are the need-to-know group of its submissions. Two
 * caseworkers of the same municipality, signed in with real RS256 tokens verified against a JWKS:
 * Søren is on the case's team, Bo is not. The underretning (need-to-know by the viso plugin),
 * its PDF document and its files obey the team; another tenant sees nothing.
 */
let people: PersonTokens;
let signe: Record<string, string>;
let soeren: Record<string, string>;
let bo: Record<string, string>;
beforeAll(async () => {
  people = await startPersonTokens();
  signe = await people.as('alpha-signe', ['caseworker'], 'Signe Sagsbehandler');
  soeren = await people.as('alpha-soeren', ['caseworker'], 'Søren Sagsbehandler');
  bo = await people.as('alpha-bo', ['caseworker'], 'Bo Sagsbehandler');
});
afterAll(() => people.close());

const beta = bearer(TEST_KEYS.beta);
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41)]);

interface Stores {
  store: SubmissionStore;
  caseStore: CaseStore;
  blobStore: BlobStore;
  close(): Promise<void>;
}

const storeKinds: Array<[string, () => Promise<Stores>]> = [
  [
    'memory',
    async () => {
      const store = new MemorySubmissionStore();
      return {
        store,
        caseStore: new MemoryCaseStore(store),
        blobStore: new MemoryBlobStore(),
        close: async () => undefined,
      };
    },
  ],
  [
    'lowdb',
    async () => {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'skema-team-access-'));
      const store = createLowdbStore({ dataDir });
      await store.init();
      const blobStore = createFileBlobStore(dataDir);
      return {
        store,
        caseStore: store,
        blobStore,
        close: async () => {
          await store.close();
          await rm(dataDir, { recursive: true, force: true });
        },
      };
    },
  ],
];

for (const [kind, open] of storeKinds) {
  describe(`the case team as need-to-know group over HTTP (${kind})`, () => {
    it('lists, reads, revisions, the PDF document and the files of the case’s underretning: the team member yes (audited with the person), the colleague off the team 404 and empty lists, another tenant nothing', async () => {
      const stores = await open();
      try {
        const { app, store } = createTestApp({
          config: people.config(testConfig()),
          store: stores.store,
          caseStore: stores.caseStore,
          blobStore: stores.blobStore,
        });
        const created = await request(app)
          .post('/api/v1/submissions')
          .set(signe)
          .send({
            formId: 'underretning',
            version: '1.0.0',
            status: 'draft',
            data: { iagttagelser: 'Bekymring for barnet' },
          })
          .expect(201);
        const id = created.body.submission.id as string;
        const url = `/api/v1/submissions/${id}`;
        const file = await request(app)
          .post(`${url}/attachments`)
          .set(signe)
          .set('Content-Type', 'application/octet-stream')
          .set('Content-Disposition', 'attachment; filename="notat.pdf"')
          .send(pdf)
          .expect(201);
        // Before the case: Søren is not the creator, an assignee or a leder.
        await request(app).get(url).set(soeren).expect(404);

        const sag = await request(app)
          .post('/api/v1/cases')
          .set(signe)
          .send({
            title: 'Sag om Testbarn',
            borger: { name: 'Testbarn', birthDate: '2015-03-01' },
            team: ['oidc:alpha-soeren'],
            submissionIds: [id],
          })
          .expect(201);
        expect(sag.body.team).toEqual(['oidc:alpha-signe', 'oidc:alpha-soeren']);
        const caseFile = await request(app)
          .post(`/api/v1/cases/${sag.body.id}/attachments`)
          .set(signe)
          .set('Content-Type', 'application/octet-stream')
          .set('Content-Disposition', 'attachment; filename="sag.pdf"')
          .send(pdf)
          .expect(201);

        // On the team.
        expect((await request(app).get(url).set(soeren).expect(200)).body.id).toBe(id);
        await request(app).get(`${url}/revisions`).set(soeren).expect(200);
        const document = await request(app).get(`${url}/document.pdf`).set(soeren).expect(200);
        expect(document.headers['content-type']).toBe('application/pdf');
        expect(
          (await request(app).get('/api/v1/submissions').set(soeren).expect(200)).body.items.map(
            (s: { id: string }) => s.id,
          ),
        ).toEqual([id]);
        expect(
          (await request(app).get(`${url}/attachments`).set(soeren).expect(200)).body.items.map(
            (a: { id: string }) => a.id,
          ),
        ).toEqual([file.body.id]);
        await request(app).get(`/api/v1/attachments/${file.body.id}`).set(soeren).expect(200);
        await request(app).get(`/api/v1/cases/${sag.body.id}`).set(soeren).expect(200);
        await request(app).get(`/api/v1/attachments/${caseFile.body.id}`).set(soeren).expect(200);

        // Same municipality, off the team: as if none of it existed.
        await request(app).get(url).set(bo).expect(404);
        await request(app).get(`${url}/revisions`).set(bo).expect(404);
        await request(app).get(`${url}/document.pdf`).set(bo).expect(404);
        expect((await request(app).get('/api/v1/submissions').set(bo).expect(200)).body.items).toEqual([]);
        await request(app).get(`${url}/attachments`).set(bo).expect(404);
        await request(app).get(`/api/v1/attachments/${file.body.id}`).set(bo).expect(404);
        await request(app).get(`/api/v1/cases/${sag.body.id}`).set(bo).expect(404);
        await request(app).get(`/api/v1/cases/${sag.body.id}/attachments`).set(bo).expect(404);
        await request(app).get(`/api/v1/attachments/${caseFile.body.id}`).set(bo).expect(404);
        expect((await request(app).get('/api/v1/cases').set(bo).expect(200)).body.items).toEqual([]);
        // Nor may he delete the draft's file he cannot see (it is still there afterwards).
        await request(app).delete(`/api/v1/attachments/${file.body.id}`).set(bo).expect(404);
        await request(app).get(`/api/v1/attachments/${file.body.id}`).set(soeren).expect(200);

        // Another tenant: nothing.
        await request(app).get(url).set(beta).expect(404);
        await request(app).get(`${url}/document.pdf`).set(beta).expect(404);
        await request(app).get(`/api/v1/attachments/${file.body.id}`).set(beta).expect(404);
        await request(app).get(`/api/v1/cases/${sag.body.id}`).set(beta).expect(404);
        expect((await request(app).get('/api/v1/submissions').set(beta).expect(200)).body.items).toEqual([]);

        // Every read of the sensitive submission by the team member names the person.
        const audit = (await store.queryAudit('alpha', { submissionId: id, limit: 100 })).items.filter(
          (e) => e.actor === 'oidc:alpha-soeren',
        );
        expect(audit.map((e) => e.action)).toEqual(['read', 'read', 'read', 'attachment.read', 'attachment.read']);
        for (const entry of audit)
          expect(entry.details).toMatchObject({ person: { subject: 'alpha-soeren', name: 'Søren Sagsbehandler' } });
        expect(audit.some((e) => e.details?.['document'] === 'pdf')).toBe(true);

        // Off the team again: the access ends with it.
        await request(app)
          .patch(`/api/v1/cases/${sag.body.id}`)
          .set(signe)
          .set('If-Match', '*')
          .send({ team: ['oidc:alpha-signe'] })
          .expect(200);
        await request(app).get(url).set(soeren).expect(404);
        expect((await request(app).get('/api/v1/submissions').set(soeren).expect(200)).body.items).toEqual([]);
      } finally {
        await stores.close();
      }
    });
  });
}
