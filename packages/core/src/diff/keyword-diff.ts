import type { BumpLevel, ChangeKind } from './types.js';
import { sameJson, show, type SchemaObject } from './schema-nodes.js';
import { canonicalJson } from '../hash.js';

export type AddChange = (path: string, kind: ChangeKind, level: BumpLevel, message: string) => void;

/** Keywords that only describe; changing them never changes which data is valid. */
const ANNOTATIONS = new Set([
  'title',
  'description',
  'examples',
  'default',
  '$comment',
  'deprecated',
  'readOnly',
  'writeOnly',
  'contentMediaType',
  'contentEncoding',
  'contentSchema',
  'i18n',
]);

/** Keywords not compared in place: identifiers change with every version, `$defs` are compared where referenced. */
const IGNORED = new Set(['$id', '$defs', 'definitions', '$anchor', '$dynamicAnchor', '$vocabulary']);

const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties', 'minContains'];
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties', 'maxContains'];

/** Keywords `schema-diff.ts` compares structurally. */
export const STRUCTURAL_KEYWORDS = new Set([
  '$ref',
  'properties',
  'required',
  'additionalProperties',
  'unevaluatedProperties',
  'patternProperties',
  'propertyNames',
  'dependentRequired',
  'dependentSchemas',
  'items',
  'prefixItems',
  'contains',
  'unevaluatedItems',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
]);

const SCALAR_KEYWORDS = new Set(['type', 'enum', 'const', 'multipleOf', 'uniqueItems', 'pattern', 'format', ...LOWER_BOUNDS, ...UPPER_BOUNDS]);

const TYPE_ORDER = ['null', 'boolean', 'object', 'array', 'number', 'integer', 'string'];

function typeList(type: unknown): string[] | undefined {
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  return undefined;
}

function allowsType(types: string[] | undefined, t: string): boolean {
  return types === undefined || types.includes(t) || (t === 'integer' && types.includes('number'));
}

/** Whether every value of a type in `inner` is also of a type in `outer` (undefined = any type). */
function typesWithin(inner: string[] | undefined, outer: string[] | undefined): boolean {
  if (outer === undefined) return true;
  if (inner === undefined) return TYPE_ORDER.every((t) => allowsType(outer, t));
  return inner.every((t) => allowsType(outer, t));
}

function showTypes(types: string[] | undefined): string {
  return types === undefined ? 'any' : types.join('|');
}

function diffType(a: SchemaObject, b: SchemaObject, path: string, add: AddChange): void {
  const ta = typeList(a.type);
  const tb = typeList(b.type);
  if (sameJson(a.type, b.type)) return;
  const narrowed = !typesWithin(ta, tb);
  const widened = !typesWithin(tb, ta);
  const change = `from ${showTypes(ta)} to ${showTypes(tb)}`;
  if (narrowed) add(path, 'type-narrowed', 'major', widened ? `type changed ${change}` : `type narrowed ${change}`);
  else if (widened) add(path, 'type-widened', 'minor', `type widened ${change}`);
}

function diffEnum(a: SchemaObject, b: SchemaObject, path: string, add: AddChange): void {
  if (sameJson(a.enum, b.enum)) return;
  const ea = Array.isArray(a.enum) ? a.enum : undefined;
  const eb = Array.isArray(b.enum) ? b.enum : undefined;
  if (!ea && eb) return add(path, 'enum-narrowed', 'major', `enum added: only ${eb.map(show).join(', ')} allowed`);
  if (ea && !eb) return add(path, 'enum-widened', 'minor', 'enum removed: any value of the type is allowed');
  if (!ea || !eb) return;
  const keysA = new Map(ea.map((v) => [canonicalJson(v), v]));
  const keysB = new Map(eb.map((v) => [canonicalJson(v), v]));
  const removed = [...keysA].filter(([k]) => !keysB.has(k)).map(([, v]) => v);
  const added = [...keysB].filter(([k]) => !keysA.has(k)).map(([, v]) => v);
  if (removed.length) add(path, 'enum-narrowed', 'major', `enum values removed: ${removed.map(show).join(', ')}`);
  if (added.length) add(path, 'enum-widened', 'minor', `enum values added: ${added.map(show).join(', ')}`);
}

function diffConst(a: SchemaObject, b: SchemaObject, path: string, add: AddChange): void {
  if (sameJson(a.const, b.const)) return;
  if (!('const' in b)) return add(path, 'constraint-relaxed', 'minor', `const ${show(a.const)} removed`);
  if (!('const' in a)) return add(path, 'const-changed', 'major', `const ${show(b.const)} added`);
  add(path, 'const-changed', 'major', `const changed from ${show(a.const)} to ${show(b.const)}`);
}

