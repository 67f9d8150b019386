export { checkUntrustedDocument, parseUntrustedJson } from './check-untrusted.js';
export { untrustedProblem, type UntrustedProblem, type UntrustedProblemCode, type UntrustedParams } from './untrusted-problem.js';
export { DEFAULT_UNTRUSTED_LIMITS, type UntrustedLimits } from './limits.js';
