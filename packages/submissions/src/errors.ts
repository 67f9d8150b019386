import type { LocalizedText, ValidationIssue, ValidationResult } from '@skema/core';

/** One problem the caller can act on, at a JSON Pointer, with a stable code. */
export interface SubmissionIssue {
  path: string;
  code: string;
  message: LocalizedText | string;
  severity?: ValidationIssue['severity'];
}

export type SubmissionErrorCode =
  | 'not-found'
  | 'precondition-required'
  | 'precondition-failed'
  | 'validation-failed'
  | 'migration-invalid'
  | 'migration-impossible'
  | 'guard-denied'
  | 'role-required'
  | 'invalid-transition'
  | 'not-editable'
  | 'revision-conflict'
  | 'idempotency-key-reused'
  | 'invalid-input'
  | 'case-conflict'
  | 'attachment-type'
  | 'attachment-too-large'
  | 'attachment-incomplete'
  | 'person-required'
  | 'already-approved';

/** Every refusal of a submission use case: a stable code, a localized detail and, where it helps, issues and extra members. */
export class SubmissionError extends Error {
  override readonly name: string = 'SubmissionError';

  constructor(
    readonly code: SubmissionErrorCode,
    readonly detail: LocalizedText,
    readonly issues?: SubmissionIssue[],
    /** Extra facts for the caller (e.g. `errors`, `truncated`), never personal data. */
    readonly members?: Record<string, unknown>,
  ) {
    super(detail.en);
  }
}

/** Another tenant's submission reads as absent too. */
export class SubmissionNotFoundError extends SubmissionError {
  override readonly name = 'SubmissionNotFoundError';
  constructor() {
    super('not-found', { da: 'Indsendelsen findes ikke.', en: 'The submission does not exist.' });
  }
}

/** A change of an existing submission without an expected revision: it would race any other change. */
export class PreconditionRequiredError extends SubmissionError {
  override readonly name = 'PreconditionRequiredError';
  constructor() {
    super('precondition-required', {
      da: 'Send If-Match med indsendelsens ETag (eller *) for at undgå at overskrive andres ændringer.',
      en: 'Send If-Match with the submission’s ETag (or *) so no one else’s change is overwritten.',
    });
  }
}

export class PreconditionFailedError extends SubmissionError {
  override readonly name = 'PreconditionFailedError';
  constructor(readonly current: number) {
    super('precondition-failed', {
      da: `Indsendelsen er nu på revision ${current}; hent den igen.`,
      en: `The submission is now at revision ${current}; fetch it again.`,
    });
  }
}

/** Migrate answers a stale expectation, or a change that landed meanwhile, as a conflict (documented 409). */
export class RevisionConflict extends SubmissionError {
  override readonly name = 'RevisionConflict';
  constructor(readonly current: number) {
    super('revision-conflict', {
      da: `Indsendelsen er nu på revision ${current}; hent den igen, før den migreres.`,
      en: `The submission is now at revision ${current}; fetch it again before migrating it.`,
    });
  }
}

/** Every error found, also those left out of `errors` past the engine's issue cap. */
export function errorCount(result: ValidationResult): number {
  return result.truncated?.errors ?? result.errors.length;
}

export function errorIssues(result: ValidationResult): SubmissionIssue[] {
  return result.errors.map((e) => ({ path: e.path, code: e.code, message: e.message, severity: e.severity }));
}

export class ValidationFailedError extends SubmissionError {
  override readonly name = 'ValidationFailedError';
  constructor(readonly result: ValidationResult) {
    const count = errorCount(result);
    super(
      'validation-failed',
      { da: `Indsendelsen har ${count} fejl.`, en: `The submission has ${count} error(s).` },
      errorIssues(result),
      result.truncated ? { truncated: result.truncated } : undefined,
    );
  }
}

export class MigrationInvalidError extends SubmissionError {
  override readonly name = 'MigrationInvalidError';
  constructor(
    readonly result: ValidationResult,
    version: string,
  ) {
    const count = errorCount(result);
    super(
      'migration-invalid',
      {
        da: `De migrerede data har ${count} fejl under version ${version}; indsendelsen er ikke ændret.`,
        en: `The migrated data has ${count} error(s) under version ${version}; the submission is unchanged.`,
      },
      errorIssues(result),
      { errors: result.errors, ...(result.truncated ? { truncated: result.truncated } : {}) },
    );
  }
}

/** A transition guard refused; `ruleCode` is the rule id it enforces. */
export class GuardDeniedError extends SubmissionError {
  override readonly name = 'GuardDeniedError';
  constructor(
    readonly ruleCode: string,
    reason: LocalizedText,
  ) {
    super('guard-denied', reason, [{ path: '', code: ruleCode, message: reason }]);
  }
}

/** The actor lacks every role the action needs. */
export class RoleRequiredError extends SubmissionError {
  override readonly name = 'RoleRequiredError';
  constructor(readonly roles: readonly string[]) {
    super('role-required', {
      da: `Handlingen kræver en af rollerne: ${roles.join(', ')}.`,
      en: `This action requires one of the roles: ${roles.join(', ')}.`,
    });
  }
}

/** The request conflicts with the submission's state: a move the status graph forbids, an edit of a final submission, a reused idempotency key. */
export class SubmissionConflictError extends SubmissionError {
  override readonly name = 'SubmissionConflictError';
  constructor(code: 'invalid-transition' | 'not-editable' | 'idempotency-key-reused', detail: LocalizedText) {
    super(code, detail);
  }
}

/** Input the use case refuses on its own terms (e.g. personal data where the audit log would keep it). */
export class InvalidInputError extends SubmissionError {
  override readonly name = 'InvalidInputError';
  constructor(path: string, code: string, detail: LocalizedText) {
    super('invalid-input', detail, [{ path, code, message: detail }]);
  }
}

/** A migration that cannot run (beyond core's `MigrationError`): e.g. the submission is at the target already. */
export class MigrationImpossibleError extends SubmissionError {
  override readonly name = 'MigrationImpossibleError';
  constructor(detail: LocalizedText) {
    super('migration-impossible', detail);
  }
}

/** Approvals and co-signatures are acts of signed-in people: an API key (a system) cannot give one. */
export class PersonRequiredError extends SubmissionError {
  override readonly name = 'PersonRequiredError';
  constructor() {
    super('person-required', {
      da: 'Godkendelser og medunderskrifter gives af en person, der er logget ind; en API-nøgle kan ikke godkende.',
      en: 'Approvals and co-signatures are given by a signed-in person; an API key cannot approve.',
    });
  }
}

/** The person already approved this submission in another role: one person counts once. */
export class AlreadyApprovedError extends SubmissionError {
  override readonly name = 'AlreadyApprovedError';
  constructor(role: string) {
    super('already-approved', {
      da: `Du har allerede godkendt indsendelsen som ${role}; den samme person tæller kun én gang.`,
      en: `You already approved this submission as ${role}; the same person counts only once.`,
    });
  }
}
