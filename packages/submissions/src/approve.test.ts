import { describe, expect, it } from 'vitest';
import { AlreadyApprovedError, PersonRequiredError, RoleRequiredError } from './errors.js';
import { actor, harness, person } from './test-harness.js';

const caseworker = person('alpha-sagsbehandler', 'caseworker');
const frederik = { ...person('alpha-fagkonsulent', 'caseworker', 'fagkonsulent'), name: 'Frederik Fagkonsulent' };

async function draft() {
  const h = harness();
  const { submission } = await h.submissions.create(
    caseworker,
    { formId: 'sag', version: '1.0.0', status: 'draft', data: { navn: 'Testbarn' } },
    'da',
  );
  return { ...h, id: submission.id };
}

describe('approvals are acts of signed-in people', () => {
  it('records the person (subject, name), role, time and decision on the submission and a revision with action approval', async () => {
    const { submissions, store, id } = await draft();
    const { submission, recorded } = await submissions.approve(
      frederik,
      id,
      { role: 'fagkonsulent', decision: 'approved', comment: 'Medunderskrevet' },
      1,
    );
    expect(recorded).toBe(true);
    expect(submission).toMatchObject({ revision: 2, status: 'draft' });
    expect(submission.approvals).toEqual([
      {
        actorId: 'oidc:alpha-fagkonsulent',
        actorName: 'Frederik Fagkonsulent',
        subject: 'alpha-fagkonsulent',
        kind: 'person',
        role: 'fagkonsulent',
        decision: 'approved',
        at: expect.any(String),
        revision: 2,
        comment: 'Medunderskrevet',
      },
    ]);
    const revision = (await store.revisions('alpha', id))[1]!;
    expect(revision).toMatchObject({
      action: 'approval',
      by: 'oidc:alpha-fagkonsulent',
      approvals: submission.approvals,
    });
    expect((await store.queryAudit('alpha', { submissionId: id })).items.at(-1)).toMatchObject({
      action: 'approval',
      details: {
        role: 'fagkonsulent',
        decision: 'approved',
        person: { subject: 'alpha-fagkonsulent', name: 'Frederik Fagkonsulent' },
      },
    });
  });

  it('an API key (a system) cannot approve, whatever its roles', async () => {
    const { submissions, id } = await draft();
    await expect(
      submissions.approve(actor('alpha-leder-key', 'leder'), id, { role: 'leder', decision: 'approved' }, 1),
    ).rejects.toBeInstanceOf(PersonRequiredError);
  });

  it('role escalation: a person approves only in a role they hold', async () => {
    const { submissions, id } = await draft();
    await expect(
      submissions.approve(caseworker, id, { role: 'leder', decision: 'approved' }, 1),
    ).rejects.toBeInstanceOf(RoleRequiredError);
    // An admin holds no approving role.
    await expect(
      submissions.approve(person('alpha-admin', 'admin'), id, { role: 'admin', decision: 'approved' }, 1),
    ).rejects.toBeInstanceOf(RoleRequiredError);
  });

  it('the same approval again is a no-op; the same person in a second role is refused (one person counts once)', async () => {
    const { submissions, id } = await draft();
    const lene = person('alpha-leder', 'caseworker', 'leder');
    await submissions.approve(lene, id, { role: 'leder', decision: 'approved' }, 1);
    const again = await submissions.approve(lene, id, { role: 'leder', decision: 'approved' }, 'any');
    expect(again).toMatchObject({ recorded: false, submission: { revision: 2 } });
    await expect(
      submissions.approve(lene, id, { role: 'caseworker', decision: 'approved' }, 'any'),
    ).rejects.toBeInstanceOf(AlreadyApprovedError);
  });

  it('a CPR-like comment is refused before anything is stored', async () => {
    const { submissions, store, id } = await draft();
    await expect(
      submissions.approve(frederik, id, { role: 'fagkonsulent', decision: 'approved', comment: 'Barn 010190-1234' }, 1),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    expect((await store.get('alpha', id))?.revision).toBe(1);
  });

  it('an API key’s request that a guard takes as an approval is refused, so no key approval is ever recorded', async () => {
    const h = harness();
    const { submission } = await h.submissions.create(
      actor('alpha-caseworker', 'caseworker'),
      { formId: 'sag', version: '1.0.0', status: 'submitted', data: { navn: 'X', godkendes: true } },
      'da',
    );
    await expect(
      h.submissions.changeStatus(actor('alpha-fk-key', 'fagkonsulent'), submission.id, 'approved', 1, 'da'),
    ).rejects.toBeInstanceOf(PersonRequiredError);
    expect((await h.store.get('alpha', submission.id))?.approvals).toBeUndefined();
  });

  it('approvals carry over when the submission moves on (draft → submitted), so it shows who co-signed', async () => {
    const { submissions, id } = await draft();
    await submissions.approve(frederik, id, { role: 'fagkonsulent', decision: 'approved' }, 1);
    const sent = await submissions.changeStatus(caseworker, id, 'submitted', 2, 'da');
    expect(sent.submission.approvals?.map((a) => a.actorId)).toEqual(['oidc:alpha-fagkonsulent']);
  });
});
