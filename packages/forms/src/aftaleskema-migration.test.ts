import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FormRegistry, migrateSubmission, planMigration, requiredBump } from '@skema/core';
import { loadFormVersion } from './load.js';
import { schemasDir } from './paths.js';
import { createStandardEngine, standardPlugins } from './standard.js';

// aftaleskema 2.0.0 makes the parents' perspective required. Nothing moves, so the migration is an
// empty JSON Patch: a perspective cannot be invented, and a 1.0.0 record without one must fail
// validation after migration with a clear required error instead of being passed along silently.
const dir = join(schemasDir(), 'aftaleskema');
const v1 = loadFormVersion(join(dir, '1.0.0'));
const v2 = loadFormVersion(join(dir, '2.0.0'));
const plan = planMigration(new FormRegistry([v1, v2]), 'aftaleskema', '1.0.0', '2.0.0');
const engine = createStandardEngine();
const migrate = (data: unknown) => migrateSubmission({ data, plugins: standardPlugins(), ...plan });

describe('aftaleskema 1.0.0 → 2.0.0 migration', () => {
  it('is a major version with an empty patch migration from 1.0.0', () => {
    expect(requiredBump(v1, v2)).toBe('major');
    expect(v2.manifest.migration).toEqual({ from: '1.0.0', patch: [] });
  });

  for (const example of v1.examples?.valid ?? []) {
    it(`valid/${example.name} migrates unchanged and passes 2.0.0`, () => {
      const result = migrate(example.data);
      expect(result.steps).toEqual([{ from: '1.0.0', to: '2.0.0', kind: 'patch' }]);
      expect(result.data).toEqual(example.data);
      expect(engine.validate(v2, result.data, { today: example.today ?? '2026-06-01' }).errors).toEqual([]);
    });
  }

  it("a 1.0.0 record without the parents' perspective is valid in 1.0.0 but fails 2.0.0 after migration", () => {
    const data = structuredClone(v1.examples!.valid.find((e) => e.name === 'samarbejdsmoede')!.data) as {
      foraeldre: Record<string, unknown>;
    };
    delete data.foraeldre.foraeldrenesPerspektiv;
    expect(engine.validate(v1, data, { today: '2026-06-01' }).errors).toEqual([]);
    const errors = engine.validate(v2, migrate(data).data, { today: '2026-06-01' }).errors;
    expect(errors.map((e) => `${e.code} ${e.path}`)).toEqual(['required /foraeldre/foraeldrenesPerspektiv']);
    expect(errors[0]!.message).toContain('«Forældrenes perspektiv» skal udfyldes');
  });
});
