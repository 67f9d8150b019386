import type { Ajv2020 } from '@skema/core';
import { createStandardEngine } from '@skema/forms';
import { remotes, testKey, type SuiteFile } from './suite.js';

export interface GroupOutcome {
  key: string;
  /** Set when the schema does not compile; then no test of the group ran. */
  compileError?: string;
  tests: Array<{ key: string; passed: boolean; valid: boolean }>;
}

const remoteSchemas = remotes();

/** The Ajv of an engine with every standard plugin registered, plus the suite's remote schemas. */
function suiteAjv(): Ajv2020 {
  const ajv = createStandardEngine().ajv;
  // The suite's schemas use formats Ajv does not know on purpose; its warnings are noise here.
  (ajv as unknown as { logger: unknown }).logger = { log() {}, warn() {}, error() {} };
  for (const { url, schema } of remoteSchemas) {
    try {
      ajv.addSchema(schema as object, url);
    } catch {
      // A remote in another draft's dialect; the tests that need it fail and are listed.
    }
  }
  return ajv;
}

/**
 * Runs every group of a suite file. Groups share one Ajv per file (compiling the meta-schema per
 * group would take minutes); a group whose `$id` clashes with an earlier one gets a fresh Ajv.
 */
export function runSuiteFile(file: SuiteFile): GroupOutcome[] {
  let shared: Ajv2020 | undefined;
  return file.groups.map((group) => {
    const key = testKey(file.name, group.description);
    let validate: ((data: unknown) => boolean) | undefined;
    const compileOn = (ajv: Ajv2020) => {
      const compiled = ajv.compile(group.schema as object);
      validate = (data) => compiled(data);
    };
    try {
      try {
        compileOn((shared ??= suiteAjv()));
      } catch (e) {
        if (!/already exists/.test((e as Error).message)) throw e;
        compileOn(suiteAjv());
      }
    } catch (e) {
      return { key, compileError: (e as Error).message, tests: [] };
    } finally {
      // Frees the group's root $id for the next group (nested ones fall back to a fresh Ajv).
      if (typeof group.schema === 'object' && group.schema !== null) shared?.removeSchema(group.schema);
    }
    const run = validate!;
    return {
      key,
      tests: group.tests.map((t) => {
        let result: boolean;
        try {
          result = run(t.data);
        } catch {
          // A validator that throws has not judged the data correctly.
          result = !t.valid;
        }
        return {
          key: testKey(file.name, group.description, t.description),
          passed: result === t.valid,
          valid: t.valid,
        };
      }),
    };
  });
}
