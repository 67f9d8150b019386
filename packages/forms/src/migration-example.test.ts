import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FormRegistry, MigrationError, migrateSubmission, planMigration, requiredBump, valueAt } from '@skema/core';
import { loadFormVersion } from './load.js';
import { schemasDir } from './paths.js';
import { createStandardEngine, standardPlugins } from './standard.js';

// The real example of a breaking change: indsatsplan 1.0.0 → 2.0.0 restructures two dialog
// questions, and its form.json declares the JSON Patch that moves old submissions along.
// Only indsatsplan is loaded, so half-written forms elsewhere cannot break this test.
const dir = join(schemasDir(), 'indsatsplan');
const v1 = loadFormVersion(join(dir, '1.0.0'));
const v2 = loadFormVersion(join(dir, '2.0.0'));
const registry = new FormRegistry([v1, v2]);
const engine = createStandardEngine();
const plan = planMigration(registry, 'indsatsplan', '1.0.0', '2.0.0');
const migrate = (data: unknown) => migrateSubmission({ data, plugins: standardPlugins(), ...plan });

describe('indsatsplan 1.0.0 → 2.0.0 migration', () => {
  it('declares a patch migration from 1.0.0 in the published 2.0.0', () => {
    expect(v2.manifest.status).toBe('published');
    expect(v2.manifest.migration?.from).toBe('1.0.0');
    expect(plan.chain).toEqual([]);
    // The diff classifier agrees that the change needs a major version.
    expect(requiredBump(v1, v2)).toBe('major');
  });

  it('has valid 1.0.0 examples to migrate', () => {
    expect(v1.examples?.valid.length ?? 0).toBeGreaterThanOrEqual(3);
  });

  for (const example of v1.examples?.valid ?? []) {
    it(`valid/${example.name} migrates to a 2.0.0 document without errors`, () => {
      const today = example.today ?? '2026-06-01';
      // Without migration the 1.0.0 data does not fit 2.0.0: the change really is breaking.
      expect(engine.validate(v2, example.data, { today }).valid).toBe(false);

      const result = migrate(example.data);
      expect(result.steps).toEqual([{ from: '1.0.0', to: '2.0.0', kind: 'patch' }]);
      expect(engine.validate(v2, result.data, { today }).errors).toEqual([]);
      // The free text moved unchanged; nothing else changed.
      expect(valueAt(result.data, '/dialog/hvadBekymrer/iagttagelser')).toBe(
        valueAt(example.data, '/dialog/hvadBekymrer'),
      );
      expect(valueAt(result.data, '/dialog/hvadFungerer/iagttagelser')).toBe(
        valueAt(example.data, '/dialog/hvadFungerer'),
      );
      const { dialog: before, ...restBefore } = example.data as Record<string, unknown>;
      const { dialog: after, ...restAfter } = result.data as Record<string, unknown>;
      expect(restAfter).toEqual(restBefore);
      expect(Object.keys(after as object).sort()).toEqual(Object.keys(before as object).sort());
    });
  }

  it('keeps the rule findings of invalid 1.0.0 examples: IND rules read the same fields in 2.0.0', () => {
    const ruleExamples = (v1.examples?.invalid ?? []).filter((e) => e.expect?.codes?.some((c) => c.startsWith('IND-')));
    expect(ruleExamples.length).toBeGreaterThan(0);
    for (const example of ruleExamples) {
      const today = example.today ?? '2026-06-01';
      const migrated = migrate(example.data).data;
      const codes = (form: typeof v1, data: unknown) =>
        engine
          .validate(form, data, { today })
          .errors.map((e) => `${e.code} ${e.path}`)
          .sort();
      expect(codes(v2, migrated), example.name).toEqual(codes(v1, example.data));
    }
  });

  it('refuses to migrate data that lacks a field the patch moves, such as an incomplete draft', () => {
    const draft = structuredClone(v1.examples!.valid[0]!.data) as { dialog: Record<string, unknown> };
    delete draft.dialog.hvadFungerer;
    expect(() => migrate(draft)).toThrow(MigrationError);
    expect(() => migrate(draft)).toThrow(/operation 3 \(move from \/dialog\/hvadFungerer/);
  });
});
