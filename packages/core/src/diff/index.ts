export type { BumpLevel, RequiredBump, ChangeKind, SchemaChange, FormDiff, DiffOptions } from './types.js';
export { compareBump, highestBump } from './types.js';
export { diffSchemas } from './schema-diff.js';
export { diffFormVersions } from './form-diff.js';
export {
  requiredBump,
  versionBump,
  nextVersionFor,
  checkVersionBump,
  type VersionBumpProblem,
} from './version-bump.js';
export { resolveNode as resolveSchemaRefs, resolveLocalRef, valueAtPointer } from './schema-nodes.js';
