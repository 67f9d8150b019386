import { canonicalJson } from '../hash.js';

export type SchemaObject = Record<string, unknown>;

export function isSchemaObject(v: unknown): v is SchemaObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return canonicalJson(a) === canonicalJson(b);
}

/** `~` and `/` escaped as in JSON Pointer, so a property name never breaks a path. */
export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapeSegment(segment: string): string {
  return decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The value at a JSON Pointer (`/$defs/person`), or undefined. */
export function valueAtPointer(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let node: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = unescapeSegment(raw);
    if (Array.isArray(node)) node = node[Number(segment)];
    // Own members only: a `$ref` such as `#/__proto__` must not reach the prototype.
    else if (isSchemaObject(node)) node = Object.hasOwn(node, segment) ? node[segment] : undefined;
    else return undefined;
  }
  return node;
}

function findAnchor(node: unknown, anchor: string): unknown {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findAnchor(item, anchor);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (!isSchemaObject(node)) return undefined;
  if (node.$anchor === anchor) return node;
  for (const value of Object.values(node)) {
    const found = findAnchor(value, anchor);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The target of a local `$ref` (`#/$defs/x` or `#anchor`) in `root`, or undefined for remote or dangling references. */
export function resolveLocalRef(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  const fragment = ref.slice(1);
  if (fragment === '' || fragment.startsWith('/')) return valueAtPointer(root, fragment);
  return findAnchor(root, decodeURIComponent(fragment));
}

/**
 * A schema node with its local `$ref`s followed. Keywords beside a `$ref` are merged over the
 * target (they are usually annotations such as `description`), with `required` and `properties` united.
 */
export function resolveNode(root: unknown, node: unknown): unknown {
  let current = node;
  const followed = new Set<string>();
  while (isSchemaObject(current) && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (followed.has(ref)) break;
    followed.add(ref);
    const target = resolveLocalRef(root, ref);
    if (target === undefined) break;
    const { $ref: _ref, ...siblings } = current;
    current = Object.keys(siblings).length === 0 ? target : mergeSiblings(target, siblings);
  }
  return current;
}

function mergeSiblings(target: unknown, siblings: SchemaObject): unknown {
  if (target === false) return false;
  if (!isSchemaObject(target)) return siblings;
  const merged: SchemaObject = { ...target, ...siblings };
  if (Array.isArray(target.required) && Array.isArray(siblings.required)) {
    const own: unknown[] = target.required;
    const beside: unknown[] = siblings.required;
    merged.required = [...new Set([...own, ...beside])];
  }
  if (isSchemaObject(target.properties) && isSchemaObject(siblings.properties)) {
    merged.properties = { ...target.properties, ...siblings.properties };
  }
  return merged;
}

/** True when the node (or anything inside it) still refers elsewhere, so equal text may hide changed targets. */
export function containsRef(node: unknown): boolean {
  return canonicalJson(node ?? null).includes('"$ref"');
}

/** Compact display of a JSON value for messages. */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
