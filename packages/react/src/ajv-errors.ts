import type { ValidationIssue } from '@skema/core';
import type { ErrorObject } from 'ajv';

// JSON Forms drops errors with these keywords or moves them to a child path (`missingProperty`);
// our issues already carry the field's own pointer, so they get a neutral keyword instead.
const REMAPPED_KEYWORDS = new Set([
  'required',
  'dependencies',
  'dependentRequired',
  'additionalProperties',
  'allOf',
  'anyOf',
  'oneOf',
]);

/**
 * Engine issues as Ajv-like errors for JSON Forms' `additionalErrors`: the message is final
 * (already localized by the engine), the instancePath is the issue's JSON Pointer.
 */
export function issuesToErrorObjects(issues: readonly ValidationIssue[]): ErrorObject[] {
  return issues.map((issue) => ({
    instancePath: issue.path,
    schemaPath: `#/skema/${issue.code}`,
    keyword: REMAPPED_KEYWORDS.has(issue.code) ? `skema-${issue.code}` : issue.code,
    params: { code: issue.code, severity: issue.severity },
    message: issue.message,
  }));
}
