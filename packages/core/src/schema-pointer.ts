/** The schema `title` that describes the value at a data pointer, following properties and items. */
export function titleAtPointer(schema: Record<string, unknown>, pointer: string): string | undefined {
  let node: unknown = schema;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node)) return undefined;
    node = /^\d+$/.test(segment) && isObject(node.items) ? node.items : (node.properties as Record<string, unknown> | undefined)?.[segment];
    node = resolveLocalRef(schema, node);
  }
  return isObject(node) && typeof node.title === 'string' ? node.title : undefined;
}

function resolveLocalRef(root: Record<string, unknown>, node: unknown): unknown {
  if (!isObject(node) || typeof node.$ref !== 'string' || !node.$ref.startsWith('#/')) return node;
  let target: unknown = root;
  for (const part of node.$ref.slice(2).split('/')) target = isObject(target) ? target[part] : undefined;
  return target;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
