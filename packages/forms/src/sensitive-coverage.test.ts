import semver from 'semver';
import { describe, expect, it } from 'vitest';
import type { FormVersion } from '@skema/core';
import { loadForms } from './load.js';
import { schemasDir } from './paths.js';
import { sensitivityProblems } from './sensitive-coverage.js';

/** The newest version of each form: published versions are locked, so a decision arrives with a new version. */
function newestVersions(forms: FormVersion[]): FormVersion[] {
  const newest = new Map<string, FormVersion>();
  for (const form of forms) {
    const seen = newest.get(form.manifest.id);
    if (!seen || semver.gt(form.manifest.version, seen.manifest.version)) newest.set(form.manifest.id, form);
  }
  return [...newest.values()];
}

describe('DP-02 sensitivity decisions', () => {
  it('DP-02: a free-text field with neither a tag nor x-skema-not-sensitive is undecided', () => {
    const schema = {
      type: 'object',
      properties: {
        diagnose: { type: 'string' },
        dato: { type: 'string', format: 'date' },
        status: { type: 'string', enum: ['a', 'b'] },
        sagsnummer: { type: 'string', pattern: '^[0-9]+$' },
      },
    };
    expect(sensitivityProblems(schema)).toEqual([{ pointer: '/diagnose', kind: 'undecided' }]);
  });

  it('DP-02: a decision on the field, an enclosing object or array, or a $defs entry covers it', () => {
    const schema = {
      type: 'object',
      $defs: { person: { type: 'object', 'x-skema-not-sensitive': true, properties: { navn: { type: 'string' } } } },
      properties: {
        diagnose: { type: 'string', 'x-skema-sensitive': ['helbred'] },
        navn: { type: 'string', 'x-skema-not-sensitive': true },
        noter: {
          type: 'array',
          'x-skema-sensitive': ['sociale-forhold'],
          items: { type: 'object', properties: { tekst: { type: 'string' } } },
        },
        leder: { $ref: '#/$defs/person' },
        // The type is declared here, the decision in a branch that also names the field.
        bemaerkning: { type: 'string' },
      },
      then: { properties: { bemaerkning: { minLength: 1, 'x-skema-sensitive': ['sociale-forhold'] } } },
    };
    expect(sensitivityProblems(schema)).toEqual([]);
  });

  it('DP-02: a field cannot be both tagged and marked not sensitive', () => {
    const schema = {
      type: 'object',
      properties: { a: { type: 'string', 'x-skema-sensitive': ['helbred'], 'x-skema-not-sensitive': true } },
    };
    expect(sensitivityProblems(schema)).toEqual([{ pointer: '/a', kind: 'contradictory' }]);
  });

  // Every free-text field of the newest version of every form carries a decision either way.
  const forms = newestVersions(loadForms(schemasDir()));
  it.each(forms.map((f) => [`${f.manifest.id}@${f.manifest.version}`, f] as const))(
    'DP-02: every free-text field of %s is tagged x-skema-sensitive or marked x-skema-not-sensitive',
    (_name, form) => {
      expect(sensitivityProblems(form.schema)).toEqual([]);
    },
  );
});
