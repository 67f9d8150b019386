import {
  formContentHash,
  FormRegistry,
  judgedOn,
  SkemaEngine,
  TenantForms,
  TransitionGuardRegistry,
  type FormVersion,
  type SkemaPlugin,
} from '@skema/core';
import { describe, expect, it } from 'vitest';
import { ValidationFailedError } from './errors.js';
import type { SubmissionsDeps } from './deps.js';
import { STAMP_REFUSED } from './reference-date.js';
import { Submissions } from './submissions.js';
import { actor } from './test-harness.js';
import { MemorySubmissionStore } from './testing/memory-store.js';

/*
 * The date a rule judges (issue #13): the platform stamps the date it received a submission on its
 * first submission, at the form's `x-skema-reference-date` field and in the receipt, and every
 * later change judges on that date, not on the clock of the change nor on a date the client typed.
 */

/** REF-01 (a test rule): the borger must be under 15 on the date the rule judges. */
const underFifteen: SkemaPlugin = {
  name: 'test-reference',
  version: '1.0.0',
  rules: [
    {
      id: 'REF-01',
      severity: 'error',
      appliesTo: ['henvisning', 'notat'],
      description: { da: 'Under 15 år', en: 'Under 15' },
      source: 'test',
      message: { da: 'Borgeren er fyldt 15 år.', en: 'The borger is 15 or older.' },
      judgedDate: { kind: 'reference' },
      check(data, ctx) {
        const born = (data as { foedt?: string }).foedt;
        if (!born) return [];
        const on = judgedOn(ctx);
        const age = Number(on.slice(0, 4)) - Number(born.slice(0, 4)) - (on.slice(5) < born.slice(5) ? 1 : 0);
        return age >= 15 ? [{ path: '/foedt' }] : [];
      },
    },
  ],
};

function form(id: string, referenceField: boolean): FormVersion {
  const body: Omit<FormVersion, 'hash'> = {
    manifest: {
      id,
      version: '1.0.0',
      title: { da: id, en: id },
      status: 'published',
      plugins: [{ name: 'test-reference', version: '^1.0.0' }],
      changelog: 'test',
    },
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `https://skema.dk/test/${id}/1.0.0`,
      ...(referenceField ? { 'x-skema-reference-date': '/visitation/modtaget' } : {}),
      type: 'object',
      required: ['navn'],
      properties: {
        navn: { type: 'string', minLength: 1 },
        foedt: { type: 'string', format: 'date' },
        visitation: {
          type: 'object',
          properties: { modtaget: { type: 'string', format: 'date' }, note: { type: 'string' } },
        },
      },
    },
    uischema: { type: 'VerticalLayout', elements: [] },
    i18n: { da: {}, en: {} },
  };
  return { ...body, hash: formContentHash(body) };
}

/** Submissions on an injectable clock (`setNow`), with the REF-01 plugin. */
function setup() {
  const store = new MemorySubmissionStore();
  const engine = new SkemaEngine({ plugins: [underFifteen] });
  const registry = new FormRegistry([form('henvisning', true), form('notat', false)]);
  const tenantForms = new TenantForms(registry, new Map());
  let now = new Date('2026-03-02T09:00:00.000Z');
  const deps: SubmissionsDeps = {
    store,
    forms: () => tenantForms,
    registry,
    plugins: engine.plugins,
    validator: {
      validate: async (f, data, o) =>
        engine.validate(f, data, {
          locale: o.locale,
          mode: o.mode,
          now: o.now,
          ...(o.referenceDate !== undefined ? { referenceDate: o.referenceDate } : {}),
        }),
    },
    guards: new TransitionGuardRegistry(),
    now: () => now,
  };
  return { store, submissions: new Submissions(deps), setNow: (iso: string) => (now = new Date(iso)) };
}

const caseworker = actor('alpha-caseworker', 'caseworker', 'fagkonsulent');
// Born 2011-06-10: 14 until 2026-06-10, 15 from then on.
const child = { navn: 'Testbarn', foedt: '2011-06-10' };

