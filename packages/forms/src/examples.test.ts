import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { loadForms } from './load.js';
import { schemasDir } from './paths.js';
import { createStandardEngine } from './standard.js';

// Every form version's examples are executable specifications: valid ones must pass with no
// error, invalid ones must fail with exactly the codes and paths they declare (at least).
const forms = loadForms(schemasDir());

/**
 * A rule a form gained with a later version names that version in `since` (by form id): older
 * versions have no field for what it checks, so their locked examples cannot show it.
 */
function appliesToVersion(rule: object, formId: string, version: string): boolean {
  const since = (rule as { since?: Readonly<Record<string, string>> }).since?.[formId];
  return since === undefined || semver.gte(version, since);
}
const engine = createStandardEngine();

describe.each(forms.map((f) => [`${f.manifest.id}@${f.manifest.version}`, f] as const))(
  '%s examples',
  (_name, form) => {
    it('has at least three valid examples', () => {
      expect(form.examples?.valid.length ?? 0).toBeGreaterThanOrEqual(3);
    });

    for (const example of form.examples?.valid ?? []) {
      it(`valid/${example.name} passes`, () => {
        const result = engine.validate(form, example.data, { today: example.today ?? '2026-06-01' });
        expect(result.errors).toEqual([]);
      });
    }

    // The bar: at least one invalid example per error rule that applies to the form.
    it('has an invalid example naming every error rule of the form', () => {
      const declared = new Set((form.examples?.invalid ?? []).flatMap((e) => e.expect?.codes ?? []));
      const errorRules = engine
        .catalogue()
        .filter(
          ({ kind, rule }) =>
            kind === 'rule' &&
            rule.appliesTo.includes(form.manifest.id) &&
            (rule as { severity: string }).severity === 'error',
        )
        // A cross-form rule needs a case, which an example does not have (its tests build one).
        .filter(({ rule }) => (rule as { crossForm?: boolean }).crossForm !== true)
        .filter(({ rule }) => appliesToVersion(rule, form.manifest.id, form.manifest.version))
        .map(({ rule }) => rule.id);
      expect(errorRules.filter((id) => !declared.has(id))).toEqual([]);
    });

    for (const example of form.examples?.invalid ?? []) {
      it(`invalid/${example.name} fails with ${[...(example.expect?.codes ?? []), ...(example.expect?.paths ?? [])].join(', ')}`, () => {
        expect(
          example.expect?.codes?.length || example.expect?.paths?.length,
          'invalid examples must declare expect.codes or expect.paths',
        ).toBeTruthy();
        const result = engine.validate(form, example.data, { today: example.today ?? '2026-06-01' });
        expect(result.valid).toBe(false);
        const codes = result.errors.map((e) => e.code);
        const paths = result.errors.map((e) => e.path);
        for (const code of example.expect?.codes ?? []) expect(codes).toContain(code);
        for (const path of example.expect?.paths ?? []) expect(paths).toContain(path);
      });
    }
  },
);
