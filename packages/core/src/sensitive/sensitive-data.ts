import { isFilled, pointer as jsonPointer } from '../data-access.js';
import type { SensitiveField } from './sensitive-fields.js';
import { SENSITIVE_CATEGORIES, type SensitiveCategory } from './sensitive-keyword.js';

/** A sensitive value present in given data: its concrete JSON Pointer (no `*`) and its categories. */
export interface SensitiveValue {
  pointer: string;
  categories: SensitiveCategory[];
}

/** Data with its sensitive values removed, and the JSON Pointers of what was removed. */
export interface Redaction {
  data: unknown;
  redacted: string[];
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const unesc = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');
const INDEX = /^(0|[1-9]\d*)$/;

// Field pointers are parsed once; the field objects are shared by every use of a form.
const parsed = new WeakMap<SensitiveField, readonly string[]>();
function segmentsOf(field: SensitiveField): readonly string[] {
  let segments = parsed.get(field);
  if (!segments) {
    segments = field.pointer === '' ? [] : field.pointer.split('/').slice(1).map(unesc);
    parsed.set(field, segments);
  }
  return segments;
}

interface Found {
  segments: string[];
  categories: Set<SensitiveCategory>;
}

/** Every filled-in value the fields match in the data, by concrete pointer, in field order. */
function locate(data: unknown, fields: readonly SensitiveField[]): Map<string, Found> {
  const found = new Map<string, Found>();
  for (const field of fields) {
    const pattern = segmentsOf(field);
    const expand = (node: unknown, i: number, at: string[]): void => {
      if (i === pattern.length) {
        // An empty value discloses nothing; only what is filled in counts as present.
        if (!isFilled(node)) return;
        const pointer = jsonPointer(...at);
        let entry = found.get(pointer);
        if (!entry) found.set(pointer, (entry = { segments: [...at], categories: new Set() }));
        for (const c of field.categories) entry.categories.add(c);
        return;
      }
      const segment = pattern[i]!;
      if (Array.isArray(node)) {
        if (segment === '*') node.forEach((item, k) => expand(item, i + 1, [...at, String(k)]));
        else if (INDEX.test(segment) && Number(segment) < node.length)
          expand(node[Number(segment)], i + 1, [...at, segment]);
      } else if (isObj(node)) {
        if (segment === '*') for (const key of Object.keys(node)) expand(node[key], i + 1, [...at, key]);
        else if (Object.hasOwn(node, segment)) expand(node[segment], i + 1, [...at, segment]);
      }
    };
    expand(data, 0, []);
  }
  return found;
}

/**
 * The sensitive values present in the data of a form: `fields` from `sensitiveFields(schema)`,
 * `*` expanded to the elements (or members) present. Only filled-in values count (an empty
 * string, array or object, `null` and absent fields disclose nothing). A value inside another
 * sensitive value is listed too, with its own categories.
 */
export function sensitivePaths(data: unknown, fields: readonly SensitiveField[]): SensitiveValue[] {
  return [...locate(data, fields)].map(([pointer, f]) => ({ pointer, categories: inOrder(f.categories) }));
}

/** The categories of the sensitive values present in the data, in the fixed order of `SENSITIVE_CATEGORIES`. */
export function sensitiveCategoriesIn(data: unknown, fields: readonly SensitiveField[]): SensitiveCategory[] {
  const all = new Set<SensitiveCategory>();
  for (const f of locate(data, fields).values()) for (const c of f.categories) all.add(c);
  return inOrder(all);
}

/**
 * A deep copy of the data without its sensitive values, and the pointers of what was removed.
 * A value in an object is removed with its key. A value in an array is not cut out of it (the
 * later elements would move up and a shorter list would read as complete): the array is removed
 * as a whole, from the object that holds it. Every element of a sensitive array is sensitive
 * (`*`), so nothing is lost that was not sensitive anyway, except the rest of a `prefixItems`
 * tuple. When the root itself goes, the data is `{}` (or `null` for data that is not an object)
 * and `redacted` is `[""]`. `redacted` names only the outermost removals, in field order.
 */
export function withoutSensitive(data: unknown, fields: readonly SensitiveField[]): Redaction {
  const found = locate(data, fields);
  if (found.size === 0) return { data: structuredClone(data), redacted: [] };
  const removals = new Map<string, string[]>();
  for (const { segments } of found.values()) {
    const target = removalTarget(data, segments);
    removals.set(jsonPointer(...target), target);
  }
  // A removal inside another one is already done by it.
  const pointers = [...removals.keys()];
  const outermost = pointers.filter((p) => !pointers.some((q) => q !== p && (q === '' || p.startsWith(`${q}/`))));
  if (outermost.includes('')) return { data: isObj(data) ? {} : null, redacted: [''] };
  const copy = structuredClone(data);
  for (const pointer of outermost) {
    const segments = removals.get(pointer)!;
    let parent: unknown = copy;
    for (const s of segments.slice(0, -1)) parent = Array.isArray(parent) ? parent[Number(s)] : (parent as Obj)[s];
    delete (parent as Obj)[segments[segments.length - 1]!];
  }
  return { data: copy, redacted: outermost };
}

/** The value to remove for a sensitive value: itself, or the outermost array it is an element of. */
function removalTarget(data: unknown, segments: string[]): string[] {
  const containers: unknown[] = [];
  let node = data;
  for (const s of segments) {
    containers.push(node);
    node = Array.isArray(node) ? node[Number(s)] : (node as Obj)[s];
  }
  let keep = segments.length;
  while (keep > 0 && Array.isArray(containers[keep - 1])) keep--;
  return segments.slice(0, keep);
}

/**
 * The sensitive fields of the value at `pointer` (a concrete data pointer, e.g. a JSON Patch
 * operation's path), relative to that value: `''` when the value lies inside a sensitive field,
 * the rest of the field's pointer when the field lies inside the value. For finding what a part
 * of the data (a patch operation's `value`) discloses, with `sensitivePaths`.
 */
export function sensitiveFieldsWithin(fields: readonly SensitiveField[], pointer: string): SensitiveField[] {
  const at = pointer === '' ? [] : pointer.split('/').slice(1).map(unesc);
  const matches = (pattern: string, segment: string) => pattern === '*' || pattern === segment;
  const out: SensitiveField[] = [];
  for (const field of fields) {
    const pattern = segmentsOf(field);
    const shared = Math.min(pattern.length, at.length);
    let same = true;
    for (let i = 0; i < shared && same; i++) same = matches(pattern[i]!, at[i]!);
    if (!same) continue;
    const rest = pattern.slice(shared);
    out.push({ pointer: jsonPointer(...rest), categories: field.categories });
  }
  return out;
}

function inOrder(set: Set<SensitiveCategory>): SensitiveCategory[] {
  return SENSITIVE_CATEGORIES.filter((c) => set.has(c));
}
