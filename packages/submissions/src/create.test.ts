import { describe, expect, it } from 'vitest';
import { RoleRequiredError, SubmissionConflictError, ValidationFailedError } from './errors.js';
import { actor, harness } from './test-harness.js';

const caseworker = actor('alpha-caseworker', 'caseworker');
const data = { navn: 'Testbarn Hansen' };

describe('create', () => {
  it('stores revision 1 with the receipt and an audit entry naming the actor', async () => {
    const { submissions, store } = harness();
    const created = await submissions.create(
      caseworker,
      { formId: 'sag', version: 'latest', status: 'submitted', data },
      'da',
    );
    expect(created).toMatchObject({
      replayed: false,
      pendingApprovals: [],
      submission: { formId: 'sag', version: '1.1.0', status: 'submitted', revision: 1, createdBy: 'alpha-caseworker' },
    });
    expect(created.validation.valid).toBe(true);
    const audit = (await store.queryAudit('alpha', {})).items;
    expect(audit).toMatchObject([
      {
        action: 'create',
        actor: 'alpha-caseworker',
        submissionId: created.submission.id,
        details: { formId: 'sag', version: '1.1.0', status: 'submitted', revision: 1 },
      },
    ]);
  });

  it('refuses invalid data for a submitted status with the issues, and stores nothing; a draft is checked for types only', async () => {
    const { submissions, store } = harness();
    const refused = submissions.create(
      caseworker,
      { formId: 'sag', version: '1.0.0', status: 'submitted', data: {} },
      'en',
    );
    await expect(refused).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(refused).rejects.toMatchObject({
      code: 'validation-failed',
      issues: [{ path: '/navn', code: 'required' }],
    });
    expect((await store.list('alpha', {})).items).toEqual([]);
    await expect(
      submissions.create(caseworker, { formId: 'sag', version: '1.0.0', status: 'draft', data: {} }, 'en'),
    ).resolves.toMatchObject({ submission: { status: 'draft' } });
  });

  it('an idempotent retry gets the first result back (the same submission, receipt and warnings) and stores nothing more', async () => {
    const { submissions, store } = harness();
    const input = { formId: 'sag', version: '1.0.0', status: 'draft' as const, data, idempotencyKey: 'retry-1' };
    const first = await submissions.create(caseworker, input, 'da');
    const again = await submissions.create(caseworker, input, 'da');
    expect(again.replayed).toBe(true);
    expect(again.submission).toEqual(first.submission);
    expect(again.validation.receipt).toEqual(first.validation.receipt);
    expect(again.validation.warnings).toEqual(first.validation.warnings);
    expect((await store.list('alpha', {})).items).toHaveLength(1);
    expect((await store.queryAudit('alpha', {})).items.map((e) => e.action)).toEqual(['create']);
  });

  it('the replay answers the submission as created, even after later changes', async () => {
    const { submissions } = harness();
    const input = { formId: 'sag', version: '1.0.0', status: 'draft' as const, data, idempotencyKey: 'retry-2' };
    const first = await submissions.create(caseworker, input, 'da');
    await submissions.update(caseworker, first.submission.id, { data: { navn: 'Ændret' } }, 1, 'da');
    const again = await submissions.create(caseworker, input, 'da');
    expect(again.submission).toMatchObject({ revision: 1, data });
  });

  it('the same key with other input is refused as idempotency-key-reused', async () => {
    const { submissions } = harness();
    await submissions.create(
      caseworker,
      { formId: 'sag', version: '1.0.0', status: 'draft', data, idempotencyKey: 'k' },
      'da',
    );
    const other = submissions.create(
      caseworker,
      { formId: 'sag', version: '1.0.0', status: 'draft', data: { navn: 'Andet' }, idempotencyKey: 'k' },
      'da',
    );
    await expect(other).rejects.toBeInstanceOf(SubmissionConflictError);
    await expect(other).rejects.toMatchObject({ code: 'idempotency-key-reused' });
  });

  it('creating in status submitted needs a role that may submit', async () => {
    const { submissions } = harness();
    const admin = actor('alpha-admin', 'admin');
    await expect(
      submissions.create(admin, { formId: 'sag', version: '1.0.0', status: 'submitted', data }, 'da'),
    ).rejects.toBeInstanceOf(RoleRequiredError);
    await expect(
      submissions.create(admin, { formId: 'sag', version: '1.0.0', status: 'draft', data }, 'da'),
    ).resolves.toBeDefined();
  });
});
