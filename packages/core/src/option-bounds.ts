import type { ValidateFunction } from 'ajv';
import { createAjv, type Ajv2020 } from './ajv.js';

/*
 * Legal bounds of rule options. A tenant may narrow a rule (fire more often), never switch a legal
 * rule off: every option of an error rule declares in its JSON Schema the values the law leaves
 * open, and any other value is refused where configuration enters (start-up, publish, overlays)
 * and ignored where options are resolved.
 */

let ajv: Ajv2020 | undefined;
// By identity: option schemas are the plugins' own constant objects (and browsers then need no hashing).
const validators = new WeakMap<object, ValidateFunction>();

/** The option schema's validator, compiled once per schema object. */
function validatorFor(schema: Readonly<Record<string, unknown>>): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    ajv ??= createAjv();
    validate = ajv.compile(schema as Record<string, unknown>);
    validators.set(schema, validate);
  }
  return validate;
}

/** Why a value is outside its option schema (Ajv's English text), or undefined when it is inside. */
export function optionSchemaViolation(
  schema: Readonly<Record<string, unknown>> | undefined,
  value: unknown,
): string | undefined {
  if (!schema) return undefined;
  const validate = validatorFor(schema);
  if (validate(value)) return undefined;
  return (
    (validate.errors ?? []).map((e) => `${e.instancePath || 'value'} ${e.message ?? e.keyword}`).join('; ') ||
    'not allowed'
  );
}

/**
 * A list option the rule applies to (ydelser, mødetyper, bilag): a tenant may add members of
 * `universe`, never leave out one of `required`, which the law names.
 */
export function listAtLeast(
  required: readonly string[],
  universe: readonly string[] = required,
): Record<string, unknown> {
  return {
    type: 'array',
    items: { enum: [...new Set([...required, ...universe])] },
    uniqueItems: true,
    ...(required.length ? { allOf: required.map((member) => ({ contains: { const: member } })) } : {}),
  };
}

/** A list of exemptions (where the rule does not apply): a tenant may only leave members out. */
export function listAtMost(exemptions: readonly string[]): Record<string, unknown> {
  return { type: 'array', items: { enum: [...exemptions] }, uniqueItems: true };
}
