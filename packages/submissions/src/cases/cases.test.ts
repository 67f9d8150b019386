import { describe, expect, it } from 'vitest';
import { actor, harness, testForm } from '../test-harness.js';
import { MemoryCaseStore } from '../testing/memory-cases.js';
import { Cases, caseContextOf } from './cases.js';
import type { CasesDeps } from './case-deps.js';

const borger = { name: 'Asta Jensen', cpr: '0101101234' };
const data = { navn: 'x' };

function setup() {
  const h = harness();
  const caseStore = new MemoryCaseStore(h.store);
  const deps: CasesDeps = { ...h.deps, cases: caseStore };
  // The submission use cases hold h.deps: they validate a stored submission with its case.
  h.deps.caseContext = deps.caseContext = caseContextOf(deps);
  return { ...h, cases: new Cases(deps), caseStore, deps };
}

const sara = actor('sara', 'caseworker');
const bo = actor('bo', 'caseworker');
const leder = actor('lea', 'leder');

describe('cases', () => {
  it('creates a case with its creator on the team, the CPR normalised, and audits without personal data', async () => {
    const { cases, store } = setup();
    const c = await cases.create(sara, { title: 'Asta, skolevægring', borger, team: ['bo'] });
    expect(c).toMatchObject({
      status: 'open',
      revision: 1,
      team: ['sara', 'bo'],
      borger: { name: 'Asta Jensen', cpr: '010110-1234' },
    });
    const audit = await store.queryAudit('alpha', {});
    const text = JSON.stringify(audit.items);
    expect(audit.items.map((e) => e.action)).toEqual(['case.create']);
    expect(text).not.toContain('1234');
    expect(text).not.toContain('Asta');
  });

  it('refuses a borger without CPR, substitute number or birth date, and a CPR in the title', async () => {
    const { cases } = setup();
    await expect(cases.create(sara, { title: 't', borger: { name: 'A' } })).rejects.toMatchObject({
      code: 'invalid-input',
      issues: [{ path: '/borger' }],
    });
    await expect(cases.create(sara, { title: 'Sag 010110-1234', borger })).rejects.toMatchObject({
      code: 'invalid-input',
      issues: [{ path: '/title' }],
    });
    await expect(
      cases.create(sara, { title: 'Uden CPR', borger: { name: 'A', birthDate: '2015-03-01' } }),
    ).resolves.toMatchObject({ borger: { birthDate: '2015-03-01' } });
  });

  it('shows a case only to its team and the oversight roles; another tenant reads it as absent', async () => {
    const { cases } = setup();
    const c = await cases.create(sara, { title: 't', borger });
    await expect(cases.get(bo, c.id)).rejects.toMatchObject({ code: 'not-found' });
    await expect(cases.get(leder, c.id)).resolves.toMatchObject({ id: c.id });
    await expect(cases.get({ ...sara, tenantId: 'beta' }, c.id)).rejects.toMatchObject({ code: 'not-found' });
    expect((await cases.list(bo, {})).items).toEqual([]);
    expect((await cases.list(sara, {})).items.map((i) => i.id)).toEqual([c.id]);
  });

  it('lists by status, form and text (title or child name) without CPR numbers', async () => {
    const { cases, submissions } = setup();
    const { submission } = await submissions.create(
      sara,
      { formId: 'sag', version: '1.0.0', status: 'draft', data },
      'da',
    );
    const a = await cases.create(sara, { title: 'Skolefravær', borger, submissionIds: [submission.id] });
    const b = await cases.create(sara, { title: 'Trivsel', borger: { name: 'Bo Hansen', birthDate: '2014-01-01' } });
    await cases.close(sara, b.id, 1);
    expect((await cases.list(sara, { status: 'open' })).items.map((i) => i.id)).toEqual([a.id]);
    expect((await cases.list(sara, { formId: 'sag' })).items.map((i) => i.id)).toEqual([a.id]);
    expect((await cases.list(sara, { text: 'hansen' })).items.map((i) => i.id)).toEqual([b.id]);
    expect((await cases.list(sara, { text: 'skolefr' })).items.map((i) => i.id)).toEqual([a.id]);
    expect(JSON.stringify((await cases.list(sara, {})).items)).not.toContain('1234');
  });

  it('updates with an expected revision: 428 without, 412 when stale, and refuses changes to a closed case', async () => {
    const { cases } = setup();
    const c = await cases.create(sara, { title: 't', borger });
    await expect(cases.update(sara, c.id, { title: 'u' }, undefined)).rejects.toMatchObject({
      code: 'precondition-required',
    });
    await expect(cases.update(sara, c.id, { title: 'u' }, 7)).rejects.toMatchObject({ code: 'precondition-failed' });
    const u = await cases.update(sara, c.id, { title: 'u' }, 1);
    expect(u).toMatchObject({ title: 'u', revision: 2 });
    const closed = await cases.close(sara, c.id, 'any');
    expect(closed).toMatchObject({ status: 'closed', revision: 3 });
    await expect(cases.update(sara, c.id, { title: 'v' }, 'any')).rejects.toMatchObject({ code: 'case-conflict' });
  });

  it('attaches existing submissions; a submission belongs to at most one case', async () => {
    const { cases, submissions } = setup();
    const { submission } = await submissions.create(
      sara,
      { formId: 'sag', version: '1.0.0', status: 'draft', data },
      'da',
    );
    const a = await cases.create(sara, { title: 'a', borger });
    const b = await cases.create(sara, { title: 'b', borger });
    const attached = await cases.attach(sara, a.id, [submission.id], 1);
    expect(attached.submissions).toMatchObject([{ submissionId: submission.id, formId: 'sag' }]);
    await expect(cases.attach(sara, b.id, [submission.id], 'any')).rejects.toMatchObject({
      code: 'case-conflict',
      members: { submissionId: submission.id },
    });
    await expect(cases.attach(sara, b.id, ['nope'], 'any')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('creates a submission in a case and validates later changes of it with the case', async () => {
    const { cases, submissions, deps } = setup();
    const c = await cases.create(sara, { title: 't', borger });
    const seen: Array<string | undefined> = [];
    const validate = deps.validator.validate.bind(deps.validator);
    deps.validator.validate = async (form, d, o) => {
      seen.push(o.case?.id);
      return validate(form, d, o);
    };
    const created = await cases.createSubmission(
      sara,
      c.id,
      { formId: 'sag', version: '1.0.0', status: 'draft', data },
      'da',
    );
    expect(created.case.submissions.map((m) => m.submissionId)).toEqual([created.submission.id]);
    await submissions.update(sara, created.submission.id, { data: { navn: 'y' } }, 1, 'da');
    expect(seen).toEqual([c.id, c.id]);
    // The context leaves out the submission being validated: its data is the rule's own.
    const context = await deps.caseContext!('alpha', created.submission.id);
    expect(context?.latest('sag')).toBeUndefined();
    expect((await cases.context(sara, c.id)).latest('sag')?.id).toBe(created.submission.id);
  });
});

describe('prefill', () => {
  it('fills from the case and the latest submission of another form, with provenance and transforms', async () => {
    const henv = testForm('henv', '1.0.0', { maal: { type: 'array' }, art: { type: 'string' } });
    const notat = {
      ...testForm('notat', '1.0.0'),
      prefill: {
        mappings: [
          { target: '/barn/navn', from: { case: 'borger.name' } },
          { target: '/barn/cpr', from: { case: 'borger.cpr' } },
          {
            target: '/maal',
            from: { form: 'henv', pointer: '/maal' },
            transform: { pick: { item: '/tekst', as: '/beskrivelse' } },
          },
          { target: '/type', from: { form: 'henv', pointer: '/art' }, transform: { map: { enkeltsag: 'Enkeltsag' } } },
          { target: '/ingen', from: { form: 'findes-ikke', pointer: '/x' } },
        ],
      },
    };
    const h = harness({ forms: [henv, notat] });
    const caseStore = new MemoryCaseStore(h.store);
    const cases = new Cases({ ...h.deps, cases: caseStore });
    const c = await cases.create(sara, { title: 't', borger });
    const { submission } = await cases.createSubmission(
      sara,
      c.id,
      {
        formId: 'henv',
        version: '1.0.0',
        status: 'draft',
        data: { navn: 'x', maal: [{ tekst: 'Går i skole' }, { tekst: '' }, { tekst: 'Sover' }], art: 'enkeltsag' },
      },
      'da',
    );
    const result = await cases.prefill(sara, c.id, 'notat');
    expect(result.data).toEqual({
      barn: { navn: 'Asta Jensen', cpr: '010110-1234' },
      maal: [{ beskrivelse: 'Går i skole' }, { beskrivelse: 'Sover' }],
      type: 'Enkeltsag',
    });
    expect(result.provenance['/barn/navn']).toEqual({ kind: 'case', field: 'borger.name' });
    expect(result.provenance['/maal']).toMatchObject({
      kind: 'submission',
      formId: 'henv',
      submissionId: submission.id,
      pointer: '/maal',
      label: { da: 'henv' },
    });
    expect(result.provenance['/ingen']).toBeUndefined();
  });
});
