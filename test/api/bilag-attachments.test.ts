import { join } from 'node:path';
import { FormRegistry } from '@skema/core';
import { createStandardEngine, loadFormVersion, schemasDir } from '@skema/forms';
import { bearer, createTestApp, TEST_KEYS, testConfig } from '@skema/server/testing';
import { MemoryBlobStore, MemoryCaseStore, MemorySubmissionStore } from '@skema/submissions/testing';
import request from 'supertest';
import { describe, expect, it } from 'vitest';

/**
 * HEN-22 over HTTP with the real henvendelsesskema 1.2.0 (issue #16): a mini enkeltsag's minimum
 * «bilag» are files uploaded to the draft (`POST /submissions/{id}/attachments`) and referenced
 * from the data; sending it (`POST …/status`) checks the references against the files stored for
 * the submission. An id that does not exist, another tenant's file and a differing SHA-256 are
 * refused with HEN-22 at the reference; the right files are accepted.
 */
const form = loadFormVersion(join(schemasDir(), 'henvendelsesskema', '1.2.0'));
const engine = createStandardEngine();
const registry = new FormRegistry([form]);
const example = form.examples!.valid.find((e) => e.name === 'mini-enkeltsag-voksen-fremtidsfuldmagt')!;
const alpha = bearer(TEST_KEYS.caseworker);
const beta = bearer(TEST_KEYS.beta);

type Ref = { id: string; fileName: string; mediaType: string; size: number; sha256: string };
const pdf = (text: string) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(text), Buffer.alloc(1500, 0x41)]);

function app() {
  const store = new MemorySubmissionStore();
  return createTestApp({
    engine,
    registry,
    store,
    caseStore: new MemoryCaseStore(store),
    blobStore: new MemoryBlobStore(),
    now: () => new Date(`${example.today ?? '2026-06-01'}T10:00:00Z`),
    config: testConfig(),
  }).app;
}

/** The example's data with the given references in its two bilag (seneste udredninger, status fra indsatser). */
function withBilag(refs: Array<Ref | undefined>): Record<string, unknown> {
  const data = structuredClone(example.data) as { bilag: Array<Record<string, unknown>> };
  data.bilag = data.bilag.map((b, i) => {
    const { vedhaeftning: _old, ...rest } = b;
    return refs[i] ? { ...rest, vedhaeftning: refs[i] } : rest;
  });
  return data;
}

async function draft(a: ReturnType<typeof app>, auth: Record<string, string>, data: unknown) {
  const res = await request(a)
    .post('/api/v1/submissions')
    .set(auth)
    .send({ formId: 'henvendelsesskema', version: '1.2.0', status: 'draft', data })
    .expect(201);
  return res.headers.location as string;
}

async function upload(
  a: ReturnType<typeof app>,
  auth: Record<string, string>,
  url: string,
  fileName: string,
  content: Buffer,
): Promise<Ref> {
  const res = await request(a)
    .post(`${url}/attachments`)
    .set(auth)
    .set('Content-Type', 'application/octet-stream')
    .set('Content-Disposition', `attachment; filename="${fileName}"`)
    .send(content)
    .expect(201);
  const { id, mediaType, size, sha256 } = res.body as Ref;
  return { id, fileName, mediaType, size, sha256 };
}

async function send(a: ReturnType<typeof app>, url: string, data: unknown) {
  await request(a).put(url).set(alpha).set('If-Match', '*').send({ data }).expect(200);
  return request(a).post(`${url}/status`).set(alpha).set('If-Match', '*').send({ status: 'submitted' });
}

const hen22 = (body: { issues?: Array<{ code: string; path: string; severity: string }> }) =>
  (body.issues ?? []).filter((i) => i.code === 'HEN-22' && i.severity === 'error').map((i) => i.path);

