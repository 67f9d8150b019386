import type { JsonSchema, TesterContext, UISchemaElement } from '@jsonforms/core';
import { Resolve, isControl } from '@jsonforms/core';

type Schema = JsonSchema & Record<string, unknown>;

/** The schema a Control's scope points at, with local $refs resolved. */
export function controlSchema(
  uischema: UISchemaElement,
  schema: JsonSchema,
  context: TesterContext,
): Schema | undefined {
  if (!isControl(uischema)) return undefined;
  const resolved = Resolve.schema(schema, uischema.scope, context?.rootSchema ?? schema) as Schema | undefined;
  return resolved && typeof resolved.$ref === 'string'
    ? (Resolve.schema(context?.rootSchema ?? schema, resolved.$ref, context?.rootSchema ?? schema) as
        Schema | undefined)
    : resolved;
}

export function schemaType(schema: Schema | undefined): string | undefined {
  const type = schema?.type;
  if (Array.isArray(type)) return type.find((t) => t !== 'null');
  if (typeof type === 'string') return type;
  if (schema?.properties) return 'object';
  if (Array.isArray(schema?.enum)) return 'string';
  return undefined;
}

export function isEnumSchema(schema: Schema | undefined): boolean {
  if (Array.isArray(schema?.enum)) return true;
  const oneOf = schema?.oneOf;
  return (
    Array.isArray(oneOf) && oneOf.length > 0 && oneOf.every((s) => typeof s === 'object' && s !== null && 'const' in s)
  );
}

/** The last property name of a Control's scope (`#/properties/barn/properties/cpr` → `cpr`). */
export function scopeName(uischema: UISchemaElement): string | undefined {
  if (!isControl(uischema)) return undefined;
  return uischema.scope.split('/').pop();
}

/** `#/properties/a/properties/b` → `/a/b` (the data pointer a scope addresses, relative to its parent path). */
export function scopeToPointer(scope: string): string {
  const parts = scope.replace(/^#/, '').split('/').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === 'properties' && parts[i + 1] !== undefined) {
      out.push(parts[i + 1]!);
      i++;
    }
  }
  return out.length ? '/' + out.join('/') : '';
}
