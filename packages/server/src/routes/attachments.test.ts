import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { MemoryBlobStore, MemoryCaseStore, MemorySubmissionStore } from '@skema/submissions/testing';
import { fixtureData } from '../testing/fixture-forms.js';
import { bearer, createTestApp, TEST_KEYS } from '../testing/test-app.js';

const worker = bearer(TEST_KEYS.caseworker);
const pdf = (bytes = 5000): Buffer => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(bytes, 0x41)]);
const bomb = readFileSync(new URL('../../../submissions/src/attachments/fixtures/bombe.docx', import.meta.url));

async function setup() {
  const store = new MemorySubmissionStore();
  const blobs = new MemoryBlobStore();
  const t = createTestApp({
    store,
    caseStore: new MemoryCaseStore(store),
    blobStore: blobs,
    attachmentLimits: { perFileBytes: 300 * 1024 },
  });
  const created = await request(t.app)
    .post('/api/v1/submissions')
    .set(worker)
    .send({ formId: 'fixture', version: '1.0.0', status: 'draft', data: fixtureData() })
    .expect(201);
  return { ...t, blobs, url: `/api/v1/submissions/${created.body.submission.id as string}/attachments` };
}

const upload = (t: Awaited<ReturnType<typeof setup>>, body: Buffer, name: string) =>
  request(t.app)
    .post(t.url)
    .set(worker)
    .set('Content-Type', 'application/octet-stream')
    .set('Content-Disposition', `attachment; filename="${name}"`)
    .send(body);

describe('attachments API', () => {
  it('uploads a PDF (type from content), lists it and downloads it, audited', async () => {
    const t = await setup();
    const res = await upload(t, pdf(), 'notat.docx').expect(201);
    expect(res.body).toMatchObject({ mediaType: 'application/pdf', fileName: 'notat.docx', size: 5009 });
    const list = await request(t.app).get(t.url).set(worker).expect(200);
    expect(list.body.items).toHaveLength(1);
    const file = await request(t.app)
      .get(`/api/v1/attachments/${res.body.id}`)
      .set(worker)
      .buffer(true)
      .parse((r, cb) => {
        const parts: Buffer[] = [];
        r.on('data', (c: Buffer) => parts.push(c));
        r.on('end', () => cb(null, Buffer.concat(parts)));
      })
      .expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain('notat.docx');
    expect((file.body as Buffer).equals(pdf())).toBe(true);
    await request(t.app).get(`/api/v1/attachments/${res.body.id}`).set(bearer(TEST_KEYS.beta)).expect(404);
    const audit = await t.store.queryAudit('alpha', { limit: 100 });
    expect(audit.items.map((e) => e.action)).toEqual(expect.arrayContaining(['attachment.create', 'attachment.read']));
  });

  it("deletes a draft's file (content and metadata, audited), refuses a submitted form's and another tenant's", async () => {
    const t = await setup();
    const first = await upload(t, pdf(), 'ppv.pdf').expect(201);
    await request(t.app).delete(`/api/v1/attachments/${first.body.id}`).set(bearer(TEST_KEYS.beta)).expect(404);
    await request(t.app).delete(`/api/v1/attachments/${first.body.id}`).set(worker).expect(204);
    expect(t.blobs.count).toBe(0);
    await request(t.app).get(`/api/v1/attachments/${first.body.id}`).set(worker).expect(404);
    await request(t.app).delete(`/api/v1/attachments/${first.body.id}`).set(worker).expect(404);
    const audit = await t.store.queryAudit('alpha', { limit: 100 });
    expect(audit.items.find((e) => e.action === 'attachment.delete')?.details).toMatchObject({
      attachmentId: first.body.id,
      size: 5009,
    });

    const sent = await request(t.app)
      .post('/api/v1/submissions')
      .set(worker)
      .send({ formId: 'fixture', version: '1.0.0', status: 'submitted', data: fixtureData() })
      .expect(201);
    const kept = await request(t.app)
      .post(`/api/v1/submissions/${sent.body.submission.id as string}/attachments?name=bilag.pdf`)
      .set(worker)
      .set('Content-Type', 'application/octet-stream')
      .send(pdf())
      .expect(201);
    const refused = await request(t.app).delete(`/api/v1/attachments/${kept.body.id}`).set(worker).expect(409);
    expect(refused.body.type).toMatch(/not-editable$/);
    expect(t.blobs.count).toBe(1);
  });

  const cases: Array<[string, Buffer, string, number, string]> = [
    [
      'a renamed executable',
      Buffer.concat([
        Buffer.from('MZ'),
        Buffer.alloc(0x3a),
        Buffer.from([0x80, 0, 0, 0]),
        Buffer.alloc(0x40),
        Buffer.from('PE\0\0', 'binary'),
        Buffer.alloc(4000),
      ]),
      'rapport.pdf',
      415,
      'unsupported-media-type',
    ],
    ['a zip bomb named .docx', bomb, 'bombe.docx', 415, 'unsupported-media-type'],
    ['an oversized file', pdf(400 * 1024), 'stor.pdf', 413, 'payload-too-large'],
    ['a path in the file name', pdf(), '../../etc/passwd', 400, 'invalid-request'],
  ];
  for (const [what, body, name, status, type] of cases) {
    it(`answers ${what} with ${status} problem+json and stores nothing`, async () => {
      const t = await setup();
      const res = await upload(t, body, name).expect(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.type).toMatch(new RegExp(`${type}$`));
      expect(res.body.detail).toBeTruthy();
      expect(t.blobs.count).toBe(0);
    });
  }

  it('stores nothing from an upload cut off mid-stream', async () => {
    const t = await setup();
    const server = t.app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as AddressInfo;
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: t.url,
      headers: {
        ...worker,
        'content-type': 'application/pdf',
        'content-length': '200000',
        'content-disposition': 'attachment; filename="x.pdf"',
      },
    });
    req.on('error', () => undefined);
    req.write(pdf(60_000));
    await new Promise((r) => setTimeout(r, 100));
    req.destroy();
    await new Promise((r) => setTimeout(r, 200));
    server.close();
    expect(t.blobs.count).toBe(0);
    expect((await t.store.queryAudit('alpha', { limit: 100 })).items.map((e) => e.action)).not.toContain(
      'attachment.create',
    );
  });

  it('answers 501 without a blob store', async () => {
    const t = createTestApp();
    await request(t.app).get('/api/v1/attachments/x').set(worker).expect(501);
  });
});
