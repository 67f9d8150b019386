import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import semver from 'semver';
import { inheritPrefill } from './prefill-inherit.js';
import {
  formContentHash,
  prefillSpecProblem,
  type FormExample,
  type FormManifest,
  type FormVersion,
  type PrefillSpec,
} from '@skema/core';

export class FormLoadError extends Error {
  override readonly name = 'FormLoadError';
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(`${file}: ${message}`);
  }
}

export function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new FormLoadError('file is missing or unreadable', file);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new FormLoadError(`malformed JSON (${(e as Error).message})`, file);
  }
}

function readExamples(dir: string): FormExample[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      const raw = readJson(file) as Partial<FormExample> & { description?: string };
      if (typeof raw !== 'object' || raw === null || !('data' in raw)) {
        throw new FormLoadError('an example is an object with "data" (and for invalid examples "expect")', file);
      }
      return {
        name: f.replace(/\.json$/, ''),
        data: raw.data,
        ...(raw.expect ? { expect: raw.expect } : {}),
        ...(raw.today ? { today: raw.today } : {}),
      };
    });
}

/** `prefill.json`, when the version has one (configuration, outside the content hash). */
function readPrefill(dir: string): { prefill?: PrefillSpec } {
  const file = join(dir, 'prefill.json');
  if (!existsSync(file)) return {};
  const spec = readJson(file);
  const problem = prefillSpecProblem(spec);
  if (problem) throw new FormLoadError(`prefill.json: ${problem}`, file);
  return { prefill: spec as PrefillSpec };
}

/** Loads one form version folder: form.json, schema.json, uischema.json, i18n/, examples/. */
export function loadFormVersion(dir: string): FormVersion {
  const manifest = readJson(join(dir, 'form.json')) as FormManifest;
  const withoutHash: Omit<FormVersion, 'hash'> = {
    manifest,
    schema: readJson(join(dir, 'schema.json')) as Record<string, unknown>,
    uischema: readJson(join(dir, 'uischema.json')) as Record<string, unknown>,
    i18n: {
      da: readJson(join(dir, 'i18n', 'da.json')) as Record<string, string>,
      en: readJson(join(dir, 'i18n', 'en.json')) as Record<string, string>,
    },
    examples: {
      valid: readExamples(join(dir, 'examples', 'valid')),
      invalid: readExamples(join(dir, 'examples', 'invalid')),
    },
    ...readPrefill(dir),
  };
  return { ...withoutHash, hash: formContentHash(withoutHash) };
}

/** Every `schemas/<formId>/<semver>/` folder below `root` (tenant configuration lives elsewhere). */
export function formVersionDirs(root: string): string[] {
  const dirs: string[] = [];
  for (const formId of readdirSync(root).sort()) {
    const formDir = join(root, formId);
    if (formId === 'tenants' || !statSync(formDir).isDirectory()) continue;
    for (const version of readdirSync(formDir)) {
      const dir = join(formDir, version);
      if (statSync(dir).isDirectory() && semver.valid(version)) dirs.push(dir);
    }
  }
  return dirs;
}

/** Loads all forms and checks that each folder's name matches its manifest. */
export function loadForms(root: string): FormVersion[] {
  const forms = formVersionDirs(root).map((dir) => {
    const form = loadFormVersion(dir);
    const [formId, version] = relative(root, dir).split(/[\\/]/);
    if (form.manifest.id !== formId || form.manifest.version !== version) {
      throw new FormLoadError(
        `form.json says ${form.manifest.id}@${form.manifest.version}, folder says ${formId}@${version}`,
        join(dir, 'form.json'),
      );
    }
    return form;
  });
  return inheritPrefill(forms);
}