describe('the platform stamps the date it received a submission (reference date)', () => {
  it('REF-01: created as submitted, the Copenhagen date of the server clock is stamped at the form field, in the receipt and the audit', async () => {
    const { submissions, store, setNow } = setup();
    // 23:30 UTC on 1 March is 00:30 on 2 March in Copenhagen.
    setNow('2026-03-01T23:30:00.000Z');
    const { submission, validation } = await submissions.create(
      caseworker,
      { formId: 'henvisning', version: '1.0.0', status: 'submitted', data: child },
      'da',
    );
    expect(submission.data).toMatchObject({ visitation: { modtaget: '2026-03-02' } });
    expect(submission.receipt.referenceDate).toBe('2026-03-02');
    expect(validation.receipt.referenceDate).toBe('2026-03-02');
    const [first] = await store.revisions('alpha', submission.id);
    expect(first?.receipt.referenceDate).toBe('2026-03-02');
    const audit = await store.queryAudit('alpha', { submissionId: submission.id });
    expect(audit.items.find((a) => a.action === 'create')?.details).toMatchObject({ referenceDate: '2026-03-02' });
  });

  it('REF-01: a date the submitter typed in the field (past or future) is replaced by the stamp and does not change the judgement', async () => {
    const { submissions, setNow } = setup();
    setNow('2026-06-20T10:00:00.000Z'); // the child is 15 today
    // A typed date before the 15th birthday would have silenced REF-01: it is replaced, and REF-01 fires.
    const past = submissions.create(
      caseworker,
      {
        formId: 'henvisning',
        version: '1.0.0',
        status: 'submitted',
        data: { ...child, visitation: { modtaget: '2026-01-01' } },
      },
      'da',
    );
    await expect(past).rejects.toSatisfy(
      (e) => e instanceof ValidationFailedError && (e.issues ?? []).some((i) => i.code === 'REF-01'),
    );
    setNow('2026-05-20T10:00:00.000Z'); // 14 today
    const future = await submissions.create(
      caseworker,
      {
        formId: 'henvisning',
        version: '1.0.0',
        status: 'submitted',
        data: { ...child, visitation: { modtaget: '2027-01-01' } },
      },
      'da',
    );
    expect(future.submission.data).toMatchObject({ visitation: { modtaget: '2026-05-20' } });
    expect(future.validation.valid).toBe(true);
  });

  it('REF-01: an update after the 15th birthday is judged on the stamped date, so the 14-year-old stays 14', async () => {
    const { submissions, store, setNow } = setup();
    setNow('2026-05-20T10:00:00.000Z');
    const { submission } = await submissions.create(
      caseworker,
      { formId: 'henvisning', version: '1.0.0', status: 'submitted', data: child },
      'da',
    );
    setNow('2026-07-01T10:00:00.000Z');
    const data = { ...child, visitation: { modtaget: '2026-05-20', note: 'visiteret' } };
    const updated = await submissions.update(caseworker, submission.id, { data }, 1, 'da');
    expect(updated.validation.valid).toBe(true);
    expect(updated.submission.receipt.referenceDate).toBe('2026-05-20');
    // Left out of the update, the stamped date comes back.
    const again = await submissions.update(caseworker, submission.id, { data: child }, 2, 'da');
    expect(again.submission.data).toMatchObject({ visitation: { modtaget: '2026-05-20' } });
    // The status change revalidates on the stamp too.
    const approved = await submissions.changeStatus(caseworker, submission.id, 'approved', 3, 'da');
    expect(approved.submission.status).toBe('approved');
    expect((await store.revisions('alpha', submission.id)).map((r) => r.receipt.referenceDate)).toEqual([
      '2026-05-20',
      '2026-05-20',
      '2026-05-20',
      '2026-05-20',
    ]);
  });

  it('REF-01: without the stamp the same update would fail (the rule does judge the date)', async () => {
    const { submissions, setNow } = setup();
    setNow('2026-07-01T10:00:00.000Z');
    const late = submissions.create(
      caseworker,
      { formId: 'henvisning', version: '1.0.0', status: 'submitted', data: child },
      'da',
    );
    await expect(late).rejects.toBeInstanceOf(ValidationFailedError);
  });

  it(`${STAMP_REFUSED}: changing the stamped date afterwards is refused at the field, and nothing is stored`, async () => {
    const { submissions, store, setNow } = setup();
    setNow('2026-05-20T10:00:00.000Z');
    const { submission } = await submissions.create(
      caseworker,
      { formId: 'henvisning', version: '1.0.0', status: 'submitted', data: child },
      'da',
    );
    const change = submissions.update(
      caseworker,
      submission.id,
      { data: { ...child, visitation: { modtaget: '2026-05-01' } } },
      1,
      'en',
    );
    await expect(change).rejects.toSatisfy(
      (e) =>
        e instanceof ValidationFailedError &&
        (e.issues ?? []).some(
          (i) =>
            i.code === STAMP_REFUSED &&
            i.path === '/visitation/modtaget' &&
            JSON.stringify(i.message).includes('2026-05-20'),
        ),
    );
    expect((await store.get('alpha', submission.id))?.revision).toBe(1);
  });

  it('REF-01: a draft is judged on today, whatever date it holds; moving it to submitted stamps the day of the move', async () => {
    const { submissions, store, setNow } = setup();
    setNow('2026-05-20T10:00:00.000Z');
    const draft = await submissions.create(
      caseworker,
      {
        formId: 'henvisning',
        version: '1.0.0',
        status: 'draft',
        data: { ...child, visitation: { modtaget: '2026-01-01' } },
      },
      'da',
    );
    expect(draft.submission.receipt.referenceDate).toBeUndefined();
    expect(draft.submission.data).toMatchObject({ visitation: { modtaget: '2026-01-01' } });
    setNow('2026-06-20T10:00:00.000Z'); // 15 now: the typed January date does not help
    await expect(submissions.changeStatus(caseworker, draft.submission.id, 'submitted', 1, 'da')).rejects.toSatisfy(
      (e) => e instanceof ValidationFailedError && (e.issues ?? []).some((i) => i.code === 'REF-01'),
    );
    setNow('2026-06-01T10:00:00.000Z'); // (the clock is injectable) 14 on the day of the move
    const moved = await submissions.changeStatus(caseworker, draft.submission.id, 'submitted', 1, 'da');
    expect(moved.submission.data).toMatchObject({ visitation: { modtaget: '2026-06-01' } });
    expect(moved.submission.receipt.referenceDate).toBe('2026-06-01');
    const revisions = await store.revisions('alpha', draft.submission.id);
    expect(revisions[1]?.changes).toContainEqual({
      op: 'replace',
      path: '/data/visitation/modtaget',
      value: '2026-06-01',
    });
    const audit = await store.queryAudit('alpha', { submissionId: draft.submission.id });
    expect(audit.items.find((a) => a.action === 'status')?.details).toMatchObject({ referenceDate: '2026-06-01' });
    // Back to draft and submitted again later: still the first submission's date.
    setNow('2026-09-01T10:00:00.000Z');
    await submissions.changeStatus(caseworker, draft.submission.id, 'draft', 2, 'da');
    const resubmitted = await submissions.changeStatus(caseworker, draft.submission.id, 'submitted', 3, 'da');
    expect(resubmitted.submission.receipt.referenceDate).toBe('2026-06-01');
    expect(resubmitted.validation.valid).toBe(true);
  });

  it('REF-01: a form without a reference field still keeps the stamp in its receipt and judges on it', async () => {
    const { submissions, setNow } = setup();
    setNow('2026-05-20T10:00:00.000Z');
    const { submission } = await submissions.create(
      caseworker,
      { formId: 'notat', version: '1.0.0', status: 'submitted', data: child },
      'da',
    );
    expect(submission.data).toEqual(child);
    expect(submission.receipt.referenceDate).toBe('2026-05-20');
    setNow('2026-07-01T10:00:00.000Z');
    const updated = await submissions.update(
      caseworker,
      submission.id,
      { data: { ...child, navn: 'Andet navn' } },
      1,
      'da',
    );
    expect(updated.validation.valid).toBe(true);
  });

  it('REF-01: a submission stored before stamps existed gets the date it first left draft, from its revisions', async () => {
    const { submissions, store, setNow } = setup();
    setNow('2026-05-20T10:00:00.000Z');
    const { submission } = await submissions.create(
      caseworker,
      { formId: 'henvisning', version: '1.0.0', status: 'submitted', data: child },
      'da',
    );
    // Strip the stamp, as a record written before this version would be.
    const { referenceDate: _stamp, ...legacyReceipt } = submission.receipt;
    await store.update(
      'alpha',
      submission.id,
      {
        expectedRevision: 1,
        data: { ...child, visitation: { modtaget: '2026-01-01' } },
        receipt: legacyReceipt,
        action: 'update',
        changes: [],
        by: 'k',
        at: '2026-05-21T10:00:00.000Z',
      },
      { tenantId: 'alpha', at: '2026-05-21T10:00:00.000Z', actor: 'k', action: 'update' },
    );
    setNow('2026-07-01T10:00:00.000Z');
    const updated = await submissions.update(
      caseworker,
      submission.id,
      { data: { ...child, visitation: { modtaget: '2026-01-01' } } },
      2,
      'da',
    );
    expect(updated.submission.receipt.referenceDate).toBe('2026-05-20');
    expect(updated.submission.data).toMatchObject({ visitation: { modtaget: '2026-05-20' } });
  });
});
