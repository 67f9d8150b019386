/** The schema `title` that describes the value at a data pointer, following properties and items. */
export function titleAtPointer(schema: Record<string, unknown>, pointer: string): string | undefined {
  let node: unknown = schema;
  // In 2020-12 a `title` beside a `$ref` describes this use of the shared definition, so it wins.
  let ownTitle: string | undefined;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = unescape(raw);
    if (!isObject(node)) return undefined;
    node =
      /^\d+$/.test(segment) && isObject(node.items)
        ? node.items
        : (node.properties as Record<string, unknown> | undefined)?.[segment];
    ownTitle = isObject(node) && typeof node.title === 'string' ? node.title : undefined;
    node = resolveLocalRef(schema, node);
  }
  return ownTitle ?? (isObject(node) && typeof node.title === 'string' ? node.title : undefined);
}

function resolveLocalRef(root: Record<string, unknown>, node: unknown): unknown {
  // Chains of local references are followed, a bounded number of steps (cycles end the walk).
  for (let steps = 0; steps < 16; steps++) {
    if (!isObject(node) || typeof node.$ref !== 'string' || !node.$ref.startsWith('#/')) return node;
    let target: unknown = root;
    for (const part of node.$ref.slice(2).split('/')) target = isObject(target) ? target[unescape(part)] : undefined;
    node = target;
  }
  return undefined;
}

const unescape = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~');

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
