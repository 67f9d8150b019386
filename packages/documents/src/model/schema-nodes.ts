/** A JSON Schema object as the renderer reads it (forms are trusted, compiled and checked before). */
export type SchemaNode = Record<string, unknown>;

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `Array.isArray` narrows to `any[]`; a schema's lists hold unknown JSON. */
function isList(value: unknown): value is unknown[] {
  return Array.isArray(value);
}

/** Follows local `$ref`s (`#/$defs/x`); a remote or broken reference gives an empty schema. */
export function deref(root: SchemaNode, node: unknown, depth = 0): SchemaNode {
  if (!isNode(node)) return {};
  const ref = node.$ref;
  if (typeof ref !== 'string' || depth > 16) return node;
  if (!ref.startsWith('#')) return {};
  let target: unknown = root;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    target = isNode(target) ? target[key] : undefined;
  }
  // Siblings of $ref (title, x-skema-*) still count, the target's keywords fill in the rest.
  const { $ref: _ignored, ...siblings } = node;
  return { ...deref(root, target, depth + 1), ...siblings };
}

/** Where a property can be declared: `properties` and the branches of `allOf`/`anyOf`/`oneOf`/`then`/`else`. */
function branches(root: SchemaNode, node: SchemaNode): SchemaNode[] {
  const out: SchemaNode[] = [];
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = node[key];
    if (Array.isArray(list)) for (const b of list) out.push(deref(root, b));
  }
  for (const key of ['then', 'else']) if (isNode(node[key])) out.push(deref(root, node[key]));
  return out;
}

/** The schema of property `key` of an object schema, or undefined. */
export function propertySchema(root: SchemaNode, node: SchemaNode, key: string, depth = 0): SchemaNode | undefined {
  const props = node.properties;
  if (isNode(props) && Object.hasOwn(props, key)) return deref(root, props[key]);
  if (depth > 4) return undefined;
  for (const b of branches(root, node)) {
    const found = propertySchema(root, b, key, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Property names of an object schema in declaration order (branches' own after the main ones). */
export function propertyNames(root: SchemaNode, node: SchemaNode, depth = 0): string[] {
  const names = isNode(node.properties) ? Object.keys(node.properties) : [];
  if (depth > 4) return names;
  for (const b of branches(root, node))
    for (const n of propertyNames(root, b, depth + 1)) if (!names.includes(n)) names.push(n);
  return names;
}

/** The item schema of an array schema. */
export function itemSchema(root: SchemaNode, node: SchemaNode): SchemaNode {
  return deref(root, node.items);
}

/** Enumerated values of a schema (`enum`, or `oneOf`/`anyOf` of `const`s). */
export function enumValues(node: SchemaNode): unknown[] | undefined {
  if (isList(node.enum)) return node.enum;
  for (const key of ['oneOf', 'anyOf']) {
    const list = node[key];
    if (isList(list) && list.length > 0 && list.every((b) => isNode(b) && 'const' in b))
      return list.map((b) => (b as SchemaNode).const);
  }
  return undefined;
}

export function schemaType(node: SchemaNode): string | undefined {
  const t = node.type;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.find((x): x is string => typeof x === 'string' && x !== 'null');
  if (node.properties) return 'object';
  if (node.items) return 'array';
  return undefined;
}

/** `#/properties/a/properties/b` → the property names `['a', 'b']`; `#` → `[]`. */
export function scopeSegments(scope: string): string[] {
  const parts = scope
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === 'properties' && i + 1 < parts.length) out.push(parts[++i] as string);
  }
  return out;
}

/** The schema a scope names, relative to `base` (the form's root, or an array's item schema). */
export function schemaAtSegments(root: SchemaNode, base: SchemaNode, segments: string[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = base;
  for (const key of segments) {
    if (!node) return undefined;
    node = propertySchema(root, node, key);
  }
  return node;
}
