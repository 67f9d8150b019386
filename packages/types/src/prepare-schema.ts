type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Keywords that constrain values but not the shape of the data: TypeScript cannot express them. */
const DROPPED = new Set([
  '$id',
  '$schema',
  '$comment',
  'title',
  'if',
  'then',
  'else',
  'not',
  'dependentRequired',
  'dependentSchemas',
  'examples',
]);
const SCHEMA_MAPS = new Set(['properties', '$defs', 'definitions', 'patternProperties']);
const SCHEMA_VALUES = new Set([
  'items',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'contains',
  'propertyNames',
]);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);

/**
 * A copy of a form schema shaped for type generation: conditional keywords dropped (a
 * conditionally required field stays optional), the Danish `title` moved into the doc comment
 * and identifiers removed, so type names come from the form and from `$defs` keys.
 */
export function prepareSchemaForTypes(schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key)) continue;
    if (SCHEMA_MAPS.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, prepareSchemaForTypes(v)]));
    } else if (SCHEMA_VALUES.has(key)) {
      out[key] = prepareSchemaForTypes(value);
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      const list = value
        .map(prepareSchemaForTypes)
        .filter((s) => !(key === 'allOf' && isObject(s) && Object.keys(s).length === 0));
      if (list.length > 0) out[key] = list;
    } else {
      out[key] = value;
    }
  }
  const title = typeof schema.title === 'string' ? schema.title : undefined;
  const description = typeof schema.description === 'string' ? schema.description : undefined;
  if (title && title !== description) out.description = description ? `${title}\n\n${description}` : title;
  return out;
}
