import type { SubmissionAccessRule } from '@skema/core';

/**
 * Need-to-know for the underretning: besides its creator, the people assigned to it and its case's
 * team, leaders see it, and so do the fagkonsulenter, who co-sign (UND-03) and so must read it
 * first; a person with a recorded co-signature keeps seeing it. A caseworker who did not write it
 * does not. Tenants add roles through their `access` configuration.
 */
export const underretningAccess = (): SubmissionAccessRule => ({
  name: 'underretning:need-to-know',
  formId: 'underretning',
  roles: ['leder', 'fagkonsulent'],
  approvers: true,
});
