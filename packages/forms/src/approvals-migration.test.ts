import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FormRegistry, migrateSubmission, planMigration, requiredBump, valueAt } from '@skema/core';
import { loadFormVersion } from './load.js';
import { schemasDir } from './paths.js';
import { createStandardEngine, standardPlugins } from './standard.js';

// Issue #14: approvals are acts of signed-in people. underretning 1.1.0, leveranceaftale 1.2.0 and
// familieraadslagningsplan 2.1.0 move the names typed into the old approval fields into an
// «ikke verificeret» history (/tidligereGodkendelser) by a plugin migration of JSON Patch moves,
// which touches only the fields a submission has. Only these forms are loaded.
const engine = createStandardEngine();

interface Case {
  formId: string;
  prev: string;
  next: string;
  /** Where each typed field was, and where the migration puts it. */
  moves: Array<[string, string]>;
}

const cases: Case[] = [
  {
    formId: 'underretning',
    prev: '1.0.2',
    next: '1.1.0',
    moves: [['/medunderskriver', '/tidligereGodkendelser/medunderskriver']],
  },
  {
    formId: 'leveranceaftale',
    prev: '1.1.0',
    next: '1.2.0',
    moves: [
      ['/fagkonsulentGodkendelse', '/tidligereGodkendelser/fagkonsulentGodkendelse'],
      ['/lederGodkendelse', '/tidligereGodkendelser/lederGodkendelse'],
    ],
  },
  {
    formId: 'familieraadslagningsplan',
    prev: '2.0.1',
    next: '2.1.0',
    moves: [['/godkendelse/godkendtAf', '/tidligereGodkendelser/godkendtAf']],
  },
];

describe.each(cases)(
  '$formId $prev → $next: typed approvals become an unverified history',
  ({ formId, prev, next, moves }) => {
    const from = loadFormVersion(join(schemasDir(), formId, prev));
    const to = loadFormVersion(join(schemasDir(), formId, next));
    const plan = planMigration(new FormRegistry([from, to]), formId, prev, next);
    const migrate = (data: unknown) => migrateSubmission({ data, plugins: standardPlugins(), ...plan });

    it('is a minor version with a plugin migration: the old fields stay accepted, marked deprecated', () => {
      expect(requiredBump(from, to)).toBe('minor');
      expect(to.manifest.migration?.plugin).toBe(`${formId}/tidligere-godkendelser`);
    });

    const examples = from.examples?.valid ?? [];
    it('has previous-version examples with typed approvals to migrate', () => {
      expect(examples.some((e) => moves.some(([old]) => valueAt(e.data, old) !== undefined))).toBe(true);
    });

    for (const example of examples) {
      it(`valid/${example.name}: moved where present, nothing dropped, valid in ${next}`, () => {
        const result = migrate(example.data);
        expect(result.steps.at(-1)).toEqual({ from: prev, to: next, kind: 'plugin' });
        for (const [old, history] of moves) {
          expect(valueAt(result.data, old)).toBeUndefined();
          expect(valueAt(result.data, history)).toEqual(valueAt(example.data, old));
        }
        const typed = moves.some(([old]) => valueAt(example.data, old) !== undefined);
        if (!typed) expect(result.data).toEqual(example.data);
        expect(engine.validate(to, result.data, { today: example.today ?? '2026-06-01' }).errors).toEqual([]);
      });
    }
  },
);

describe('the rules of the new versions do not ask for typed approvals', () => {
  const errorsAt = (formId: string, version: string, data: unknown) =>
    engine
      .validate(loadFormVersion(join(schemasDir(), formId, version)), data, { today: '2026-06-01' })
      .errors.map((e) => `${e.code} ${e.path}`);
  const example = (formId: string, version: string, name: string) =>
    structuredClone(
      loadFormVersion(join(schemasDir(), formId, version)).examples!.valid.find((e) => e.name === name)!.data,
    ) as Record<string, unknown>;

  it('UND-03: a sent underretning without a typed co-signer fails 1.0.2 but not 1.1.0 (the guard checks the recorded co-signature)', () => {
    const data = example('underretning', '1.0.2', 'kommune-sendt-medunderskrevet');
    delete data.medunderskriver;
    expect(errorsAt('underretning', '1.0.2', data)).toEqual(['UND-03 /medunderskriver/navn']);
    expect(errorsAt('underretning', '1.1.0', data)).toEqual([]);
  });

  it('UND-03 in 1.1.0: a reason for sending alone is refused at the reason when the notification goes to Ankestyrelsen', () => {
    const data = example('underretning', '1.1.0', 'ankestyrelsen-saerlige-forhold');
    data.udenMedunderskriftBegrundelse = 'Uenighed om grundlaget.';
    expect(errorsAt('underretning', '1.1.0', data)).toEqual(['UND-03 /udenMedunderskriftBegrundelse']);
  });

  it('LEV-05/07: an approved højpris agreement without typed approvals fails 1.1.0 but not 1.2.0; the højpris flag is still required', () => {
    const data = example('leveranceaftale', '1.1.0', 'hoejpris-to-leverandoerer');
    delete data.fagkonsulentGodkendelse;
    delete data.lederGodkendelse;
    expect(errorsAt('leveranceaftale', '1.1.0', data).filter((e) => /LEV-0[57]/.test(e)).length).toBeGreaterThan(0);
    expect(errorsAt('leveranceaftale', '1.2.0', data)).toEqual([]);
    expect(errorsAt('leveranceaftale', '1.2.0', { ...data, hoejpris: false })).toEqual(['LEV-07 /hoejpris']);
  });

  it('FRL-03: an approved plan without a typed approver fails 2.0.1 but not 2.1.0; a plan sent back still needs a reason', () => {
    const data = example('familieraadslagningsplan', '2.0.1', 'forebyggende') as {
      godkendelse: Record<string, unknown>;
    };
    delete data.godkendelse.godkendtAf;
    expect(errorsAt('familieraadslagningsplan', '2.0.1', data)).toEqual(['FRL-03 /godkendelse/godkendtAf']);
    expect(errorsAt('familieraadslagningsplan', '2.1.0', data)).toEqual([]);
    expect(
      errorsAt('familieraadslagningsplan', '2.1.0', { ...data, godkendelse: { udfald: 'sendt tilbage' } }),
    ).toEqual(['FRL-03 /godkendelse/begrundelse']);
  });
});
