import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FormRegistry } from '@skema/core';
import { createStandardEngine, loadFormVersion, schemasDir } from '@skema/forms';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { fixtureData } from '../testing/fixture-forms.js';
import { bearer, createTestApp, TEST_KEYS, testConfig } from '../testing/test-app.js';

const alpha = bearer(TEST_KEYS.caseworker);
const beta = bearer(TEST_KEYS.beta);
const hasPdftotext = spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0;

/** The PDF's text (poppler's pdftotext), or undefined where the tool is missing. */
function textOf(pdf: Buffer): string | undefined {
  if (!hasPdftotext) return undefined;
  const file = join(mkdtempSync(join(tmpdir(), 'skema-doc-')), 'doc.pdf');
  writeFileSync(file, pdf);
  return spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout;
}

const binary = (res: request.Response, callback: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

async function created(app: Parameters<typeof request>[0]): Promise<string> {
  const res = await request(app)
    .post('/api/v1/submissions')
    .set(alpha)
    .send({ formId: 'fixture', version: '1.0.0', status: 'draft', data: fixtureData({ navn: 'Ida Testbarn' }) })
    .expect(201);
  return (res.body as { submission: { id: string } }).submission.id;
}

describe('GET /api/v1/submissions/{id}/document.pdf (issue #15)', () => {
  it('renders the current revision as a PDF, audited like a read', async () => {
    const { app, store } = createTestApp();
    const id = await created(app);
    const res = await request(app)
      .get(`/api/v1/submissions/${id}/document.pdf`)
      .set(alpha)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const audit = (await store.queryAudit('alpha', { submissionId: id })).items.filter((e) => e.action === 'read');
    expect(audit).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ revision: 1, document: 'pdf' }) }),
    ]);
    const text = textOf(pdf);
    if (text !== undefined) expect(text).toContain(id);
  });

  it('masks CPR numbers unless the tenant’s document policy shows them', async () => {
    if (!hasPdftotext) return;
    // A real form, whose data names the child with a CPR number.
    const form = loadFormVersion(join(schemasDir(), 'underretning', '1.0.2'));
    const data = form.examples!.valid.find((e) => e.name === 'ankestyrelsen-saerlige-forhold')!.data as Record<
      string,
      unknown
    >;
    const real = { engine: createStandardEngine(), registry: new FormRegistry([form]) };
    const render = async (showCpr: boolean): Promise<string> => {
      const config = testConfig();
      if (showCpr) config.tenants[0]!.documents = { showCpr: true };
      const { app } = createTestApp({ ...real, config });
      const res = await request(app)
        .post('/api/v1/submissions')
        .set(alpha)
        .send({ formId: 'underretning', version: '1.0.2', status: 'draft', data })
        .expect(201);
      const pdf = await request(app)
        .get(`/api/v1/submissions/${(res.body as { submission: { id: string } }).submission.id}/document.pdf`)
        .set(alpha)
        .buffer(true)
        .parse(binary)
        .expect(200);
      return textOf(pdf.body as Buffer)!;
    };
    const masked = await render(false);
    expect(masked).toContain('010118-XXXX');
    expect(masked).not.toContain('010118-9901');
    expect(await render(true)).toContain('010118-9901');
  });

  it('is 404 for another tenant’s submission and for a revision the submission does not have; 400 for a bad locale', async () => {
    const { app } = createTestApp();
    const id = await created(app);
    await request(app).get(`/api/v1/submissions/${id}/document.pdf`).set(beta).expect(404);
    await request(app).get(`/api/v1/submissions/${id}/document.pdf?revision=2`).set(alpha).expect(404);
    await request(app).get(`/api/v1/submissions/${id}/document.pdf?revision=1&locale=en`).set(alpha).expect(200);
    await request(app).get(`/api/v1/submissions/${id}/document.pdf?locale=de`).set(alpha).expect(400);
  });
});