function diffBound(keyword: string, lower: boolean, a: SchemaObject, b: SchemaObject, path: string, add: AddChange): void {
  const va = a[keyword];
  const vb = b[keyword];
  if (sameJson(va, vb)) return;
  if (va === undefined) return add(path, 'constraint-tightened', 'major', `${keyword} ${show(vb)} added`);
  if (vb === undefined) return add(path, 'constraint-relaxed', 'minor', `${keyword} ${show(va)} removed`);
  if (typeof va !== 'number' || typeof vb !== 'number') {
    return add(path, 'keyword-changed', 'major', `${keyword} changed from ${show(va)} to ${show(vb)}`);
  }
  const tighter = lower ? vb > va : vb < va;
  if (tighter) add(path, 'constraint-tightened', 'major', `${keyword} ${lower ? 'raised' : 'lowered'} from ${va} to ${vb}`);
  else add(path, 'constraint-relaxed', 'minor', `${keyword} ${lower ? 'lowered' : 'raised'} from ${va} to ${vb}`);
}

function diffMultipleOf(a: SchemaObject, b: SchemaObject, path: string, add: AddChange): void {
  const va = a.multipleOf;
  const vb = b.multipleOf;
  if (sameJson(va, vb)) return;
  if (va === undefined) return add(path, 'constraint-tightened', 'major', `multipleOf ${show(vb)} added`);
  if (vb === undefined) return add(path, 'constraint-relaxed', 'minor', `multipleOf ${show(va)} removed`);
  // Every multiple of `va` is a multiple of `vb` when `vb` divides `va`.
  const ratio = typeof va === 'number' && typeof vb === 'number' ? va / vb : NaN;
  if (Number.isFinite(ratio) && Math.abs(ratio - Math.round(ratio)) < 1e-9) {
    add(path, 'constraint-relaxed', 'minor', `multipleOf relaxed from ${va} to ${vb}`);
  } else {
    add(path, 'constraint-tightened', 'major', `multipleOf changed from ${show(va)} to ${show(vb)}`);
  }
}

function diffUniqueItems(a: SchemaObject, b: SchemaObject, path: string, add: AddChange): void {
  const ua = a.uniqueItems === true;
  const ub = b.uniqueItems === true;
  if (ua === ub) return;
  if (ub) add(path, 'constraint-tightened', 'major', 'uniqueItems added: duplicate items are refused');
  else add(path, 'constraint-relaxed', 'minor', 'uniqueItems removed: duplicate items are accepted');
}

/** `pattern` and `format`: containment of two patterns cannot be decided, so any change is breaking. */
function diffStringRule(keyword: 'pattern' | 'format', a: SchemaObject, b: SchemaObject, path: string, add: AddChange): void {
  const va = a[keyword];
  const vb = b[keyword];
  if (sameJson(va, vb)) return;
  if (va === undefined) return add(path, 'constraint-tightened', 'major', `${keyword} ${show(vb)} added`);
  if (vb === undefined) return add(path, 'constraint-relaxed', 'minor', `${keyword} ${show(va)} removed`);
  add(path, 'constraint-tightened', 'major', `${keyword} changed from ${show(va)} to ${show(vb)}`);
}

/** Type, enum, const, numeric/length bounds, pattern, format, annotations and unknown keywords of one schema node. */
export function diffKeywords(a: SchemaObject, b: SchemaObject, path: string, add: AddChange): void {
  diffType(a, b, path, add);
  diffEnum(a, b, path, add);
  diffConst(a, b, path, add);
  for (const k of LOWER_BOUNDS) diffBound(k, true, a, b, path, add);
  for (const k of UPPER_BOUNDS) diffBound(k, false, a, b, path, add);
  diffMultipleOf(a, b, path, add);
  diffUniqueItems(a, b, path, add);
  diffStringRule('pattern', a, b, path, add);
  diffStringRule('format', a, b, path, add);

  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (IGNORED.has(key) || STRUCTURAL_KEYWORDS.has(key) || SCALAR_KEYWORDS.has(key)) continue;
    if (sameJson(a[key], b[key])) continue;
    if (ANNOTATIONS.has(key) || key.startsWith('x-')) {
      const what = a[key] === undefined ? 'added' : b[key] === undefined ? 'removed' : 'changed';
      add(path, 'annotation-changed', 'patch', `${key} ${what}`);
    } else {
      add(path, 'keyword-changed', 'major', `keyword "${key}" changed; unknown keywords are treated as breaking`);
    }
  }
}
