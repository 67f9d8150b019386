import { addDays, isIsoDate, SkemaEngine, valueAt, type SkemaPlugin } from '@skema/core';
import { describe, expect, it } from 'vitest';
import { actor, harness, testForm } from '../test-harness.js';
import { MemoryCaseStore } from '../testing/memory-cases.js';
import { Cases } from './cases.js';

// `moede` counts 5 days from its own `dato`; `svar` counts 3 days from the latest moede's date in the case.
const plugin: SkemaPlugin = {
  name: 'p',
  version: '1.0.0',
  deadlines: [
    {
      id: 'T-01',
      appliesTo: ['moede'],
      description: { da: 'x', en: 'x' },
      source: 'test',
      derive: (data) => {
        const from = valueAt(data, '/dato');
        return typeof from === 'string' && isIsoDate(from)
          ? [
              {
                path: '/referat',
                label: { da: 'Referat', en: 'Minutes' },
                due: addDays(from, 5),
                basis: { from, amount: 5, unit: 'dage' },
                met: valueAt(data, '/referat') !== undefined,
              },
            ]
          : [];
      },
    },
    {
      id: 'T-02',
      appliesTo: ['svar'],
      description: { da: 'x', en: 'x' },
      source: 'test',
      derive: (_data, ctx) => {
        const from = valueAt(ctx.case?.latest('moede')?.data, '/dato');
        return typeof from === 'string' && isIsoDate(from)
          ? [
              {
                path: '/sendt',
                label: { da: 'Svar', en: 'Reply' },
                due: addDays(from, 3),
                basis: { from, amount: 3, unit: 'dage' },
              },
            ]
          : [];
      },
    },
  ],
};

describe('worklist', () => {
  it('lists the unmet deadlines of the caller’s open cases, soonest first, with form and field; a deadline may count from another form of the case', async () => {
    const withPlugin = (f: ReturnType<typeof testForm>) => ({
      ...f,
      manifest: { ...f.manifest, plugins: [{ name: 'p', version: '^1.0.0' }] },
    });
    const forms = [
      withPlugin(testForm('moede', '1.0.0', { dato: { type: 'string' }, referat: { type: 'string' } })),
      withPlugin(testForm('svar', '1.0.0', { sendt: { type: 'string' } })),
    ];
    const h = harness({ forms });
    const engine = new SkemaEngine({ plugins: [plugin] });
    h.deps.validator = {
      validate: async (form, data, o) =>
        engine.validate(form, data, {
          mode: o.mode,
          now: o.now,
          today: '2026-03-10',
          ...(o.case ? { case: o.case } : {}),
        }),
    };
    const cases = new Cases({ ...h.deps, cases: new MemoryCaseStore(h.store) });
    const sara = actor('sara', 'caseworker');
    const a = await cases.create(sara, { title: 'A', borger: { name: 'A', birthDate: '2015-01-01' } });
    const b = await cases.create(sara, { title: 'B', borger: { name: 'B', birthDate: '2015-01-01' } });
    const other = await cases.create(actor('bo', 'caseworker'), {
      title: 'C',
      borger: { name: 'C', birthDate: '2015-01-01' },
    });
    const closed = await cases.create(sara, { title: 'D', borger: { name: 'D', birthDate: '2015-01-01' } });
    await cases.createSubmission(
      sara,
      a.id,
      { formId: 'moede', version: '1.0.0', status: 'draft', data: { navn: 'x', dato: '2026-03-01' } },
      'da',
    );
    await cases.createSubmission(
      sara,
      a.id,
      { formId: 'svar', version: '1.0.0', status: 'draft', data: { navn: 'x' } },
      'da',
    );
    await cases.createSubmission(
      sara,
      b.id,
      { formId: 'moede', version: '1.0.0', status: 'draft', data: { navn: 'x', dato: '2026-03-20' } },
      'da',
    );
    await cases.createSubmission(
      sara,
      b.id,
      { formId: 'moede', version: '1.0.0', status: 'draft', data: { navn: 'x', dato: '2026-02-01', referat: 'ok' } },
      'da',
    );
    await cases.createSubmission(
      actor('bo', 'caseworker'),
      other.id,
      { formId: 'moede', version: '1.0.0', status: 'draft', data: { navn: 'x', dato: '2026-03-01' } },
      'da',
    );
    await cases.createSubmission(
      sara,
      closed.id,
      { formId: 'moede', version: '1.0.0', status: 'draft', data: { navn: 'x', dato: '2026-03-01' } },
      'da',
    );
    await cases.close(sara, closed.id, 'any');

    const items = await cases.worklist(sara, 'da');
    expect(items.map((i) => [i.caseTitle, i.formId, i.ruleId, i.path, i.due, i.status])).toEqual([
      ['A', 'svar', 'T-02', '/sendt', '2026-03-04', 'overdue'],
      ['A', 'moede', 'T-01', '/referat', '2026-03-06', 'overdue'],
      ['B', 'moede', 'T-01', '/referat', '2026-03-25', 'pending'],
    ]);
    expect((await cases.worklist(sara, 'da', { until: '2026-03-10' })).map((i) => i.caseTitle)).toEqual(['A', 'A']);
  });
});
