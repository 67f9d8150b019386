import type { NewSubmission, Submission } from './store.js';

/** An ISO date-time in its one canonical form (UTC, milliseconds); every store writes instants this way. */
export function normaliseInstant(value: string, field: string): string {
  const ms = Date.parse(value);
  if (typeof value !== 'string' || Number.isNaN(ms)) throw new RangeError(`${field} is not a valid ISO date-time`);
  return new Date(ms).toISOString();
}

/** The stored shape of a new submission (revision 1), the same in every store. */
export function submissionFromInput(input: NewSubmission): Submission {
  const at = normaliseInstant(input.at, 'at');
  return {
    id: input.id,
    tenantId: input.tenantId,
    formId: input.formId,
    version: input.version,
    status: input.status,
    data: input.data ?? null,
    revision: 1,
    receipt: input.receipt,
    createdAt: at,
    updatedAt: at,
    createdBy: input.by,
    updatedBy: input.by,
  };
}
