import { resolveLocalRef, type FormVersion } from '@skema/core';
import semver from 'semver';
import type { CheckProblem } from './check.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The schema node a data pointer names (through `$ref`s and `items`), or undefined. */
function nodeAt(schema: Json, pointer: string): Json | undefined {
  let node: unknown = schema;
  const deref = (n: unknown): unknown =>
    isObject(n) && typeof n.$ref === 'string' ? deref(resolveLocalRef(schema, n.$ref)) : n;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = deref(node);
    if (!isObject(node)) return undefined;
    node =
      /^\d+$/.test(key) && isObject(node.items)
        ? node.items
        : isObject(node.properties)
          ? node.properties[key]
          : undefined;
  }
  node = deref(node);
  return isObject(node) ? node : undefined;
}

const CASE_FIELDS = new Set(['title', 'borger.name', 'borger.cpr', 'borger.substituteCpr', 'borger.birthDate']);

/** Every prefill mapping names a field of its form, a known case field, or a field of the latest version of an existing form. */
export function checkPrefill(forms: readonly FormVersion[]): CheckProblem[] {
  const latest = new Map<string, FormVersion>();
  for (const f of forms) {
    const known = latest.get(f.manifest.id);
    if (!known || semver.gt(f.manifest.version, known.manifest.version)) latest.set(f.manifest.id, f);
  }
  const problems: CheckProblem[] = [];
  for (const form of forms) {
    const { id, version } = form.manifest;
    const report = (message: string): void =>
      void problems.push({ formId: id, version, file: `${id}/${version}/prefill.json`, message });
    for (const [i, m] of (form.prefill?.mappings ?? []).entries()) {
      if (!nodeAt(form.schema, m.target)) report(`mappings[${i}].target ${m.target} is no field of the form`);
      if ('case' in m.from) {
        if (!CASE_FIELDS.has(m.from.case))
          report(`mappings[${i}].from.case "${m.from.case}" is not a case field (${[...CASE_FIELDS].join(', ')})`);
        continue;
      }
      const source = latest.get(m.from.form);
      if (!source) report(`mappings[${i}].from.form "${m.from.form}" is no form`);
      else if (!nodeAt(source.schema, m.from.pointer))
        report(
          `mappings[${i}].from.pointer ${m.from.pointer} is no field of ${m.from.form} ${source.manifest.version}`,
        );
    }
  }
  return problems;
}
