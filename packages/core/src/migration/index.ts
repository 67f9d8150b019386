export {
  migrateSubmission,
  planMigration,
  type MigrateSubmissionInput,
  type MigrationPlan,
  type MigrationResult,
  type MigrationStep,
  type MigrationStepKind,
} from './migrate.js';
export { MigrationError, type MigrationFailure } from './migration-error.js';
export { movePresent, type PresentMove } from './move-present.js';
