import type { Locale } from '@skema/core';
import type { SubmissionError, SubmissionErrorCode } from '@skema/submissions';
import { HttpProblem, type ProblemIssue, type ProblemKind } from './problem.js';

/** The problem each refusal of the submission use cases becomes (its `type` and status). */
const PROBLEM_OF: Readonly<Record<SubmissionErrorCode, ProblemKind>> = {
  'not-found': 'not-found',
  'precondition-required': 'precondition-required',
  'precondition-failed': 'precondition-failed',
  'validation-failed': 'validation-failed',
  'migration-invalid': 'migration-invalid',
  'migration-impossible': 'migration-impossible',
  'guard-denied': 'forbidden',
  'role-required': 'forbidden',
  'invalid-transition': 'invalid-transition',
  'not-editable': 'not-editable',
  'revision-conflict': 'revision-conflict',
  'idempotency-key-reused': 'idempotency-key-reused',
  'invalid-input': 'invalid-request',
  'case-conflict': 'case-conflict',
  'attachment-type': 'unsupported-media-type',
  'attachment-too-large': 'payload-too-large',
  'attachment-incomplete': 'invalid-request',
  'person-required': 'forbidden',
  'already-approved': 'already-approved',
};

/** A submission use case's refusal as `application/problem+json`, its issues' texts in the request's language. */
export function submissionProblem(err: SubmissionError, locale: Locale): HttpProblem {
  const issues: ProblemIssue[] | undefined = err.issues?.map(({ path, code, message, severity }) => ({
    path,
    code,
    message: typeof message === 'string' ? message : message[locale],
    ...(severity ? { severity } : {}),
  }));
  return new HttpProblem(PROBLEM_OF[err.code], err.detail, {
    ...(issues ? { issues } : {}),
    ...(err.members ? { members: err.members } : {}),
  });
}
