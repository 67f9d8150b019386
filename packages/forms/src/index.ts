export { loadForms, loadFormVersion, formVersionDirs, readJson, FormLoadError } from './load.js';
export { schemasDir, lockFilePath } from './paths.js';
export { standardPlugins, createStandardEngine, loadStandardRegistry, loadTenantForms } from './standard.js';
export { readLock, verifyLock, updateLock, type FormsLock, type LockProblem } from './lock.js';
export { checkForms, type CheckProblem, type CheckFormsInput } from './check.js';
export { loadTenants, type TenantFile, type TenantConfiguration } from './tenants.js';
export { developmentListPolicy } from './list-policy.js';
export { judgedDateTable, JUDGED_DATES_START, JUDGED_DATES_END } from './judged-date-table.js';
