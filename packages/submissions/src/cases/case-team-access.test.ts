import { describe, expect, it } from 'vitest';
import { AccessPolicy } from '../access-policy.js';
import { Attachments } from '../attachments/attachments.js';
import { SubmissionNotFoundError } from '../errors.js';
import { Submissions } from '../submissions.js';
import { harness, person } from '../test-harness.js';
import { MemoryBlobStore } from '../testing/memory-blobs.js';
import { MemoryCaseStore } from '../testing/memory-cases.js';
import { caseTeamAccess } from './case-team-access.js';
import type { CasesDeps } from './case-deps.js';
import { Cases } from './cases.js';

// `sag` is need-to-know here, as the viso plugin makes the underretning.
const policy = new AccessPolicy([{ name: 'sag:need-to-know', formId: 'sag', roles: ['leder'] }]);
const signe = person('alpha-signe', 'caseworker');
const soeren = person('alpha-soeren', 'caseworker');
const bo = person('alpha-bo', 'caseworker');
const beta = { ...person('beta-signe', 'caseworker', 'leder'), tenantId: 'beta' };

async function setup() {
  const h = harness({ access: policy });
  const caseStore = new MemoryCaseStore(h.store);
  const deps: CasesDeps = { ...h.deps, cases: caseStore, caseAccess: caseTeamAccess(caseStore) };
  const submissions = new Submissions(deps);
  const cases = new Cases(deps);
  const attachments = new Attachments({ ...deps, blobs: new MemoryBlobStore() });
  const { submission } = await submissions.create(
    signe,
    { formId: 'sag', version: '1.0.0', status: 'draft', data: { navn: 'Testbarn' } },
    'da',
  );
  const file = await attachments.upload(
    signe,
    { kind: 'submission', id: submission.id },
    'notat.pdf',
    (async function* () {
      yield new TextEncoder().encode('%PDF-1.7\nindhold');
    })(),
  );
  const record = await cases.create(signe, {
    title: 'Sag om Testbarn',
    borger: { name: 'Testbarn', birthDate: '2015-03-01' },
    team: [soeren.id],
    submissionIds: [submission.id],
  });
  return { ...h, submissions, cases, attachments, submission, file, record };
}

describe('the case team as a need-to-know group', () => {
  it('a caseworker on the case team sees its need-to-know submission, its document and its files; the read audit names the person', async () => {
    const { submissions, attachments, submission, file, store } = await setup();
    expect((await submissions.get(soeren, submission.id)).id).toBe(submission.id);
    expect((await submissions.list(soeren, {})).items.map((s) => s.id)).toEqual([submission.id]);
    expect((await submissions.forDocument(soeren, submission.id)).submission.id).toBe(submission.id);
    expect((await attachments.list(soeren, { kind: 'submission', id: submission.id })).map((a) => a.id)).toEqual([
      file.id,
    ]);
    expect((await attachments.download(soeren, file.id)).record.id).toBe(file.id);
    const reads = (await store.queryAudit('alpha', { submissionId: submission.id, limit: 100 })).items.filter(
      (e) => e.actor === soeren.id,
    );
    expect(reads.map((e) => e.action)).toEqual(['read', 'read', 'attachment.read']);
    for (const entry of reads) expect(entry.details).toMatchObject({ person: { subject: 'alpha-soeren' } });
  });

  it('a caseworker of the same tenant off the team gets not-found everywhere and an empty list', async () => {
    const { submissions, attachments, submission, file } = await setup();
    await expect(submissions.get(bo, submission.id)).rejects.toBeInstanceOf(SubmissionNotFoundError);
    await expect(submissions.forDocument(bo, submission.id)).rejects.toBeInstanceOf(SubmissionNotFoundError);
    await expect(submissions.revisions(bo, submission.id)).rejects.toBeInstanceOf(SubmissionNotFoundError);
    expect((await submissions.list(bo, {})).items).toEqual([]);
    await expect(attachments.list(bo, { kind: 'submission', id: submission.id })).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(attachments.download(bo, file.id)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('leaving the team ends the access; another tenant sees nothing, even on the team', async () => {
    const { submissions, cases, submission, record } = await setup();
    await cases.update(signe, record.id, { team: [signe.id, beta.id] }, record.revision);
    await expect(submissions.get(soeren, submission.id)).rejects.toBeInstanceOf(SubmissionNotFoundError);
    await expect(submissions.get(beta, submission.id)).rejects.toBeInstanceOf(SubmissionNotFoundError);
    expect((await submissions.list(beta, {})).items).toEqual([]);
  });
});
