export { Cases, caseContextOf } from './cases.js';
export type { CasesDeps } from './case-deps.js';
export type { CaseCreateInput, CaseUpdateInput } from './case-writes.js';
export type { CaseListPage } from './case-reads.js';
export { listedCase } from './case-reads.js';
export type { WorklistItem, WorklistOptions } from './worklist.js';
export { CaseNotFoundError, CaseConflictError } from './case-errors.js';
export { CASE_OVERSIGHT_ROLES, seesAllCases } from './case-access.js';
