import { valueAt } from './data-access.js';
import type { LocalizedText } from './issues.js';

/**
 * A form version's prefill mappings (`prefill.json` beside `form.json`): where initial values come
 * from when the form is opened in a case. Configuration, not content: it changes nothing about
 * what data is valid, so it is not part of the form's content hash (see `formContentHash`).
 */
export interface PrefillSpec {
  mappings: PrefillMapping[];
}

export interface PrefillMapping {
  /** JSON Pointer in the form's data. */
  target: string;
  from: PrefillFrom;
  /** `copy` (default), `pick` list items' members, or `map` enumeration values. */
  transform?: PrefillTransform;
}

/** A case field (`title`, `borger.name`, `borger.cpr`, `borger.substituteCpr`, `borger.birthDate`), or a pointer in the latest submission of a form in the case. */
export type PrefillFrom = { case: string } | { form: string; pointer: string };

export type PrefillTransform =
  | 'copy'
  /** Each list item becomes the value at `item` in it, placed at `as` in a new object (or bare without `as`). */
  | { pick: { item: string; as?: string } }
  /** Enumeration values by source value; values without an entry are left out. */
  | { map: Readonly<Record<string, string>> };

export type PrefillProvenance =
  | { kind: 'case'; field: string; label?: LocalizedText }
  | { kind: 'submission'; formId: string; submissionId: string; pointer: string; label?: LocalizedText };

export interface PrefillSources {
  /** The case's fields as an object: `{ title, borger: { name, … } }`. */
  caseFields: Readonly<Record<string, unknown>>;
  /** The latest submission of a form in the case (withdrawn and rejected left out). */
  latest(formId: string): { id: string; data: unknown } | undefined;
  /** The form's title, for the provenance hint («Hentet fra henvendelsen»). */
  formTitle?(formId: string): LocalizedText | undefined;
}

export interface PrefillResult {
  data: Record<string, unknown>;
  /** Where each prefilled value came from, by its target pointer. */
  provenance: Record<string, PrefillProvenance>;
}

function transformed(value: unknown, transform: PrefillTransform | undefined): unknown {
  if (transform === undefined || transform === 'copy') return structuredClone(value);
  if ('pick' in transform) {
    if (!Array.isArray(value)) return undefined;
    const { item, as } = transform.pick;
    const picked = value.map((v) => valueAt(v, item)).filter((v) => v !== undefined && v !== null && v !== '');
    return picked.map((v) => (as ? setAt({}, as, structuredClone(v)) : structuredClone(v)));
  }
  const map = transform.map;
  if (Array.isArray(value))
    return value.filter((v): v is string => typeof v === 'string' && Object.hasOwn(map, v)).map((v) => map[v]);
  return typeof value === 'string' && Object.hasOwn(map, value) ? map[value] : undefined;
}

const UNSAFE = new Set(['__proto__', 'prototype', 'constructor']);

/** Sets a value at a pointer, creating objects on the way (never arrays: targets name members). */
function setAt<T extends Record<string, unknown>>(root: T, pointer: string, value: unknown): T {
  const keys = pointer
    .split('/')
    .slice(1)
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (keys.length === 0 || keys.some((k) => UNSAFE.has(k))) return root;
  let node: Record<string, unknown> = root;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    node =
      typeof next === 'object' && next !== null && !Array.isArray(next)
        ? (next as Record<string, unknown>)
        : (node[key] = {});
  }
  node[keys[keys.length - 1]!] = value;
  return root;
}

const empty = (v: unknown): boolean =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * Applies prefill mappings to a case. Pure (no I/O), so the server, the CLI's dry run and a
 * browser compute the same. A mapping whose source is missing or empty prefills nothing; the
 * first mapping to fill a target wins.
 */
export function applyPrefill(spec: PrefillSpec, sources: PrefillSources): PrefillResult {
  const data: Record<string, unknown> = {};
  const provenance: Record<string, PrefillProvenance> = {};
  for (const mapping of spec.mappings) {
    if (provenance[mapping.target]) continue;
    const from = mapping.from;
    let value: unknown;
    let source: PrefillProvenance;
    if ('case' in from) {
      value = valueAt(sources.caseFields, `/${from.case.split('.').join('/')}`);
      source = { kind: 'case', field: from.case };
    } else {
      const doc = sources.latest(from.form);
      if (!doc) continue;
      value = valueAt(doc.data, from.pointer);
      const label = sources.formTitle?.(from.form);
      source = {
        kind: 'submission',
        formId: from.form,
        submissionId: doc.id,
        pointer: from.pointer,
        ...(label ? { label } : {}),
      };
    }
    const result = empty(value) ? undefined : transformed(value, mapping.transform);
    if (empty(result)) continue;
    setAt(data, mapping.target, result);
    provenance[mapping.target] = source;
  }
  return { data, provenance };
}

/** Why a parsed `prefill.json` is not a prefill spec, or undefined when it is (the form check and the loader use it). */
export function prefillSpecProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as PrefillSpec).mappings))
    return 'expected { "mappings": [...] }';
  for (const [i, m] of (value as PrefillSpec).mappings.entries()) {
    if (typeof m?.target !== 'string' || !m.target.startsWith('/'))
      return `mappings[${i}].target must be a JSON Pointer`;
    const from = m.from as Record<string, unknown> | undefined;
    const ok =
      from && (typeof from.case === 'string' || (typeof from.form === 'string' && typeof from.pointer === 'string'));
    if (!ok) return `mappings[${i}].from must be { "case": field } or { "form": id, "pointer": pointer }`;
  }
  return undefined;
}
