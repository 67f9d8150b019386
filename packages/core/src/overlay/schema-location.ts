type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

function resolveLocal(root: Node, ref: string): Node | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let target: unknown = root;
  for (const part of ref.slice(2).split('/'))
    target = isNode(target) ? target[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return isNode(target) ? target : undefined;
}

/** A node with its local `$ref` replaced by a copy of the target, so changing it changes only this place. */
function inlined(root: Node, node: Node): Node {
  if (typeof node.$ref !== 'string') return node;
  const target = resolveLocal(root, node.$ref);
  if (!target) return node;
  const { $ref: _ref, ...rest } = node;
  const copy = { ...structuredClone(inlined(root, target)), ...rest };
  for (const key of Object.keys(node)) delete node[key];
  Object.assign(node, copy);
  return node;
}

export interface SchemaLocation {
  /** The schema of the field itself (inlined, safe to modify). */
  node: Node;
  /** The object schema that holds the field. */
  parent: Node;
  /** The field's property name in its parent. */
  property: string;
}

/**
 * Finds (and inlines along the way) the schema of the field at a data pointer.
 * Segments name properties; `*` steps into array items.
 */
export function locateField(root: Node, pointer: string): SchemaLocation | undefined {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: Node = root;
  let parent: Node | undefined;
  let property: string | undefined;
  for (const segment of segments) {
    node = inlined(root, node);
    if (segment === '*') {
      if (!isNode(node.items)) return undefined;
      node = node.items;
      continue;
    }
    const props = node.properties;
    if (!isNode(props) || !isNode(props[segment])) return undefined;
    parent = node;
    property = segment;
    node = props[segment];
  }
  if (!parent || property === undefined) return undefined;
  return { node: inlined(root, node), parent, property };
}

/** The data pointer a JSON Forms scope points at, relative to `prefix` (the array's pointer + `/*` inside details). */
export function scopeToPointer(scope: string, prefix = ''): string {
  const parts = scope.replace(/^#/, '').split('/').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++)
    if (parts[i] === 'properties' && parts[i + 1] !== undefined) out.push(parts[++i]!);
  return prefix + out.map((p) => `/${p}`).join('');
}
