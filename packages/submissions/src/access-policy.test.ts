import type { Submission } from '@skema/core';
import { describe, expect, it } from 'vitest';
import { AccessPolicy } from './access-policy.js';
import { SubmissionNotFoundError } from './errors.js';
import { actor, harness, person } from './test-harness.js';

const rule = { name: 'sag:need-to-know', formId: 'sag', roles: ['leder'], approvers: true };
const signe = person('alpha-signe', 'caseworker');
const soeren = person('alpha-soeren', 'caseworker');
const lene = person('alpha-lene', 'caseworker', 'leder');

const needToKnow = () => harness({ access: new AccessPolicy([rule]) });

describe('AccessPolicy', () => {
  const submission = (over: Partial<Submission> = {}) =>
    ({ id: 's', tenantId: 'alpha', formId: 'sag', createdBy: 'oidc:alpha-signe', ...over }) as Submission;
  const policy = new AccessPolicy([rule]);

  it('need-to-know forms: creator, assignees, granted roles, approvers and the case team; systems see all', async () => {
    expect(await policy.canSee({ actor: signe, submission: submission() })).toBe(true);
    expect(await policy.canSee({ actor: soeren, submission: submission() })).toBe(false);
    expect(await policy.canSee({ actor: soeren, submission: submission({ assignees: ['oidc:alpha-soeren'] }) })).toBe(
      true,
    );
    expect(await policy.canSee({ actor: lene, submission: submission() })).toBe(true);
    const approval = {
      actorId: 'oidc:alpha-soeren',
      kind: 'person' as const,
      role: 'caseworker',
      at: '2026-01-01T00:00:00.000Z',
      decision: 'approved' as const,
      revision: 2,
    };
    expect(await policy.canSee({ actor: soeren, submission: submission({ approvals: [approval] }) })).toBe(true);
    expect(
      await policy.canSee({ actor: soeren, submission: submission(), teamOf: async () => ['oidc:alpha-soeren'] }),
    ).toBe(true);
    expect(await policy.canSee({ actor: actor('alpha-integration', 'caseworker'), submission: submission() })).toBe(
      true,
    );
  });

  it('other forms are tenant-wide, unless the tenant grants roles for them', async () => {
    expect(await policy.canSee({ actor: soeren, submission: submission({ formId: 'andet' }) })).toBe(true);
    const configured = { ...soeren, formAccess: { andet: { roles: ['leder'] } } };
    expect(await policy.canSee({ actor: configured, submission: submission({ formId: 'andet' }) })).toBe(false);
    expect(
      await policy.canSee({
        actor: { ...configured, roles: ['caseworker', 'leder'] },
        submission: submission({ formId: 'andet' }),
      }),
    ).toBe(true);
  });
});

describe('need-to-know in the use cases', () => {
  it('a person who may not see a submission gets not-found on reads and writes, and it is left out of lists; its leder sees it', async () => {
    const { submissions, store } = needToKnow();
    const { submission } = await submissions.create(
      signe,
      { formId: 'sag', version: '1.0.0', status: 'draft', data: { navn: 'Testbarn' } },
      'da',
    );
    await expect(submissions.get(soeren, submission.id)).rejects.toBeInstanceOf(SubmissionNotFoundError);
    await expect(submissions.revisions(soeren, submission.id)).rejects.toBeInstanceOf(SubmissionNotFoundError);
    await expect(
      submissions.update(soeren, submission.id, { data: { navn: 'Ændret' } }, 'any', 'da'),
    ).rejects.toBeInstanceOf(SubmissionNotFoundError);
    expect((await submissions.list(soeren, {})).items).toEqual([]);
    expect((await submissions.list(lene, {})).items.map((s) => s.id)).toEqual([submission.id]);
    await submissions.get(lene, submission.id);
    expect((await store.queryAudit('alpha', { submissionId: submission.id })).items.at(-1)).toMatchObject({
      action: 'read',
      actor: 'oidc:alpha-lene',
      details: { person: { subject: 'alpha-lene' } },
    });
  });

  it('a leder assigns a colleague, who then sees it; a caseworker cannot assign', async () => {
    const { submissions } = needToKnow();
    const { submission } = await submissions.create(
      signe,
      { formId: 'sag', version: '1.0.0', status: 'draft', data: { navn: 'Testbarn' } },
      'da',
    );
    await expect(
      submissions.assign(signe, submission.id, { assignees: ['oidc:alpha-soeren'] }, 1),
    ).rejects.toMatchObject({ code: 'role-required' });
    const assigned = await submissions.assign(lene, submission.id, { assignees: ['oidc:alpha-soeren'] }, 1);
    expect(assigned).toMatchObject({ revision: 2, assignees: ['oidc:alpha-soeren'] });
    expect((await submissions.get(soeren, submission.id)).id).toBe(submission.id);
  });
});
