import { RevisionConflictError, type SubmissionChange } from '@skema/core';
import { describe, expect, it } from 'vitest';
import {
  PreconditionFailedError,
  PreconditionRequiredError,
  SubmissionConflictError,
  SubmissionNotFoundError,
} from './errors.js';
import { actor, harness } from './test-harness.js';
import { MemorySubmissionStore } from './testing/memory-store.js';

const caseworker = actor('alpha-caseworker', 'caseworker');
const fagkonsulent = actor('alpha-fagkonsulent', 'caseworker', 'fagkonsulent');

/** A store where another writer lands once, right after the use case read the submission (`alter` shapes that writer's change). */
function racingStore(alter: (change: SubmissionChange) => SubmissionChange): MemorySubmissionStore {
  const store = new MemorySubmissionStore();
  const update = store.update.bind(store);
  let raced = false;
  store.update = async (tenantId, id, change, audit) => {
    if (!raced) {
      raced = true;
      await update(tenantId, id, alter(change), audit);
    }
    return update(tenantId, id, change, audit);
  };
  return store;
}

async function created(h = harness()) {
  const { submission } = await h.submissions.create(
    caseworker,
    { formId: 'sag', version: '1.0.0', status: 'draft', data: { navn: 'Testbarn' } },
    'da',
  );
  return { ...h, id: submission.id };
}

describe('update and the expected revision', () => {
  it('replaces the data as a new revision with a typed JSON Patch of the change', async () => {
    const { submissions, store, id } = await created();
    const written = await submissions.update(caseworker, id, { data: { navn: 'Ny' } }, 1, 'da');
    expect(written.submission).toMatchObject({ revision: 2, data: { navn: 'Ny' } });
    const [, second] = await store.revisions('alpha', id);
    expect(second).toMatchObject({ action: 'update', changes: [{ op: 'replace', path: '/data/navn', value: 'Ny' }] });
  });

  it('moving to another version is recorded as a migration', async () => {
    const { submissions, store, id } = await created();
    await submissions.update(caseworker, id, { data: { navn: 'Ny' }, version: '1.1.0' }, 1, 'da');
    expect((await store.revisions('alpha', id)).map((r) => [r.action, r.version])).toEqual([
      ['create', '1.0.0'],
      ['migrate', '1.1.0'],
    ]);
  });

  it('without an expected revision it is refused as precondition-required, and nothing changes', async () => {
    const { submissions, store, id } = await created();
    await expect(submissions.update(caseworker, id, { data: { navn: 'Ny' } }, undefined, 'da')).rejects.toBeInstanceOf(
      PreconditionRequiredError,
    );
    expect((await store.get('alpha', id))?.revision).toBe(1);
  });

  it('a stale revision is precondition-failed naming the current one', async () => {
    const { submissions, id } = await created();
    await submissions.update(caseworker, id, { data: { navn: 'Ny' } }, 1, 'da');
    const stale = submissions.update(caseworker, id, { data: { navn: 'Igen' } }, 1, 'da');
    await expect(stale).rejects.toBeInstanceOf(PreconditionFailedError);
    await expect(stale).rejects.toMatchObject({ code: 'precondition-failed', current: 2 });
  });

  it("'any' applies the change to whichever revision is current, retrying when another lands between read and write", async () => {
    const { submissions, id } = await created(
      harness({ store: racingStore((change) => ({ ...change, data: { navn: 'Den anden' }, changes: [] })) }),
    );
    const written = await submissions.update(caseworker, id, { data: { navn: 'Min' } }, 'any', 'da');
    expect(written.submission).toMatchObject({ revision: 3, data: { navn: 'Min' } });
  });

  it('a number does not retry: a change landing meanwhile is the store’s revision conflict', async () => {
    const { submissions, id } = await created(
      harness({ store: racingStore((change) => ({ ...change, changes: [] })) }),
    );
    await expect(submissions.update(caseworker, id, { data: { navn: 'Min' } }, 1, 'da')).rejects.toBeInstanceOf(
      RevisionConflictError,
    );
  });

  it('a final submission is not editable; another tenant’s reads as absent', async () => {
    const { submissions, id } = await created();
    await submissions.changeStatus(caseworker, id, 'withdrawn', 'any', 'da');
    await expect(submissions.update(caseworker, id, { data: { navn: 'Ny' } }, 'any', 'da')).rejects.toMatchObject({
      code: 'not-editable',
    });
    await expect(
      submissions.update({ ...fagkonsulent, tenantId: 'beta' }, id, { data: { navn: 'Ny' } }, 'any', 'da'),
    ).rejects.toBeInstanceOf(SubmissionNotFoundError);
    await expect(submissions.update(caseworker, id, { data: { navn: 'Ny' } }, 'any', 'da')).rejects.toBeInstanceOf(
      SubmissionConflictError,
    );
  });
});
