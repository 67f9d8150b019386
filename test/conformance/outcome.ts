import type { ValidationResult } from '@skema/core';

/** What a person sees of a validation: every finding with its severity, code, path and text, and the deadlines. */
export function outcome(result: ValidationResult) {
  const issue = (i: ValidationResult['errors'][number]) => `${i.severity} ${i.code} ${i.path || '/'} ${i.message}`;
  return {
    valid: result.valid,
    errors: result.errors.map(issue),
    warnings: result.warnings.map(issue),
    deadlines: result.derived.deadlines.map((d) => `${d.ruleId} ${d.path} ${d.due} ${d.status}`),
    plugins: result.receipt.plugins,
  };
}
