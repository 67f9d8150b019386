/** Why a migration could not be planned or applied; the API maps these to problem types. */
export type MigrationFailure =
  | 'downgrade'
  | 'invalid-chain'
  | 'missing-migration'
  | 'wrong-source'
  | 'ambiguous-migration'
  | 'patch-failed'
  | 'unknown-plugin'
  | 'plugin-failed';

/**
 * A submission cannot be moved between two form versions. The message names the form, the step
 * and the failing operation, never the submission's data (it may hold personal data).
 */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(
    readonly reason: MigrationFailure,
    message: string,
    readonly formId: string,
    /** The step that failed (for a plan: the requested versions). */
    readonly from: string,
    readonly to: string,
  ) {
    super(message);
  }
}
