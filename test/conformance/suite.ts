import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The official JSON-Schema-Test-Suite is not part of the repository (never copied into it): the
 * environment variable JSON_SCHEMA_TEST_SUITE names its folder (a relative path is taken from the
 * repository root). Undefined when it is not set: the conformance test then says it did not run.
 */
export const SUITE_ENV = 'JSON_SCHEMA_TEST_SUITE';
export const SUITE_DIR: string | undefined = process.env[SUITE_ENV]
  ? resolve(REPO_ROOT, process.env[SUITE_ENV])
  : undefined;
export const TESTS_DIR = SUITE_DIR && join(SUITE_DIR, 'tests', 'draft2020-12');
export const REMOTES_DIR = SUITE_DIR && join(SUITE_DIR, 'remotes');
export const REMOTES_BASE = 'http://localhost:1234/';

/** Why the suite cannot be read, or undefined when it can. */
export function suiteMissing(): string | undefined {
  if (!SUITE_DIR)
    return `conformance was not run: set ${SUITE_ENV} to the JSON-Schema-Test-Suite's folder (.ci/run points it at the suite kept beside the repository)`;
  if (!existsSync(TESTS_DIR!))
    return `${SUITE_ENV}=${SUITE_DIR} has no tests/draft2020-12 folder: it is not the JSON-Schema-Test-Suite`;
  return undefined;
}

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
  if (suiteMissing()) return [];
  const dir = TESTS_DIR!;
  return jsonFiles(dir).map((path) => ({
    name: relative(dir, path).split('\\').join('/'),
    groups: JSON.parse(readFileSync(path, 'utf8')) as SuiteGroup[],
  }));
}

/** The remote schemas the tests reference, by the URL the suite serves them under. */
export function remotes(): Array<{ url: string; schema: unknown }> {
  if (suiteMissing()) return [];
  const dir = REMOTES_DIR!;
  return jsonFiles(dir).map((path) => ({
    url: REMOTES_BASE + relative(dir, path).split('\\').join('/'),
    schema: JSON.parse(readFileSync(path, 'utf8')),
  }));
}

/** Stable name of one test case: `file | group | test`. */
export function testKey(file: string, group: string, test?: string): string {
  return test === undefined ? `${file} | ${group}` : `${file} | ${group} | ${test}`;
}
