import type { FormVersion, Locale, SubmissionStatus, ValidationResult } from '@skema/core';
import type { SubmissionActor } from './actor.js';
import type { SubmissionsDeps } from './deps.js';
import { ValidationFailedError } from './errors.js';

/** The tenant's effective form: the base version with the tenant's overlay, or the tenant's own form. */
export function resolveForm(deps: SubmissionsDeps, tenantId: string, formId: string, version: string): FormVersion {
  return deps.forms().resolve(tenantId, formId, version);
}

/** Drafts are checked for types and formats only; every other status for everything. */
export function validateFor(deps: SubmissionsDeps, form: FormVersion, data: unknown, status: SubmissionStatus, actor: SubmissionActor, locale: Locale, now = deps.now()): Promise<ValidationResult> {
  return deps.validator.validate(form, data, { locale, mode: status === 'draft' ? 'draft' : 'submitted', tenant: actor, now });
}

export function assertValid(result: ValidationResult): void {
  if (!result.valid) throw new ValidationFailedError(result);
}
