import { escapeSegment, isSchemaObject } from '../diff/schema-nodes.js';

/**
 * Where JSON Schema 2020-12 keeps subschemas. The walk knows keywords, not property names: a
 * property called `pattern` or `properties` is a name in a map of schemas, never a keyword.
 */

/** Keywords whose value is one schema, applied to the same instance location. */
const IN_PLACE_ONE = ['not', 'if', 'then', 'else'] as const;
/** Keywords whose value is an array of schemas, applied to the same instance location. */
const IN_PLACE_ARRAY = ['allOf', 'anyOf', 'oneOf'] as const;
/** Keywords whose value maps names to schemas, applied to the same instance location. */
const IN_PLACE_MAP = ['dependentSchemas'] as const;
/** Keywords whose value is one schema, applied to child locations (any child: "*"). */
const DESCENDING_ONE = [
  'items',
  'additionalItems',
  'contains',
  'additionalProperties',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
] as const;
/** Keywords whose value is an array of schemas, applied to child locations (by index). */
const DESCENDING_ARRAY = ['prefixItems'] as const;
/** Keywords whose value maps names to schemas, applied to child locations (`properties`: by name). */
const DESCENDING_MAP = ['properties', 'patternProperties'] as const;
/** Keywords whose value maps names to schemas that apply only when referenced. */
const DEFINITION_MAP = ['$defs', 'definitions'] as const;

export const REF_KEYWORDS = ['$ref', '$dynamicRef'] as const;

export type SchemaNode = Record<string, unknown>;

/**
 * One subschema of a schema. `inPlace`: evaluated against the same instance value as its parent;
 * otherwise against a child value, `child` naming which (a property name, or `*` for any).
 * Definitions are neither: they run only through a `$ref`.
 */
export interface SubschemaEdge {
  node: unknown;
  pointer: string;
  keyword: string;
  kind: 'in-place' | 'descending' | 'definition';
  child?: string;
}

const isObject = isSchemaObject;

/** The direct subschemas of a schema object (booleans included, as schemas), with their pointers. */
export function subschemas(node: SchemaNode, pointer: string): SubschemaEdge[] {
  const edges: SubschemaEdge[] = [];
  const own = (key: string): unknown => (Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined);
  const one = (keywords: readonly string[], kind: SubschemaEdge['kind']) => {
    for (const k of keywords) {
      const v = own(k);
      if (v !== undefined && !Array.isArray(v))
        edges.push({
          node: v,
          pointer: `${pointer}/${k}`,
          keyword: k,
          kind,
          ...(kind === 'descending' ? { child: '*' } : {}),
        });
    }
  };
  const array = (keywords: readonly string[], kind: SubschemaEdge['kind']) => {
    for (const k of keywords) {
      const v = own(k);
      if (Array.isArray(v))
        v.forEach((s, i) =>
          edges.push({
            node: s,
            pointer: `${pointer}/${k}/${i}`,
            keyword: k,
            kind,
            ...(kind === 'descending' ? { child: String(i) } : {}),
          }),
        );
    }
  };
  const map = (keywords: readonly string[], kind: SubschemaEdge['kind']) => {
    for (const k of keywords) {
      const v = own(k);
      if (!isObject(v)) continue;
      for (const name of Object.keys(v)) {
        const child = kind === 'descending' ? (k === 'properties' ? name : '*') : undefined;
        edges.push({
          node: v[name],
          pointer: `${pointer}/${k}/${escapeSegment(name)}`,
          keyword: k,
          kind,
          ...(child !== undefined ? { child } : {}),
        });
      }
    }
  };
  one(IN_PLACE_ONE, 'in-place');
  array(IN_PLACE_ARRAY, 'in-place');
  map(IN_PLACE_MAP, 'in-place');
  one(DESCENDING_ONE, 'descending');
  // Draft-07 tuples: `items` as an array.
  array([...DESCENDING_ARRAY, 'items'], 'descending');
  map(DESCENDING_MAP, 'descending');
  map(DEFINITION_MAP, 'definition');
  return edges;
}

/**
 * Calls `visit` on every schema object reachable from `root` through schema keywords (not
 * through `$ref`), parents before children. Values that are not objects (boolean schemas) are skipped.
 */
export function forEachSchema(
  root: unknown,
  rootPointer: string,
  visit: (node: SchemaNode, pointer: string) => void,
  maxDepth = 64,
): void {
  const walk = (node: unknown, pointer: string, depth: number) => {
    if (!isObject(node) || depth > maxDepth) return;
    visit(node, pointer);
    for (const edge of subschemas(node, pointer)) walk(edge.node, edge.pointer, depth + 1);
  };
  walk(root, rootPointer, 0);
}

/**
 * The values at a pointer pattern, where a `*` segment stands for every member (e.g. an overlay's
 * `/constraints/*`): where an uploaded document keeps its schemas.
 */
export function valuesAt(doc: unknown, pattern: string): Array<{ value: unknown; pointer: string }> {
  let found: Array<{ value: unknown; pointer: string }> = [{ value: doc, pointer: '' }];
  if (pattern === '') return found;
  for (const raw of pattern.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const next: typeof found = [];
    for (const { value, pointer } of found) {
      if (!isObject(value)) continue;
      const keys =
        segment === '*' ? Object.keys(value) : Object.prototype.hasOwnProperty.call(value, segment) ? [segment] : [];
      for (const key of keys) next.push({ value: value[key], pointer: `${pointer}/${escapeSegment(key)}` });
    }
    found = next;
  }
  return found;
}
