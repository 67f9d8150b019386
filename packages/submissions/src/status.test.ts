import { describe, expect, it } from 'vitest';
import { GuardDeniedError, RoleRequiredError, SubmissionConflictError } from './errors.js';
import { actor, harness, person } from './test-harness.js';

const caseworker = actor('alpha-caseworker', 'caseworker');
const anne = { ...person('alpha-anne', 'fagkonsulent'), name: 'Anne Fagkonsulent' };
const bo = person('alpha-bo', 'fagkonsulent');

async function submitted(godkendes: boolean) {
  const h = harness();
  const { submission } = await h.submissions.create(
    caseworker,
    { formId: 'sag', version: '1.0.0', status: 'submitted', data: { navn: 'Testbarn', godkendes } },
    'da',
  );
  return { ...h, id: submission.id };
}

describe('changeStatus under transition guards', () => {
  it('follows the status graph and the roles that may ask for a status', async () => {
    const { submissions, id } = await submitted(false);
    await expect(submissions.changeStatus(caseworker, id, 'approved', 'any', 'da')).rejects.toBeInstanceOf(
      RoleRequiredError,
    );
    await submissions.changeStatus(caseworker, id, 'withdrawn', 'any', 'da');
    await expect(submissions.changeStatus(caseworker, id, 'draft', 'any', 'da')).rejects.toMatchObject({
      code: 'invalid-transition',
    });
  });

  it('a denying guard refuses with its rule code, and nothing is stored', async () => {
    const { submissions, store, id } = await submitted(false);
    const leder = actor('alpha-leder', 'leder');
    const denied = submissions.changeStatus(leder, id, 'approved', 1, 'en');
    await expect(denied).rejects.toBeInstanceOf(GuardDeniedError);
    await expect(denied).rejects.toMatchObject({
      code: 'guard-denied',
      ruleCode: 'TEST-01',
      issues: [{ path: '', code: 'TEST-01' }],
    });
    expect((await store.get('alpha', id))?.revision).toBe(1);
  });

  it('an approval a guard waits on is recorded on the submission and its revision (who, name, role, when, decision), status unchanged', async () => {
    const { submissions, store, id } = await submitted(true);
    const first = await submissions.changeStatus(anne, id, 'approved', 1, 'da');
    expect(first.pendingApprovals).toEqual(['fagkonsulent']);
    expect(first.submission).toMatchObject({ status: 'submitted', revision: 2 });
    expect(first.submission.approvals).toEqual([
      {
        actorId: 'oidc:alpha-anne',
        actorName: 'Anne Fagkonsulent',
        kind: 'person',
        subject: 'alpha-anne',
        role: 'fagkonsulent',
        decision: 'approved',
        at: expect.any(String),
        revision: 2,
      },
    ]);
    expect((await store.revisions('alpha', id))[1]?.approvals).toEqual(first.submission.approvals);
    // The audit entry is as before.
    expect((await store.queryAudit('alpha', {})).items.at(-1)).toMatchObject({
      action: 'status',
      details: {
        from: 'submitted',
        to: 'submitted',
        requested: 'approved',
        approvalAs: 'fagkonsulent',
        pending: ['fagkonsulent'],
      },
    });
  });

  it('approvals by the same actor twice count once', async () => {
    const { submissions, id } = await submitted(true);
    await submissions.changeStatus(anne, id, 'approved', 'any', 'da');
    const again = await submissions.changeStatus(anne, id, 'approved', 'any', 'da');
    expect(again.pendingApprovals).toEqual(['fagkonsulent']);
    expect(again.submission.status).toBe('submitted');
    expect(again.submission.approvals?.map((a) => a.actorId)).toEqual(['oidc:alpha-anne']);
    const done = await submissions.changeStatus(bo, id, 'approved', 'any', 'da');
    expect(done.pendingApprovals).toEqual([]);
    // Reached by approvals: both stay on the approved submission.
    expect(done.submission).toMatchObject({ status: 'approved' });
    expect(done.submission.approvals?.map((a) => a.actorId)).toEqual(['oidc:alpha-anne', 'oidc:alpha-bo']);
  });

  it('an edit voids recorded approvals; a legal hold does not', async () => {
    const { submissions, id } = await submitted(true);
    await submissions.changeStatus(anne, id, 'approved', 'any', 'da');
    const held = await submissions.setLegalHold(
      actor('alpha-leder', 'leder'),
      id,
      { hold: true, reason: 'Sag 1234/2026' },
      'any',
    );
    expect(held.approvals?.map((a) => a.actorId)).toEqual(['oidc:alpha-anne']);
    const edited = await submissions.update(caseworker, id, { data: { navn: 'Ny', godkendes: true } }, 'any', 'da');
    expect(edited.submission.approvals).toBeUndefined();
    // Bo's approval is now the first again.
    expect((await submissions.changeStatus(bo, id, 'approved', 'any', 'da')).pendingApprovals).toEqual([
      'fagkonsulent',
    ]);
  });

  it('a status change without approval starts over with none', async () => {
    const { submissions, id } = await submitted(true);
    await submissions.changeStatus(anne, id, 'approved', 'any', 'da');
    const back = await submissions.changeStatus(caseworker, id, 'draft', 'any', 'da');
    expect(back.submission.approvals).toBeUndefined();
  });

  it('a create straight into a status whose guard waits for approvals is refused: create a draft first', async () => {
    const h = harness();
    h.deps.guards.register({
      name: 'sag:SUB',
      formId: 'sag',
      to: 'submitted',
      check: () => ({ outcome: 'approve', as: 'fagkonsulent', pending: ['leder'] }),
    });
    const create = h.submissions.create(
      anne,
      { formId: 'sag', version: '1.0.0', status: 'submitted', data: { navn: 'X' } },
      'da',
    );
    await expect(create).rejects.toBeInstanceOf(SubmissionConflictError);
    await expect(create).rejects.toMatchObject({ code: 'invalid-transition' });
  });
});
