import { describe, expect, it } from 'vitest';
import { KNOWN_GAPS, UNIMPLEMENTED_FORMATS } from './expected-failures.js';
import { runSuiteFile, type GroupOutcome } from './run-suite.js';
import { SUITE_DIR, suiteFiles, suiteMissing, testKey } from './suite.js';

// The official JSON-Schema-Test-Suite (draft 2020-12, optional tests included) through the Ajv of
// an engine with every standard plugin registered: plugins must not change standard semantics.
// The suite lives outside the repository (JSON_SCHEMA_TEST_SUITE, see suite.ts): without it the
// run says so as a skipped test locally, and fails under CI, where conformance must always run (and
// wherever the variable names a folder that is not the suite).
const missing = suiteMissing();
if (missing) {
  if (process.env.CI || SUITE_DIR) {
    describe('JSON-Schema-Test-Suite draft 2020-12', () => {
      it('is found (CI must run conformance)', () => {
        throw new Error(missing);
      });
    });
  } else {
    console.warn(`JSON-Schema-Test-Suite: ${missing}`);
    describe.skip(`JSON-Schema-Test-Suite draft 2020-12: ${missing}`, () => {
      it('gives the expected answer for every test', () => undefined);
    });
  }
}
const files = suiteFiles();
const compileGaps = new Set(KNOWN_GAPS.flatMap((g) => g.compileErrors ?? []));
const testGaps = new Set(KNOWN_GAPS.flatMap((g) => g.tests ?? []));

describe.runIf(!missing)('JSON-Schema-Test-Suite draft 2020-12', () => {
  it('is present', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.map((f) => f.name)).toContain('ref.json');
  });

  describe.each(files.map((f) => [f.name, f] as const))('%s', (name, file) => {
    it('gives the expected answer for every test', () => {
      const groups: GroupOutcome[] = runSuiteFile(file);
      const unexpected: string[] = [];
      for (const group of groups) {
        if (group.compileError !== undefined && !compileGaps.has(group.key))
          unexpected.push(`${group.key}: does not compile (${group.compileError})`);
        if (group.compileError === undefined && compileGaps.has(group.key))
          unexpected.push(`${group.key}: compiles now; remove it from expected-failures.ts`);
        for (const test of group.tests) {
          const expectPass = name in UNIMPLEMENTED_FORMATS ? test.valid : !testGaps.has(test.key);
          if (test.passed && !expectPass)
            unexpected.push(`${test.key}: passes now; remove it from expected-failures.ts`);
          if (!test.passed && expectPass)
            unexpected.push(`${test.key}: fails (expected ${test.valid ? 'valid' : 'invalid'})`);
        }
      }
      expect(unexpected).toEqual([]);
    }, 120_000);
  });

  it('lists only cases that exist in the suite', () => {
    const known = new Set(
      files.flatMap((f) =>
        f.groups.flatMap((g) => [
          testKey(f.name, g.description),
          ...g.tests.map((t) => testKey(f.name, g.description, t.description)),
        ]),
      ),
    );
    const stale = [...compileGaps, ...testGaps].filter((key) => !known.has(key));
    stale.push(...Object.keys(UNIMPLEMENTED_FORMATS).filter((name) => !files.some((f) => f.name === name)));
    expect(stale).toEqual([]);
    for (const gap of KNOWN_GAPS) expect(gap.reason.length, 'every known gap says why').toBeGreaterThan(20);
  });
});
