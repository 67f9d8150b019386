export { checkUntrustedDocument, parseUntrustedJson } from './check-untrusted.js';
export {
  untrustedProblem,
  type UntrustedProblem,
  type UntrustedProblemCode,
  type UntrustedParams,
} from './untrusted-problem.js';
export { DEFAULT_UNTRUSTED_LIMITS, type UntrustedLimits } from './limits.js';
export { checkSchemaBudget } from './schema-budget.js';
export { compileLinear, linearPatternReason, linearRegExp, type RegExpEngineLike } from './linear-regexp.js';
export { forEachSchema, subschemas, valuesAt, type SubschemaEdge } from './schema-walk.js';
export {
  createUntrustedAjv,
  SchemaBudgetError,
  untrustedCompiler,
  untrustedSchema,
  withArrayCap,
} from './untrusted-ajv.js';
export type { UntrustedCompiler } from './untrusted-compiler.js';
