import type { ErrorObject } from 'ajv';
import { createAjv } from '../ajv.js';
import { keywordMessage } from '../keyword-messages.js';
import { checkUntrustedDocument } from '../untrusted/check-untrusted.js';
import { OVERLAY_SCHEMA } from './overlay-schema.js';
import { overlayProblem, pointerSegment, type OverlayProblem } from './overlay-problems.js';

let validateOverlayShape: ReturnType<ReturnType<typeof createAjv>['compile']> | undefined;

function shapeProblem(e: ErrorObject): OverlayProblem {
  if (e.keyword === 'additionalProperties') {
    const key = String(e.params.additionalProperty);
    return overlayProblem(`${e.instancePath}/${pointerSegment(key)}`, 'overlay-not-configurable', { key });
  }
  if (e.keyword === 'required') {
    const pointer = `${e.instancePath}/${pointerSegment(String(e.params.missingProperty))}`;
    return overlayProblem(pointer, 'overlay-required', { pointer });
  }
  return overlayProblem(e.instancePath, 'overlay-invalid', { pointer: e.instancePath, detail: keywordMessage(e, {}) });
}

/** Where an overlay holds JSON Schema: each field's added constraints, and each of the tenant's own fields. */
export const OVERLAY_SCHEMA_ROOTS: readonly string[] = ['/constraints/*', '/fields/properties/*'];

/**
 * The checks an overlay document gets before anything reads it: untrusted-input checks (size,
 * prototype keys, remote `$ref`s, unsafe patterns), then its shape (`OVERLAY_SCHEMA`).
 * Empty when the document is a well-formed overlay; it may still not apply to a base form.
 */
export function checkOverlayDocument(document: unknown): OverlayProblem[] {
  const untrusted = checkUntrustedDocument(document, {}, OVERLAY_SCHEMA_ROOTS);
  if (untrusted.length)
    return untrusted.map(({ path, code, message, messages }) => ({ path, code, message, messages }));
  validateOverlayShape ??= createAjv().compile(OVERLAY_SCHEMA);
  return validateOverlayShape(document) ? [] : (validateOverlayShape.errors ?? []).map(shapeProblem);
}
