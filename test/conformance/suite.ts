import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The official JSON-Schema-Test-Suite, shared beside the repository (never copied into it). */
export const SUITE_DIR = fileURLToPath(new URL('../../../shared/conformance/json-schema-test-suite', import.meta.url));
export const TESTS_DIR = join(SUITE_DIR, 'tests', 'draft2020-12');
export const REMOTES_DIR = join(SUITE_DIR, 'remotes');
export const REMOTES_BASE = 'http://localhost:1234/';

export interface SuiteTest {
  description: string;
  data: unknown;
  valid: boolean;
}

export interface SuiteGroup {
  description: string;
  schema: unknown;
  tests: SuiteTest[];
}

export interface SuiteFile {
  /** Path below tests/draft2020-12, e.g. `ref.json` or `optional/format/date.json`. */
  name: string;
  groups: SuiteGroup[];
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return jsonFiles(path);
      return name.endsWith('.json') ? [path] : [];
    });
}

/** Every test file of draft 2020-12, the optional ones included. */
export function suiteFiles(): SuiteFile[] {
  return jsonFiles(TESTS_DIR).map((path) => ({
    name: relative(TESTS_DIR, path).split('\\').join('/'),
    groups: JSON.parse(readFileSync(path, 'utf8')) as SuiteGroup[],
  }));
}

/** The remote schemas the tests reference, by the URL the suite serves them under. */
export function remotes(): Array<{ url: string; schema: unknown }> {
  return jsonFiles(REMOTES_DIR).map((path) => ({
    url: REMOTES_BASE + relative(REMOTES_DIR, path).split('\\').join('/'),
    schema: JSON.parse(readFileSync(path, 'utf8')),
  }));
}

/** Stable name of one test case: `file | group | test`. */
export function testKey(file: string, group: string, test?: string): string {
  return test === undefined ? `${file} | ${group}` : `${file} | ${group} | ${test}`;
}
