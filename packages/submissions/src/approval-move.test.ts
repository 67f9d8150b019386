import { TransitionGuardRegistry, type SkemaPlugin, type TransitionGuard } from '@skema/core';
import { describe, expect, it } from 'vitest';
import { Submissions } from './submissions.js';
import { harness, person } from './test-harness.js';

// Like FRL-03: the creator or a leder approves; anyone else is refused.
const creatorOrLeder: TransitionGuard = {
  name: 'sag:TEST-03',
  formId: 'sag',
  to: 'approved',
  check: ({ actor, createdBy }) =>
    actor.id === createdBy || actor.roles.includes('leder')
      ? { outcome: 'approve', as: actor.roles.includes('leder') ? 'leder' : 'caseworker', pending: [] }
      : {
          outcome: 'deny',
          code: 'TEST-03',
          reason: { da: 'Kun initiativtager eller leder.', en: 'Initiator or leader only.' },
        },
};
const plugin: SkemaPlugin = {
  name: 'test',
  version: '1.0.0',
  approvalTransitions: [
    { name: 'sag:TEST-03', formId: 'sag', from: ['submitted'], to: 'approved', roles: ['caseworker', 'leder'] },
  ],
};

const signe = person('alpha-signe', 'caseworker');
const soeren = person('alpha-soeren', 'caseworker');
const lene = person('alpha-lene', 'caseworker', 'leder');

async function submitted(status: 'draft' | 'submitted' = 'submitted') {
  const h = harness();
  const submissions = new Submissions({
    ...h.deps,
    plugins: [plugin],
    guards: new TransitionGuardRegistry().register(creatorOrLeder),
  });
  const { submission } = await submissions.create(
    signe,
    { formId: 'sag', version: '1.0.0', status, data: { navn: 'Plan' } },
    'da',
  );
  return { ...h, submissions, id: submission.id };
}

describe('approval transitions (a plugin declares that an approval moves the submission)', () => {
  it('the creator’s approval of a submitted submission moves it to approved: the approval revision, then the status revision audited with the transition', async () => {
    const { submissions, store, id } = await submitted();
    const result = await submissions.approve(signe, id, { role: 'caseworker', decision: 'approved' }, 1);
    expect(result.transition).toEqual({ name: 'sag:TEST-03', to: 'approved', moved: true });
    expect(result.submission).toMatchObject({ status: 'approved', revision: 3 });
    expect(result.submission.approvals).toEqual([
      expect.objectContaining({
        actorId: 'oidc:alpha-signe',
        kind: 'person',
        role: 'caseworker',
        decision: 'approved',
      }),
    ]);
    const revisions = await store.revisions('alpha', id);
    expect(revisions.map((r) => [r.action, r.status])).toEqual([
      ['create', 'submitted'],
      ['approval', 'submitted'],
      ['status', 'approved'],
    ]);
    const audit = (await store.queryAudit('alpha', { submissionId: id })).items;
    expect(audit.at(-1)).toMatchObject({
      action: 'status',
      actor: 'oidc:alpha-signe',
      details: { from: 'submitted', to: 'approved', byApproval: 'sag:TEST-03' },
    });
  });

  it('a leder’s approval moves it too, although the status graph alone would not let a caseworker ask for approved', async () => {
    const { submissions, id } = await submitted();
    await expect(submissions.changeStatus(signe, id, 'approved', 1, 'da')).rejects.toMatchObject({
      code: 'role-required',
    });
    expect((await submissions.approve(lene, id, { role: 'leder', decision: 'approved' }, 1)).submission.status).toBe(
      'approved',
    );
  });

  it('someone the guard refuses: the approval is recorded, the status stays, and the outcome says why', async () => {
    const { submissions, id } = await submitted();
    const result = await submissions.approve(soeren, id, { role: 'caseworker', decision: 'approved' }, 1);
    expect(result.recorded).toBe(true);
    expect(result.submission).toMatchObject({ status: 'submitted', revision: 2 });
    expect(result.transition).toMatchObject({
      moved: false,
      code: 'TEST-03',
      reason: { da: 'Kun initiativtager eller leder.' },
    });
  });

  it('a rejection or an approval of a draft moves nothing; repeating the draft’s approval once submitted moves it', async () => {
    const { submissions, id } = await submitted('draft');
    const onDraft = await submissions.approve(signe, id, { role: 'caseworker', decision: 'approved' }, 1);
    expect(onDraft.transition).toBeUndefined();
    expect(onDraft.submission.status).toBe('draft');
    const sent = await submissions.changeStatus(signe, id, 'submitted', 'any', 'da');
    expect(sent.submission.status).toBe('submitted');
    const again = await submissions.approve(signe, id, { role: 'caseworker', decision: 'approved' }, 'any');
    expect(again.recorded).toBe(false);
    expect(again.submission.status).toBe('approved');

    const other = await submitted();
    const rejected = await other.submissions.approve(lene, other.id, { role: 'leder', decision: 'rejected' }, 1);
    expect(rejected.transition).toBeUndefined();
    expect(rejected.submission.status).toBe('submitted');
  });
});
