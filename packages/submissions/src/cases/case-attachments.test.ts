import type { AttachmentOwner, CaseAttachment } from '@skema/core';
import { describe, expect, it } from 'vitest';
import { actor, harness } from '../test-harness.js';
import { MemoryCaseStore } from '../testing/memory-cases.js';
import type { CasesDeps } from './case-deps.js';
import { Cases, caseContextOf } from './cases.js';

/*
 * Rules check «bilag» references against real files (issue #16): validating a stored submission
 * gives the rules its own attachments (`attachments`) and, in a case, the files uploaded to the
 * case (`case.attachments`); a new submission has none of its own; without an
 * attachment store the rules are told nothing (they say they could not check).
 */
const file = (id: string): CaseAttachment => ({
  id,
  fileName: `${id}.pdf`,
  mediaType: 'application/pdf',
  size: 10,
  sha256: 'a'.repeat(64),
});

function setup(withStore = true) {
  const h = harness();
  const stored = new Map<string, CaseAttachment[]>();
  const key = (tenantId: string, owner: AttachmentOwner) => `${tenantId}:${owner.kind}:${owner.id}`;
  const caseStore = new MemoryCaseStore(h.store);
  const deps: CasesDeps = { ...h.deps, cases: caseStore };
  if (withStore)
    h.deps.attachmentsOf = deps.attachmentsOf = async (tenantId, owner) => stored.get(key(tenantId, owner)) ?? [];
  h.deps.caseContext = deps.caseContext = caseContextOf(deps);
  const seen: Array<{ own?: readonly CaseAttachment[]; inCase?: readonly CaseAttachment[] }> = [];
  const validate = h.deps.validator.validate.bind(h.deps.validator);
  h.deps.validator.validate = deps.validator.validate = async (form, d, o) => {
    seen.push({ ...(o.attachments ? { own: o.attachments } : {}), ...(o.case ? { inCase: o.case.attachments } : {}) });
    return validate(form, d, o);
  };
  const put = (tenantId: string, owner: AttachmentOwner, ...files: CaseAttachment[]) =>
    stored.set(key(tenantId, owner), files);
  return { ...h, cases: new Cases(deps), put, seen };
}

const sara = actor('sara', 'caseworker');

describe('attachments in the rule context', () => {
  it('gives a stored submission its own files, and in a case the files uploaded to the case (not another submission’s)', async () => {
    const { submissions, cases, put, seen } = setup();
    const sag = await cases.create(sara, { title: 't', borger: { name: 'A', birthDate: '2015-03-01' } });
    const first = await cases.createSubmission(
      sara,
      sag.id,
      { formId: 'sag', version: '1.0.0', status: 'draft', data: { navn: 'x' } },
      'da',
    );
    const second = await cases.createSubmission(
      sara,
      sag.id,
      { formId: 'sag', version: '1.0.0', status: 'draft', data: { navn: 'y' } },
      'da',
    );
    put('alpha', { kind: 'submission', id: first.submission.id }, file('egen'));
    put('alpha', { kind: 'submission', id: second.submission.id }, file('anden'));
    put('alpha', { kind: 'case', id: sag.id }, file('sagens'));
    put('beta', { kind: 'case', id: sag.id }, file('fremmed'));
    seen.length = 0;
    await submissions.changeStatus(sara, first.submission.id, 'submitted', 1, 'da');
    expect(seen).toEqual([{ own: [file('egen')], inCase: [file('sagens')] }]);
  });

  it('gives a submission being created no files of its own, and drafts none at all', async () => {
    const { submissions, seen } = setup();
    await submissions.create(sara, { formId: 'sag', version: '1.0.0', status: 'submitted', data: { navn: 'x' } }, 'da');
    await submissions.create(sara, { formId: 'sag', version: '1.0.0', status: 'draft', data: { navn: 'x' } }, 'da');
    expect(seen).toEqual([{ own: [] }, {}]);
  });

  it('tells the rules nothing without an attachment store', async () => {
    const { submissions, seen } = setup(false);
    const created = await submissions.create(
      sara,
      { formId: 'sag', version: '1.0.0', status: 'draft', data: { navn: 'x' } },
      'da',
    );
    await submissions.changeStatus(sara, created.submission.id, 'submitted', 1, 'da');
    expect(seen).toEqual([{}, {}]);
  });
});
