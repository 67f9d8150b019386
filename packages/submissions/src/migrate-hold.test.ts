import { MigrationError } from '@skema/core';
import { describe, expect, it } from 'vitest';
import {
  InvalidInputError,
  MigrationImpossibleError,
  MigrationInvalidError,
  PreconditionRequiredError,
  RevisionConflict,
} from './errors.js';
import { actor, harness, testForm } from './test-harness.js';

const caseworker = actor('alpha-caseworker', 'caseworker');
const leder = actor('alpha-leder', 'leder');

async function created(forms = [testForm('sag', '1.0.0'), testForm('sag', '1.1.0', { telefon: { type: 'string' } })]) {
  const h = harness({ forms });
  const { submission } = await h.submissions.create(
    caseworker,
    { formId: 'sag', version: '1.0.0', status: 'draft', data: { navn: 'Testbarn' } },
    'da',
  );
  return { ...h, id: submission.id };
}

describe('migrate', () => {
  it('moves the data to a later version as a new revision, audited with the steps', async () => {
    const { submissions, store, id } = await created();
    const written = await submissions.migrate(caseworker, id, '1.1.0', 1, 'da');
    expect(written.submission).toMatchObject({ version: '1.1.0', revision: 2 });
    expect((await store.queryAudit('alpha', {})).items.at(-1)).toMatchObject({
      action: 'migrate',
      details: { from: '1.0.0', version: '1.1.0', steps: ['1.0.0→1.1.0:none'] },
    });
  });

  it('a stale expectation is a revision conflict naming the current revision; none at all is precondition-required', async () => {
    const { submissions, id } = await created();
    await submissions.update(caseworker, id, { data: { navn: 'Ny' } }, 1, 'da');
    await expect(submissions.migrate(caseworker, id, '1.1.0', 1, 'da')).rejects.toEqual(new RevisionConflict(2));
    await expect(submissions.migrate(caseworker, id, '1.1.0', undefined, 'da')).rejects.toBeInstanceOf(
      PreconditionRequiredError,
    );
  });

  it('refuses the version it is at, a downgrade, and migrated data the target refuses', async () => {
    const strict = testForm('sag', '1.1.0', { navn: { type: 'integer' } });
    const { submissions, id } = await created([testForm('sag', '1.0.0'), strict]);
    await expect(submissions.migrate(caseworker, id, '1.0.0', 'any', 'da')).rejects.toBeInstanceOf(
      MigrationImpossibleError,
    );
    await expect(submissions.migrate(caseworker, id, '1.1.0', 'any', 'da')).rejects.toBeInstanceOf(
      MigrationInvalidError,
    );
    const moved = await created();
    await moved.submissions.migrate(caseworker, moved.id, '1.1.0', 'any', 'da');
    await expect(moved.submissions.migrate(caseworker, moved.id, '1.0.0', 'any', 'da')).rejects.toBeInstanceOf(
      MigrationError,
    );
  });
});

describe('setLegalHold', () => {
  it('sets and releases a hold as legal-hold revisions; asking for the hold it has changes nothing', async () => {
    const { submissions, store, id } = await created();
    const held = await submissions.setLegalHold(leder, id, { hold: true, reason: 'Retssag BS-1234/2026' }, 1);
    expect(held).toMatchObject({ legalHold: true, revision: 2 });
    expect(await submissions.setLegalHold(leder, id, { hold: true, reason: 'Igen' }, 'any')).toEqual(held);
    await submissions.setLegalHold(leder, id, { hold: false, reason: 'Afsluttet' }, 2);
    expect((await store.revisions('alpha', id)).map((r) => r.action)).toEqual(['create', 'legal-hold', 'legal-hold']);
    expect((await store.queryAudit('alpha', {})).items.at(-1)).toMatchObject({
      action: 'legal-hold',
      details: { legalHold: false, reason: 'Afsluttet', revision: 3 },
    });
  });

  it('refuses a CPR-like number in the reason (it would reach the audit log), before anything is read', async () => {
    const { submissions } = await created();
    const refused = submissions.setLegalHold(leder, 'no-such-id', { hold: true, reason: 'Barnet 010190-1234' }, 1);
    await expect(refused).rejects.toBeInstanceOf(InvalidInputError);
    await expect(refused).rejects.toMatchObject({
      code: 'invalid-input',
      issues: [{ path: '/reason', code: 'personal-data' }],
    });
  });
});
