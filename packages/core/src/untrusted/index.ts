export { checkUntrustedDocument, parseUntrustedJson, type UntrustedProblem } from './check-untrusted.js';
export { DEFAULT_UNTRUSTED_LIMITS, type UntrustedLimits } from './limits.js';