describe('HEN-22 «bilag» reference real attachments over HTTP', () => {
  it('HEN-22 valid: the two files uploaded to the draft and referenced are accepted on sending', async () => {
    const a = app();
    const url = await draft(a, alpha, withBilag([]));
    const udredning = await upload(a, alpha, url, 'demensudredning-2026.pdf', pdf('udredning'));
    const status = await upload(a, alpha, url, 'status-laerkehuset.pdf', pdf('status'));
    const res = await send(a, url, withBilag([udredning, status]));
    expect(res.status, JSON.stringify(res.body.issues)).toBe(200);
    expect(res.body.submission).toMatchObject({ status: 'submitted' });
    expect(res.body.submission.data.bilag[0].vedhaeftning).toEqual(udredning);
    // Checked, not merely unverifiable: no «could not check» warning either.
    expect(res.body.warnings.filter((w: { code: string }) => w.code === 'HEN-22')).toEqual([]);
  });

  it('HEN-22 invalid: an id that does not exist is refused at the reference', async () => {
    const a = app();
    const url = await draft(a, alpha, withBilag([]));
    const status = await upload(a, alpha, url, 'status-laerkehuset.pdf', pdf('status'));
    const made = { ...status, id: '00000000-0000-4000-8000-000000000000', fileName: 'demensudredning-2026.pdf' };
    const res = await send(a, url, withBilag([made, status]));
    expect(res.status).toBe(422);
    expect(hen22(res.body)).toEqual(['/bilag/0/vedhaeftning']);
  });

  it('HEN-22 invalid: another tenant’s attachment id is refused (and never named as theirs)', async () => {
    const a = app();
    const theirs = await upload(
      a,
      beta,
      await draft(a, beta, withBilag([])),
      'demensudredning-2026.pdf',
      pdf('udredning'),
    );
    const url = await draft(a, alpha, withBilag([]));
    const status = await upload(a, alpha, url, 'status-laerkehuset.pdf', pdf('status'));
    const res = await send(a, url, withBilag([theirs, status]));
    expect(res.status).toBe(422);
    expect(hen22(res.body)).toEqual(['/bilag/0/vedhaeftning']);
  });

  it('HEN-22 invalid: another submission’s file (same tenant, no shared case) and a differing SHA-256 are refused', async () => {
    const a = app();
    const other = await upload(
      a,
      alpha,
      await draft(a, alpha, withBilag([])),
      'demensudredning-2026.pdf',
      pdf('udredning'),
    );
    const url = await draft(a, alpha, withBilag([]));
    const status = await upload(a, alpha, url, 'status-laerkehuset.pdf', pdf('status'));
    const res = await send(a, url, withBilag([other, { ...status, sha256: 'f'.repeat(64) }]));
    expect(res.status).toBe(422);
    expect(hen22(res.body)).toEqual(['/bilag/0/vedhaeftning', '/bilag/1/vedhaeftning']);
  });

  it('HEN-22 on loose data (POST /validate): the rule says it could not check, as a warning', async () => {
    const a = app();
    const res = await request(a)
      .post('/api/v1/forms/henvendelsesskema/versions/1.2.0/validate')
      .set(alpha)
      .send({ data: example.data })
      .expect(200);
    expect(res.body.valid).toBe(true);
    expect(
      res.body.warnings.filter((w: { code: string }) => w.code === 'HEN-22').map((w: { path: string }) => w.path),
    ).toEqual(['/bilag/0/vedhaeftning', '/bilag/1/vedhaeftning']);
  });
});

/**
 * RAP-05 over HTTP with the real raadgivningsrapport 1.1.0 in a case: the udredningsrapport
 * uploaded to the case (`POST /cases/{id}/attachments`) is accepted in the report's «bilag»;
 * a file uploaded to another case of the same municipality is refused.
 */
describe('RAP-05 the udredningsrapport is a file of the case, over HTTP', () => {
  const rapport = loadFormVersion(join(schemasDir(), 'raadgivningsrapport', '1.1.0'));
  const draftReport = rapport.examples!.valid.find((e) => e.name === 'udkast-foer-afsluttende-moede')!;
  const rapApp = () => {
    const store = new MemorySubmissionStore();
    return createTestApp({
      engine,
      registry: new FormRegistry([rapport]),
      store,
      caseStore: new MemoryCaseStore(store),
      blobStore: new MemoryBlobStore(),
      now: () => new Date(`${draftReport.today ?? '2026-06-01'}T10:00:00Z`),
      config: testConfig(),
    }).app;
  };
  const withReport = (vedhaeftning: Ref) => ({
    ...(draftReport.data as Record<string, unknown>),
    udredningGennemfoert: true,
    bilag: [{ type: 'Udredningsrapport', titel: 'Udredningsrapport', vedhaeftning }],
  });

  async function reportInCase(a: ReturnType<typeof rapApp>) {
    const created = await request(a)
      .post('/api/v1/submissions')
      .set(alpha)
      .send({ formId: 'raadgivningsrapport', version: '1.1.0', status: 'draft', data: draftReport.data })
      .expect(201);
    const sag = await request(a)
      .post('/api/v1/cases')
      .set(alpha)
      .send({
        title: 'Sag om Emil',
        borger: { name: 'Emil Testesen', birthDate: '2014-05-12' },
        submissionIds: [created.body.submission.id],
      })
      .expect(201);
    return { url: created.headers.location as string, caseUrl: `/api/v1/cases/${sag.body.id as string}` };
  }

  it('RAP-05 valid: the report uploaded to the case is accepted', async () => {
    const a = rapApp();
    const { url, caseUrl } = await reportInCase(a);
    const file = await upload(a, alpha, caseUrl, 'udredningsrapport-emil.pdf', pdf('udredning'));
    const res = await send(a, url, withReport(file));
    expect(res.status, JSON.stringify(res.body.issues)).toBe(200);
    expect(res.body.warnings.filter((w: { code: string }) => w.code === 'RAP-05')).toEqual([]);
  });

  it('RAP-05 invalid: a file of another case is refused at the reference', async () => {
    const a = rapApp();
    const { url } = await reportInCase(a);
    const other = await request(a)
      .post('/api/v1/cases')
      .set(alpha)
      .send({ title: 'Anden sag', borger: { name: 'Ida Testesen', birthDate: '2016-01-02' } })
      .expect(201);
    const file = await upload(
      a,
      alpha,
      `/api/v1/cases/${other.body.id as string}`,
      'udredningsrapport-ida.pdf',
      pdf('ida'),
    );
    const res = await send(a, url, withReport(file));
    expect(res.status).toBe(422);
    expect(
      (res.body.issues as Array<{ code: string; path: string }>).filter((i) => i.code === 'RAP-05').map((i) => i.path),
    ).toEqual(['/bilag/0/vedhaeftning']);
  });
});
