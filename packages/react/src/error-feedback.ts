import type { ValidationIssue } from '@skema/core';
import { resolveRef } from './defaults.js';
import { valueAtPointer } from './pointer.js';

type Schema = Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requiredNames(schema: Schema): string[] {
  return Array.isArray(schema.required) ? schema.required.filter((n): n is string => typeof n === 'string') : [];
}

function fillRequired(schema: Schema, root: Schema, data: Record<string, unknown>): Record<string, unknown> {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  let out = data;
  for (const name of requiredNames(schema)) {
    const raw = properties[name];
    if (!isRecord(raw)) continue;
    const property = resolveRef(raw, root);
    const value = data[name];
    const objectLike = property.type === 'object' || isRecord(property.properties);
    if (!objectLike || (value !== undefined && !isRecord(value))) continue;
    // Only an object whose own fields are required is opened: an empty one would otherwise pass.
    if (value === undefined && requiredNames(property).length === 0) continue;
    const next = fillRequired(property, root, value ?? {});
    if (next !== value) out = { ...out, [name]: next };
  }
  return out;
}

/**
 * The data as validated for the person filling in: a missing required object is taken as an empty
 * one, so «Henvender skal udfyldes» is shown as its missing fields («Navn», «Telefon» …) from the
 * start, and filling one of them lowers the error count instead of raising it from 1 to the rest.
 * The form's data itself is unchanged (the server still sees the object missing).
 */
export function withRequiredObjects(schema: Schema, data: unknown): unknown {
  if (data !== undefined && !isRecord(data)) return data;
  const root = resolveRef(schema, schema);
  const filled = fillRequired(root, schema, data ?? {});
  return filled === data || (data === undefined && Object.keys(filled).length === 0) ? data : filled;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * Fields that must be filled in now, beyond those the schema's `required` lists (which JSON Forms
 * marks itself): an error on an empty field means it is required — by an `if`/`then` or by a rule
 * plugin. A field keeps its mark while it holds a value (its error is then gone), and loses it when
 * it is empty again without an error (the condition no longer holds), so the asterisk never flickers.
 */
export function requiredNow(
  previous: ReadonlySet<string>,
  errors: readonly ValidationIssue[],
  data: unknown,
): ReadonlySet<string> {
  const demanded = new Set(
    errors
      .filter((e) => e.severity === 'error' && e.path !== '' && isEmpty(valueAtPointer(data, e.path)))
      .map((e) => e.path),
  );
  for (const pointer of previous)
    if (!demanded.has(pointer) && !isEmpty(valueAtPointer(data, pointer))) demanded.add(pointer);
  if (demanded.size === previous.size && [...demanded].every((p) => previous.has(p))) return previous;
  return demanded;
}
