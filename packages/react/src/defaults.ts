type Schema = Record<string, unknown>;

export function resolveRef(schema: Schema, root: Schema): Schema {
  let node = schema;
  // Only local references exist in form schemas (remote $refs are not allowed).
  for (let depth = 0; typeof node.$ref === 'string' && node.$ref.startsWith('#') && depth < 16; depth++) {
    let target: unknown = root;
    for (const raw of node.$ref.slice(1).split('/').slice(1)) {
      const segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      target = (target as Record<string, unknown> | undefined)?.[segment];
    }
    if (!target || typeof target !== 'object') break;
    // Keywords beside $ref (title, default) win over the target's.
    const { $ref: _ref, ...siblings } = node;
    node = { ...(target as Schema), ...siblings };
  }
  return node;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function fill(schema: Schema, root: Schema, data: Record<string, unknown>): boolean {
  const properties = schema.properties as Record<string, Schema> | undefined;
  if (!properties) return false;
  let changed = false;
  for (const [name, raw] of Object.entries(properties)) {
    const property = resolveRef(raw, root);
    if (data[name] === undefined) {
      if (property.default !== undefined) {
        data[name] = clone(property.default);
        changed = true;
        continue;
      }
      if (property.type === 'object' || property.properties) {
        // An object is created only when something below it has a default.
        const child: Record<string, unknown> = {};
        if (fill(property, root, child)) {
          data[name] = child;
          changed = true;
        }
      }
    } else if (data[name] !== null && typeof data[name] === 'object' && !Array.isArray(data[name])) {
      changed = fill(property, root, data[name] as Record<string, unknown>) || changed;
    }
  }
  return changed;
}

/**
 * The starting data of a form: the given data with the schema's `default`s filled in where a value
 * is missing (JSON Forms shows defaults only when they are in the data). Never mutates its input.
 */
export function withSchemaDefaults(schema: Record<string, unknown>, data: unknown): unknown {
  if (data !== undefined && (data === null || typeof data !== 'object' || Array.isArray(data))) return data;
  const result = clone((data ?? {}) as Record<string, unknown>);
  fill(resolveRef(schema, schema), schema, result);
  return result;
}
