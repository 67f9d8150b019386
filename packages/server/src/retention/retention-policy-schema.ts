import type { SubmissionStatus } from '@skema/core';

/**
 * Statuses a retention policy may count as closed, and the default when it names none: the same
 * default as core's `retentionExpiry` (a test holds the two together). `draft` and `submitted` are
 * open cases and can never be configured as closed, so no policy can delete a running case.
 */
export const CLOSED_STATUSES: readonly SubmissionStatus[] = ['approved', 'rejected', 'withdrawn'];

/** Far beyond any legal retention period; also keeps the expiry a valid date. */
export const MAX_RETENTION_DAYS = 36_500;

const days = { type: 'integer', minimum: 0, maximum: MAX_RETENTION_DAYS } as const;

/** JSON Schema of a tenant's `retention` in `SKEMA_CONFIG` (core's `RetentionPolicy`). */
export const retentionPolicySchema = {
  type: 'object',
  additionalProperties: false,
  // A policy without any period would delete nothing; refused so a typo does not look configured.
  anyOf: [{ required: ['defaultDays'] }, { required: ['forms'] }],
  properties: {
    defaultDays: days,
    forms: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: '^[a-z][a-zA-Z0-9-]{0,63}$' },
      additionalProperties: days,
    },
    closedStatuses: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...CLOSED_STATUSES] } },
    withoutArchive: { type: 'boolean' },
  },
} as const;
