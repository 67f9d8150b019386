import { existsSync, writeFileSync } from 'node:fs';
import type { FormVersion } from '@skema/core';
import { readJson } from './load.js';
import { lockFilePath } from './paths.js';

/** `schemas/forms.lock.json`: `{ "<formId>@<version>": "sha256-…" }` for every published or deprecated version. */
export type FormsLock = Record<string, string>;

export function readLock(file = lockFilePath()): FormsLock {
  return existsSync(file) ? (readJson(file) as FormsLock) : {};
}

export interface LockProblem {
  key: string;
  message: string;
}

/** A published version whose content changed, or that is missing from the lock, is a problem. */
export function verifyLock(forms: FormVersion[], lock: FormsLock): LockProblem[] {
  const problems: LockProblem[] = [];
  for (const form of forms) {
    if (form.manifest.status === 'draft') continue;
    const key = `${form.manifest.id}@${form.manifest.version}`;
    const recorded = lock[key];
    if (!recorded)
      problems.push({
        key,
        message: `${key} is ${form.manifest.status} but not recorded in forms.lock.json (run "skema lock")`,
      });
    else if (recorded !== form.hash) {
      problems.push({
        key,
        message: `${key} is ${form.manifest.status} and immutable, but its content changed (${recorded} → ${form.hash}); publish a new version instead`,
      });
    }
  }
  return problems;
}

/** Records hashes of published versions that are not yet locked; never rewrites an existing entry. */
export function updateLock(forms: FormVersion[], file = lockFilePath()): { added: string[] } {
  const lock = readLock(file);
  const added: string[] = [];
  for (const form of forms) {
    const key = `${form.manifest.id}@${form.manifest.version}`;
    if (form.manifest.status !== 'draft' && !lock[key]) {
      lock[key] = form.hash;
      added.push(key);
    }
  }
  const sorted = Object.fromEntries(Object.entries(lock).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
  return { added };
}
