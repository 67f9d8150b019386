import { createAjv, valueAt } from '@skema/core';
import { scopeSegments } from './schema-nodes.js';

/** A JSON Forms rule as the forms use it: `{ effect, condition: { scope, schema } }` (AND/OR/leaf conditions too). */
interface UiRule {
  effect?: string;
  condition?: unknown;
}

// One validator per distinct condition schema, shared by every render: forms repeat the same few.
const ajv = createAjv();
const MAX_CACHED = 2_000;
const compiled = new Map<string, (data: unknown) => boolean>();

function validatorFor(schema: unknown): (data: unknown) => boolean {
  const key = JSON.stringify(schema);
  let fn = compiled.get(key);
  if (!fn) {
    const validate = ajv.compile(schema as object);
    fn = (data) => validate(data) === true;
    if (compiled.size >= MAX_CACHED) compiled.clear();
    compiled.set(key, fn);
  }
  return fn;
}

function pointerOf(scope: string): string {
  return scopeSegments(scope)
    .map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('');
}

/** JSON Forms' condition semantics: a schema condition validates the value at its scope (undefined fails only with `failWhenUndefined`). */
function holds(condition: unknown, data: unknown): boolean {
  if (typeof condition !== 'object' || condition === null) return true;
  const c = condition as Record<string, unknown>;
  if (c.type === 'AND' && Array.isArray(c.conditions)) return c.conditions.every((x) => holds(x, data));
  if (c.type === 'OR' && Array.isArray(c.conditions)) return c.conditions.some((x) => holds(x, data));
  const scope = typeof c.scope === 'string' ? c.scope : '#';
  const value = valueAt(data, pointerOf(scope));
  if ('expectedValue' in c) return value === c.expectedValue;
  if (c.schema === undefined) return true;
  if (value === undefined && c.failWhenUndefined === true) return false;
  return validatorFor(c.schema)(value);
}

/** False when the element's rule hides it for this data (HIDE that holds, SHOW that does not). */
export function isShown(element: { rule?: unknown }, data: unknown): boolean {
  const rule = element.rule as UiRule | undefined;
  if (!rule || typeof rule !== 'object') return true;
  if (rule.effect === 'HIDE') return !holds(rule.condition, data);
  if (rule.effect === 'SHOW') return holds(rule.condition, data);
  return true;
}
