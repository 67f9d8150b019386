import { createTestApp, fixtureData, TEST_KEYS } from '@skema/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SkemaClient } from './client.js';
import { SkemaApiError } from './errors.js';
import { listen } from './test-server.js';

let api: Awaited<ReturnType<typeof listen>>;
const client = (token: string = TEST_KEYS.caseworker) =>
  new SkemaClient({ baseUrl: api.url, token, locale: 'en', retry: { retries: 0 } });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected a SkemaApiError'),
    (e: unknown) => e as SkemaApiError,
  );

beforeAll(async () => {
  api = await listen(createTestApp().app);
});
afterAll(() => api.close());

describe('SkemaClient against createApp()', () => {
  it('reads forms and a form version with its manifest for the engine', async () => {
    const forms = await client().listForms();
    expect(forms.map((f) => f.id)).toContain('fixture');
    const loaded = await client().getFormVersion('fixture', '1.0.0');
    expect(loaded.form.manifest).toMatchObject({ id: 'fixture', version: '1.0.0' });
    expect(loaded.form.hash).toMatch(/^sha256-/);
  });

  it('validates, creates, reads, updates, changes status, lists and reads revisions and audit', async () => {
    const c = client();
    const result = await c.validate('fixture', '1.0.0', fixtureData());
    expect(result).toMatchObject({ valid: true, errors: [] });

    const created = await c.createSubmission('fixture', '1.0.0', fixtureData(), {
      status: 'draft',
      idempotencyKey: 'create-1',
    });
    expect(created.submission).toMatchObject({ formId: 'fixture', version: '1.0.0', status: 'draft', revision: 1 });
    expect(created.etag).toBeTruthy();
    const id = created.submission.id;

    const read = await c.getSubmission(id);
    expect(read.submission.data).toEqual(fixtureData());
    const updated = await c.updateSubmission(id, fixtureData({ navn: 'Anden Hansen' }), { ifMatch: read.etag! });
    expect(updated.submission.revision).toBe(2);
    const submitted = await c.changeStatus(id, 'submitted', { ifMatch: updated.etag! });
    expect(submitted.submission.status).toBe('submitted');

    const page = await c.listSubmissions({ formId: 'fixture', limit: 10 });
    expect(page.items.map((i) => i.id)).toContain(id);
    expect(page.items[0]).toHaveProperty('redacted');
    expect((await c.getRevisions(id)).map((r) => r.action)).toEqual(['create', 'update', 'status']);

    const audit = await client(TEST_KEYS.auditor).listAudit({ submissionId: id });
    expect(audit.items.map((e) => e.action)).toContain('create');
  });

  it('sets a legal hold with If-Match and reads the rule catalogue', async () => {
    const { submission, etag } = await client().createSubmission('fixture', '1.0.0', fixtureData(), {
      status: 'draft',
    });
    const held = await client(TEST_KEYS.leder).setLegalHold(
      submission.id,
      { hold: true, reason: 'Sag 2026-17' },
      { ifMatch: etag! },
    );
    expect(held.submission.legalHold).toBe(true);
    expect(Array.isArray(await client().listRules())).toBe(true);
  });

  it("documentPdf: the submitted submission's archival document as a Blob; a refusal is a SkemaApiError", async () => {
    const { submission } = await client().createSubmission('fixture', '1.0.0', fixtureData());
    const pdf = await client().documentPdf(submission.id, { revision: 1, locale: 'en' });
    expect(pdf).toBeInstanceOf(Blob);
    expect(new TextDecoder().decode(await pdf.slice(0, 5).arrayBuffer())).toBe('%PDF-');
    const missing = await failure(client().documentPdf('no-such-id'));
    expect(missing).toBeInstanceOf(SkemaApiError);
    expect(missing).toMatchObject({ status: 404, code: 'not-found' });
    const badRevision = await failure(client().documentPdf(submission.id, { revision: 99 }));
    expect(badRevision.status).toBeGreaterThanOrEqual(400);
  });

  it('404: a typed error with the problem document', async () => {
    const error = await failure(client().getSubmission('no-such-id'));
    expect(error).toBeInstanceOf(SkemaApiError);
    expect(error).toMatchObject({ status: 404, code: 'not-found' });
    expect(error.problem).toMatchObject({ status: 404, type: error.type });
    expect(error.message).toBe(error.problem.detail ?? error.problem.title);
  });

  it('428 without If-Match and 412 for an older revision', async () => {
    const created = await client().createSubmission('fixture', '1.0.0', fixtureData(), { status: 'draft' });
    const missing = await failure(client().updateSubmission(created.submission.id, fixtureData(), { ifMatch: '' }));
    expect(missing.status).toBe(428);
    await client().updateSubmission(created.submission.id, fixtureData({ alder: 10 }), { ifMatch: created.etag! });
    const stale = await failure(
      client().updateSubmission(created.submission.id, fixtureData({ alder: 11 }), { ifMatch: created.etag! }),
    );
    expect([409, 412]).toContain(stale.status);
    expect(stale.code).toMatch(/conflict|precondition/);
  });

  it('422 with issues naming the field and the rule', async () => {
    const error = await failure(client().createSubmission('fixture', '1.0.0', fixtureData({ alder: 'ni' })));
    expect(error.status).toBe(422);
    expect(error.code).toBe('validation-failed');
    expect(error.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: '/alder', code: 'type' })]));
  });
});
