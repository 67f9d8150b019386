import type { BumpLevel, ChangeKind } from './types.js';
import { KEYWORD } from './keyword-texts.js';
import { sameJson, show, type SchemaObject } from './schema-nodes.js';
import { canonicalJson } from '../hash.js';
import type { LocalizedText } from '../issues.js';

export type AddChange = (path: string, kind: ChangeKind, level: BumpLevel, messages: LocalizedText) => void;

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

const SCALAR_KEYWORDS = new Set([
  'type',
  'enum',
  'const',
  'multipleOf',
  'uniqueItems',
  'pattern',
  'format',
  ...LOWER_BOUNDS,
  ...UPPER_BOUNDS,
]);

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

function diffType(a: SchemaObject, b: SchemaObject, path: string, add: AddChange): void {
  const ta = typeList(a.type);
  const tb = typeList(b.type);
  if (sameJson(a.type, b.type)) return;
  const narrowed = !typesWithin(ta, tb);
  const widened = !typesWithin(tb, ta);
  if (narrowed) add(path, 'type-narrowed', 'major', KEYWORD.type(widened ? 'changed' : 'narrowed', ta, tb));
  else if (widened) add(path, 'type-widened', 'minor', KEYWORD.type('widened', ta, tb));
}

function diffEnum(a: SchemaObject, b: SchemaObject, path: string, add: AddChange): void {
  if (sameJson(a.enum, b.enum)) return;
  const ea: unknown[] | undefined = Array.isArray(a.enum) ? a.enum : undefined;
  const eb: unknown[] | undefined = Array.isArray(b.enum) ? b.enum : undefined;
  if (!ea && eb) return add(path, 'enum-narrowed', 'major', KEYWORD.enumAdded(eb.map(show).join(', ')));
  if (ea && !eb) return add(path, 'enum-widened', 'minor', KEYWORD.enumRemoved);
  if (!ea || !eb) return;
  const keysA = new Map(ea.map((v) => [canonicalJson(v), v]));
  const keysB = new Map(eb.map((v) => [canonicalJson(v), v]));
  const removed = [...keysA].filter(([k]) => !keysB.has(k)).map(([, v]) => v);
  const added = [...keysB].filter(([k]) => !keysA.has(k)).map(([, v]) => v);
  if (removed.length) add(path, 'enum-narrowed', 'major', KEYWORD.enumValuesRemoved(removed.map(show).join(', ')));
  if (added.length) add(path, 'enum-widened', 'minor', KEYWORD.enumValuesAdded(added.map(show).join(', ')));
}

function diffConst(a: SchemaObject, b: SchemaObject, path: string, add: AddChange): void {
  if (sameJson(a.const, b.const)) return;
  if (!('const' in b)) return add(path, 'constraint-relaxed', 'minor', KEYWORD.constRemoved(show(a.const)));
  if (!('const' in a)) return add(path, 'const-changed', 'major', KEYWORD.constAdded(show(b.const)));
  add(path, 'const-changed', 'major', KEYWORD.constChanged(show(a.const), show(b.const)));
}

function diffBound(
  keyword: string,
  lower: boolean,
  a: SchemaObject,
  b: SchemaObject,
  path: string,
  add: AddChange,
): void {
  const va = a[keyword];
  const vb = b[keyword];
  if (sameJson(va, vb)) return;
  if (va === undefined) return add(path, 'constraint-tightened', 'major', KEYWORD.added(keyword, show(vb)));
  if (vb === undefined) return add(path, 'constraint-relaxed', 'minor', KEYWORD.removed(keyword, show(va)));
  if (typeof va !== 'number' || typeof vb !== 'number') {
    return add(path, 'keyword-changed', 'major', KEYWORD.changed(keyword, show(va), show(vb)));
  }
  const tighter = lower ? vb > va : vb < va;
  add(
    path,
    tighter ? 'constraint-tightened' : 'constraint-relaxed',
    tighter ? 'major' : 'minor',
    KEYWORD.moved(keyword, vb > va, va, vb),
  );
}

function diffMultipleOf(a: SchemaObject, b: SchemaObject, path: string, add: AddChange): void {
  const va = a.multipleOf;
  const vb = b.multipleOf;
  if (sameJson(va, vb)) return;
  if (va === undefined) return add(path, 'constraint-tightened', 'major', KEYWORD.added('multipleOf', show(vb)));
  if (vb === undefined) return add(path, 'constraint-relaxed', 'minor', KEYWORD.removed('multipleOf', show(va)));
  // Every multiple of `va` is a multiple of `vb` when `vb` divides `va`.
  const ratio = typeof va === 'number' && typeof vb === 'number' ? va / vb : NaN;
  if (Number.isFinite(ratio) && Math.abs(ratio - Math.round(ratio)) < 1e-9) {
    add(path, 'constraint-relaxed', 'minor', KEYWORD.multipleOfRelaxed(va as number, vb as number));
  } else {
    add(path, 'constraint-tightened', 'major', KEYWORD.changed('multipleOf', show(va), show(vb)));
  }
}

function diffUniqueItems(a: SchemaObject, b: SchemaObject, path: string, add: AddChange): void {
  const ua = a.uniqueItems === true;
  const ub = b.uniqueItems === true;
  if (ua === ub) return;
  if (ub) add(path, 'constraint-tightened', 'major', KEYWORD.uniqueAdded);
  else add(path, 'constraint-relaxed', 'minor', KEYWORD.uniqueRemoved);
}

/** `pattern` and `format`: containment of two patterns cannot be decided, so any change is breaking. */
function diffStringRule(
  keyword: 'pattern' | 'format',
  a: SchemaObject,
  b: SchemaObject,
  path: string,
  add: AddChange,
): void {
  const va = a[keyword];
  const vb = b[keyword];
  if (sameJson(va, vb)) return;
  if (va === undefined) return add(path, 'constraint-tightened', 'major', KEYWORD.added(keyword, show(vb)));
  if (vb === undefined) return add(path, 'constraint-relaxed', 'minor', KEYWORD.removed(keyword, show(va)));
  add(path, 'constraint-tightened', 'major', KEYWORD.changed(keyword, show(va), show(vb)));
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
      add(path, 'annotation-changed', 'patch', KEYWORD.annotation(key, what));
    } else {
      add(path, 'keyword-changed', 'major', KEYWORD.unknown(key));
    }
  }
}
