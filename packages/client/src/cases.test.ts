import { createTestApp, fixtureData, MemoryCaseStore, MemorySubmissionStore, TEST_KEYS } from '@skema/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SkemaCasesClient } from './cases.js';
import { SkemaClient } from './client.js';
import { SkemaApiError } from './errors.js';
import { listen } from './test-server.js';

let api: Awaited<ReturnType<typeof listen>>;

beforeAll(async () => {
  const store = new MemorySubmissionStore();
  api = await listen(createTestApp({ store, caseStore: new MemoryCaseStore(store) }).app);
});
afterAll(() => api.close());

describe('SkemaCasesClient against createApp()', () => {
  it('creates, lists, updates, attaches, prefills and closes a case, and validates in it', async () => {
    const client = new SkemaClient({
      baseUrl: api.url,
      token: TEST_KEYS.caseworker,
      locale: 'en',
      retry: { retries: 0 },
    });
    const cases = new SkemaCasesClient(client);
    const created = await cases.createCase({ title: 'Asta', borger: { name: 'Asta Jensen', birthDate: '2015-04-01' } });
    expect(created.etag).toBe(`"${created.case.id}:1"`);
    expect((await cases.listCases({ q: 'asta' })).items.map((c) => c.id)).toEqual([created.case.id]);
    const renamed = await cases.updateCase(created.case.id, { title: 'Asta J.' }, { ifMatch: created.etag! });
    const inCase = await cases.createSubmission(created.case.id, 'fixture', '1.0.0', fixtureData(), {
      status: 'draft',
    });
    expect(inCase.caseId).toBe(created.case.id);
    const loose = await client.createSubmission('fixture', '1.0.0', fixtureData(), { status: 'draft' });
    const attached = await cases.attach(created.case.id, [loose.submission.id], { ifMatch: '*' });
    expect(attached.case.submissions).toHaveLength(2);
    expect(renamed.case.title).toBe('Asta J.');
    expect(await cases.prefill(created.case.id, 'fixture')).toMatchObject({
      formId: 'fixture',
      data: {},
      provenance: {},
    });
    expect(await client.validate('fixture', '1.0.0', fixtureData(), { caseId: created.case.id })).toMatchObject({
      valid: true,
    });
    const closed = await cases.closeCase(created.case.id, { ifMatch: attached.etag! });
    expect(closed.case.status).toBe('closed');
    const refused = await cases.closeCase(created.case.id, { ifMatch: '*' }).catch((e: unknown) => e as SkemaApiError);
    expect(refused).toBeInstanceOf(SkemaApiError);
    expect((refused as SkemaApiError).status).toBe(409);
  });
});
