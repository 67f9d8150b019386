import { escapeSegment, resolveLocalRef } from '../diff/schema-nodes.js';
import {
  isSensitiveCategory,
  SENSITIVE_CATEGORIES,
  SENSITIVE_KEYWORD,
  type SensitiveCategory,
} from './sensitive-keyword.js';

/**
 * A field of a form that holds sensitive data (DP-02). `pointer` is a data pointer in which the
 * segment `*` stands for every element of an array (soeskende, `*`, cpr: every sibling's CPR
 * number), or for every member an object allows beyond its named properties
 * (`additionalProperties`, `patternProperties`).
 */
export interface SensitiveField {
  readonly pointer: string;
  readonly categories: readonly SensitiveCategory[];
}

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

// Subschemas for members or elements the schema does not name one by one.
const ANY_MEMBER = ['items', 'additionalProperties', 'unevaluatedProperties', 'unevaluatedItems', 'contains'] as const;
// Subschemas that describe the value itself. `not` is left out: what a value must not be is never stored.
const IN_PLACE = ['if', 'then', 'else'] as const;
const IN_PLACE_LISTS = ['allOf', 'anyOf', 'oneOf'] as const;

/** The subschemas of a schema node, each with the data pointer segment it describes (`''`: the value itself). */
function subschemas(node: Node): Array<[segment: string, schema: unknown]> {
  const out: Array<[string, unknown]> = [];
  if (isNode(node.properties))
    for (const [key, sub] of Object.entries(node.properties)) out.push([`/${escapeSegment(key)}`, sub]);
  if (Array.isArray(node.prefixItems)) node.prefixItems.forEach((sub, i) => out.push([`/${i}`, sub]));
  for (const k of ANY_MEMBER) if (k in node) out.push(['/*', node[k]]);
  if (isNode(node.patternProperties)) for (const sub of Object.values(node.patternProperties)) out.push(['/*', sub]);
  for (const k of IN_PLACE) if (k in node) out.push(['', node[k]]);
  for (const k of IN_PLACE_LISTS)
    if (Array.isArray(node[k])) for (const sub of node[k] as unknown[]) out.push(['', sub]);
  if (isNode(node.dependentSchemas)) for (const sub of Object.values(node.dependentSchemas)) out.push(['', sub]);
  return out;
}

/**
 * Schemas whose `$ref`s multiply (a definition used twice that uses another twice …) could make
 * the walk exponential; uploaded schemas are untrusted, so it is bounded. Past the bound the whole
 * value counts as sensitive in every category: fail closed, never open.
 */
const MAX_VISITS = 20_000;

const cache = new WeakMap<object, readonly SensitiveField[]>();

/**
 * Every field of a form schema that holds sensitive data: tagged with `x-skema-sensitive`, or a
 * CPR number (`format: "cpr"`, so every CPR field of every form is covered without a tag).
 * Follows `properties`, `items`, `prefixItems` (by index), local `$ref`s, `allOf`/`anyOf`/`oneOf`,
 * `if`/`then`/`else` and `dependentSchemas`; a branch counts whether or not it applies to given data.
 * A recursive `$ref` is followed once: where it recurs, the nested value counts as a whole, with
 * every category found anywhere in the recursion. Cached per schema object.
 */
export function sensitiveFields(schema: unknown): readonly SensitiveField[] {
  if (!isNode(schema)) return [];
  let fields = cache.get(schema);
  if (!fields) {
    fields = collect(schema);
    cache.set(schema, fields);
  }
  return fields;
}

class TooComplex extends Error {}

function collect(root: Node): readonly SensitiveField[] {
  const found = new Map<string, Set<SensitiveCategory>>();
  const add = (pointer: string, categories: Iterable<SensitiveCategory>) => {
    let set = found.get(pointer);
    for (const c of categories) (set ??= new Set()).add(c);
    if (set) found.set(pointer, set);
  };
  let visits = 0;
  const visit = (node: unknown, pointer: string, refs: readonly string[]): void => {
    if (!isNode(node)) return;
    if (++visits > MAX_VISITS) throw new TooComplex();
    add(pointer, ownCategories(node));
    if (typeof node.$ref === 'string') {
      const ref = node.$ref;
      if (refs.includes(ref)) add(pointer, reachableCategories(root, ref));
      else visit(resolveLocalRef(root, ref), pointer, [...refs, ref]);
    }
    for (const [segment, sub] of subschemas(node)) visit(sub, pointer + segment, refs);
  };
  try {
    // The root is the target of `#`: a reference to it recurs.
    visit(root, '', ['#']);
  } catch (e) {
    if (!(e instanceof TooComplex)) throw e;
    return Object.freeze([Object.freeze({ pointer: '', categories: Object.freeze([...SENSITIVE_CATEGORIES]) })]);
  }
  return Object.freeze(
    [...found].map(([pointer, set]) => Object.freeze({ pointer, categories: Object.freeze(inOrder(set)) })),
  );
}

function ownCategories(node: Node): SensitiveCategory[] {
  const tagged = node[SENSITIVE_KEYWORD];
  // A malformed tag never reaches here in a form in use (the form fails to compile); read defensively anyway.
  const categories = Array.isArray(tagged) ? tagged.filter(isSensitiveCategory) : [];
  if (node.format === 'cpr') categories.push('cpr');
  return categories;
}

/** Every category anywhere in a definition and what it references; each schema node once. */
function reachableCategories(root: Node, ref: string): Set<SensitiveCategory> {
  const categories = new Set<SensitiveCategory>();
  const seen = new Set<Node>();
  const walk = (node: unknown): void => {
    if (!isNode(node) || seen.has(node)) return;
    seen.add(node);
    for (const c of ownCategories(node)) categories.add(c);
    if (typeof node.$ref === 'string') walk(resolveLocalRef(root, node.$ref));
    for (const [, sub] of subschemas(node)) walk(sub);
  };
  walk(resolveLocalRef(root, ref));
  return categories;
}

function inOrder(set: Set<SensitiveCategory>): SensitiveCategory[] {
  return SENSITIVE_CATEGORIES.filter((c) => set.has(c));
}
