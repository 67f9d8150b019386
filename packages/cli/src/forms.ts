import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { FormRegistry, FormNotFoundError, type FormVersion } from '@skema/core';
import { formVersionDirs, loadFormVersion, schemasDir, FormLoadError } from '@skema/forms';
import { CliError } from './io.js';

/** The schemas folder: `--schemas`, else `SKEMA_SCHEMAS_DIR`, else the repository's `schemas/`. */
export function schemasRoot(option: string | undefined): string {
  const root = option ? resolve(option) : schemasDir();
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new CliError(`Schemas folder not found: ${root}`);
  return root;
}

export interface LoadedForms {
  forms: FormVersion[];
  /** Folders that could not be loaded, as `file: message`, relative to the schemas folder. */
  failures: Array<{ file: string; message: string }>;
}

/** Loads every form version, collecting broken folders instead of stopping at the first. */
export function loadAllForms(root: string): LoadedForms {
  const forms: FormVersion[] = [];
  const failures: LoadedForms['failures'] = [];
  for (const dir of formVersionDirs(root)) {
    const [formId, version] = relative(root, dir).split(/[\\/]/);
    try {
      const form = loadFormVersion(dir);
      if (form.manifest.id !== formId || form.manifest.version !== version) {
        failures.push({
          file: `${formId}/${version}/form.json`,
          message: `form.json says ${form.manifest.id}@${form.manifest.version}, folder says ${formId}@${version}`,
        });
      } else forms.push(form);
    } catch (e) {
      if (!(e instanceof FormLoadError)) throw e;
      failures.push({ file: relative(root, e.file), message: e.message.slice(e.file.length + 2) });
    }
  }
  return { forms, failures };
}

/** Loads all forms or stops with the first broken folder. */
export function loadFormsStrict(root: string): FormVersion[] {
  const { forms, failures } = loadAllForms(root);
  const first = failures[0];
  if (first)
    throw new CliError(
      `Cannot load ${first.file}: ${first.message}${failures.length > 1 ? ` (and ${failures.length - 1} more; run "skema check")` : ''}`,
    );
  return forms;
}

/** `underretning@1.0.0` → `['underretning', '1.0.0']`; without `@` the version is `latest`. */
export function parseFormRef(ref: string): { formId: string; version: string } {
  const at = ref.lastIndexOf('@');
  const formId = at > 0 ? ref.slice(0, at) : ref;
  const version = at > 0 ? ref.slice(at + 1) : 'latest';
  if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(formId) || version === '')
    throw new CliError(`"${ref}" is not a form reference (expected <formId>@<version>)`);
  return { formId, version };
}

/** Every version of one form, in a registry; only that form's folders are read. */
export function loadFormRegistry(root: string, formId: string): FormRegistry {
  const formDir = join(root, formId);
  if (!existsSync(formDir) || formId === 'tenants') {
    const known = [...new Set(formVersionDirs(root).map((d) => relative(root, d).split(/[\\/]/)[0]))].sort();
    throw new CliError(`Unknown form "${formId}"${known.length ? ` (known forms: ${known.join(', ')})` : ''}`);
  }
  try {
    return new FormRegistry(
      formVersionDirs(root)
        .filter((d) => relative(root, d).split(/[\\/]/)[0] === formId)
        .map((d) => loadFormVersion(d)),
    );
  } catch (e) {
    if (e instanceof FormLoadError) throw new CliError(`Cannot load form ${formId}: ${e.message}`);
    throw e;
  }
}

/** The message for a version the registry does not have, listing the versions it does. */
export function unknownVersionMessage(registry: FormRegistry, formId: string, version: string): string {
  const known = registry
    .versions(formId)
    .map((v) => `${v.manifest.version} (${v.manifest.status})`)
    .join(', ');
  return `Form "${formId}" has no version ${version} (versions: ${known || 'none'})`;
}

/** One form version by exact version, semver range or `latest`; only that form's folders are read. */
export function loadForm(root: string, formId: string, version: string): FormVersion {
  const formDir = join(root, formId);
  if (existsSync(join(formDir, version, 'form.json')) && formId !== 'tenants') {
    try {
      return loadFormVersion(join(formDir, version));
    } catch (e) {
      if (e instanceof FormLoadError) throw new CliError(`Cannot load form ${formId}: ${e.message}`);
      throw e;
    }
  }
  const registry = loadFormRegistry(root, formId);
  try {
    return registry.resolve(formId, version);
  } catch (e) {
    if (!(e instanceof FormNotFoundError)) throw e;
    throw new CliError(unknownVersionMessage(registry, formId, version));
  }
}

/** Reads a JSON file the user named, with messages that say what is wrong with it. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ENOENT' ? `File not found: ${file}` : `Cannot read ${file} (${code ?? (e as Error).message})`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
}
