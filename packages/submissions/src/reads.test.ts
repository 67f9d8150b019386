import { describe, expect, it } from 'vitest';
import { SubmissionNotFoundError } from './errors.js';
import { actor, harness } from './test-harness.js';

const caseworker = actor('alpha-caseworker', 'caseworker');

async function created() {
  const h = harness();
  const { submission } = await h.submissions.create(
    caseworker,
    { formId: 'sag', version: '1.0.0', status: 'draft', data: { navn: 'Testbarn', bemaerkning: 'Helbredsoplysning' } },
    'da',
  );
  return { ...h, id: submission.id };
}

describe('reads are audited, sensitive data by category only', () => {
  it('get returns the whole submission and audits the categories of sensitive data it disclosed', async () => {
    const { submissions, store, id } = await created();
    expect((await submissions.get(caseworker, id)).data).toEqual({
      navn: 'Testbarn',
      bemaerkning: 'Helbredsoplysning',
    });
    expect((await store.queryAudit('alpha', {})).items.at(-1)).toEqual(
      expect.objectContaining({ action: 'read', submissionId: id, details: { revision: 1, sensitive: ['helbred'] } }),
    );
  });

  it('list shows no data unless the list policy names it, never sensitive values, and audits the scrubbed filter', async () => {
    const { submissions, store } = await created();
    expect((await submissions.list(caseworker, {})).items[0]).toMatchObject({ data: {}, redacted: [''] });
    const named = await submissions.list(caseworker, { formId: 'sag' }, { sag: ['/navn', '/bemaerkning'] });
    expect(named.items[0]).toMatchObject({ data: { navn: 'Testbarn' }, redacted: ['/bemaerkning'] });
    await submissions.list(caseworker, { formId: '010190-1234' });
    expect((await store.queryAudit('alpha', {})).items.at(-1)).toMatchObject({
      action: 'list',
      details: { formId: '[cpr-redacted]', count: 0 },
    });
  });

  it('revisions are audited with what their patches disclose; another tenant reads nothing', async () => {
    const { submissions, store, id } = await created();
    await submissions.update(caseworker, id, { data: { navn: 'Testbarn', bemaerkning: 'Ny' } }, 1, 'da');
    expect(await submissions.revisions(caseworker, id)).toHaveLength(2);
    expect((await store.queryAudit('alpha', {})).items.at(-1)).toMatchObject({
      action: 'read',
      details: { revisions: 2, sensitive: ['helbred'] },
    });
    await expect(submissions.get({ ...caseworker, tenantId: 'beta' }, id)).rejects.toBeInstanceOf(
      SubmissionNotFoundError,
    );
    await expect(submissions.revisions({ ...caseworker, tenantId: 'beta' }, id)).rejects.toBeInstanceOf(
      SubmissionNotFoundError,
    );
  });

  it('the audit log is the tenant’s own', async () => {
    const { submissions, id } = await created();
    const page = await submissions.auditLog(caseworker, { submissionId: id });
    expect(page.items.map((e) => e.action)).toEqual(['create']);
    expect((await submissions.auditLog({ ...caseworker, tenantId: 'beta' }, {})).items).toEqual([]);
  });
});
