import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FormRegistry, migrateSubmission, planMigration, requiredBump, valueAt } from '@skema/core';
import { loadFormVersion } from './load.js';
import { schemasDir } from './paths.js';
import { createStandardEngine, standardPlugins } from './standard.js';

// Issues #13 and #16: henvendelsesskema 1.2.0, raadgivningsrapport 1.1.0 and underretning 1.2.0
// reference stored files in «bilag» and take «Intet CPR-nummer» with a birth date. Only new
// optional fields (minor); henvendelsesskema moves typed file names into «ikke verificeret» text.
const engine = createStandardEngine();
const load = (formId: string, version: string) => loadFormVersion(join(schemasDir(), formId, version));

describe('henvendelsesskema 1.1.1 → 1.2.0 (bilag-filnavne)', () => {
  const prev = load('henvendelsesskema', '1.1.1');
  const next = load('henvendelsesskema', '1.2.0');
  const plan = planMigration(new FormRegistry([prev, next]), 'henvendelsesskema', '1.1.1', '1.2.0');
  const migrate = (data: unknown) => migrateSubmission({ data, plugins: standardPlugins(), ...plan });

  it('is a minor change with a plugin migration', () => {
    expect(requiredBump(prev, next)).toBe('minor');
    expect(next.manifest.migration).toEqual({ from: '1.1.1', plugin: 'henvendelsesskema/bilag-filnavne' });
  });

  for (const example of prev.examples?.valid ?? []) {
    it(`valid/${example.name}: typed file names become unverified text`, () => {
      const today = example.today ?? '2026-06-01';
      const typed = ((valueAt(example.data, '/bilag') as Array<{ fil?: string }> | undefined) ?? []).map((b) => b.fil);
      const result = migrate(example.data);
      const after = (valueAt(result.data, '/bilag') as Array<Record<string, unknown>> | undefined) ?? [];
      expect(after.map((b) => b.tidligereFilnavn)).toEqual(typed);
      expect(after.some((b) => 'fil' in b)).toBe(false);
      const codes = engine.validate(next, result.data, { today }).errors.map((e) => e.code);
      // A typed name is not a file: a mini enkeltsag needs its minimum bilag uploaded (HEN-22).
      const mini = valueAt(example.data, '/ydelse') === 'Mini-rådgivningsforløb i en enkeltsag – for fagpersoner';
      expect(codes).toEqual(mini ? ['HEN-22', 'HEN-22'] : []);
    });
  }
});

describe.each([
  ['raadgivningsrapport', '1.0.2', '1.1.0'],
  ['underretning', '1.1.0', '1.2.0'],
])('%s %s → %s', (formId, from, to) => {
  const prev = load(formId, from);
  const next = load(formId, to);

  it('is a minor change with an empty migration', () => {
    expect(requiredBump(prev, next)).toBe('minor');
    expect(next.manifest.migration).toEqual({ from, patch: [] });
  });

  for (const example of prev.examples?.valid ?? []) {
    it(`valid/${example.name} stays valid, except a named but not attached udredningsrapport (RAP-05)`, () => {
      const codes = engine
        .validate(next, example.data, { today: example.today ?? '2026-06-01' })
        .errors.map((e) => e.code);
      const namedReport = valueAt(example.data, '/udredningGennemfoert') === true;
      expect(codes).toEqual(namedReport ? ['RAP-05'] : []);
    });
  }
});
