import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FormRegistry, migrateSubmission, planMigration, requiredBump } from '@skema/core';
import { loadFormVersion } from './load.js';
import { schemasDir } from './paths.js';
import { createStandardEngine, standardPlugins } from './standard.js';

// leveranceaftale 1.1.0 (issue #13) drops the schema's CPR requirement for every ydelse and asks
// for it by rule (LEV-10) where the ydelse concerns one borger; it adds only optional fields. Nothing
// moves, so the migration is an empty JSON Patch and the change is minor.
const dir = join(schemasDir(), 'leveranceaftale');
const v1 = loadFormVersion(join(dir, '1.0.0'));
const v11 = loadFormVersion(join(dir, '1.1.0'));
const plan = planMigration(new FormRegistry([v1, v11]), 'leveranceaftale', '1.0.0', '1.1.0');
const engine = createStandardEngine();
const migrate = (data: unknown) => migrateSubmission({ data, plugins: standardPlugins(), ...plan });
const today = '2026-06-01';
const codes = (form: typeof v1, data: unknown) =>
  engine.validate(form, data, { today }).errors.map((e) => `${e.code} ${e.path}`);

describe('leveranceaftale 1.0.0 → 1.1.0 migration', () => {
  it('is a minor version with an empty patch migration from 1.0.0', () => {
    expect(requiredBump(v1, v11)).toBe('minor');
    expect(v11.manifest.migration).toEqual({ from: '1.0.0', patch: [] });
  });

  for (const example of v1.examples?.valid ?? []) {
    it(`valid/${example.name} migrates unchanged and passes 1.1.0`, () => {
      const result = migrate(example.data);
      expect(result.steps).toEqual([{ from: '1.0.0', to: '1.1.0', kind: 'patch' }]);
      expect(result.data).toEqual(example.data);
      expect(engine.validate(v11, result.data, { today: example.today ?? today }).errors).toEqual([]);
    });
  }

  it('LEV-10: a theme course needs no invented CPR number in 1.1.0, as 1.0.0 demanded', () => {
    const data = structuredClone(v11.examples!.valid.find((e) => e.name === 'flere-borgere-uden-cpr')!.data) as {
      sag: Record<string, unknown>;
    };
    expect(codes(v11, data)).toEqual([]);
    expect(codes(v1, data)).toEqual(['required /sag/cpr']);
  });

  it('LEV-10: an enkeltsag without a CPR number fails both versions, by schema in 1.0.0 and by rule in 1.1.0', () => {
    const data = structuredClone(v1.examples!.valid.find((e) => e.name === 'enkeltsag-godkendt')!.data) as {
      sag: Record<string, unknown>;
    };
    delete data.sag.cpr;
    expect(codes(v1, data)).toEqual(['required /sag/cpr']);
    expect(codes(v11, migrate(data).data)).toEqual(['LEV-10 /sag/cpr']);
  });

  it('LEV-10: an invented CPR number on a theme course is valid in 1.0.0 but must be removed after migration', () => {
    const data = structuredClone(v11.examples!.valid.find((e) => e.name === 'flere-borgere-uden-cpr')!.data) as {
      sag: Record<string, unknown>;
    };
    data.sag.ydelse = 'Temaforløb – for fagpersoner';
    data.sag.cpr = '020320-9902';
    expect(codes(v1, data).filter((c) => c.startsWith('LEV-10'))).toEqual([]);
    expect(codes(v11, migrate(data).data)).toContain('LEV-10 /sag/cpr');
  });
});
