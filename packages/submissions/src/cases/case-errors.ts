import { SubmissionError } from '../errors.js';

/** Another tenant's case, or one the actor is not on the team of, reads as absent too. */
export class CaseNotFoundError extends SubmissionError {
  override readonly name = 'CaseNotFoundError';
  constructor() {
    super('not-found', { da: 'Sagen findes ikke.', en: 'The case does not exist.' });
  }
}

/** The request conflicts with the case: it is closed, or a submission already belongs to another case. */
export class CaseConflictError extends SubmissionError {
  override readonly name = 'CaseConflictError';
  constructor(detail: { da: string; en: string }, members?: Record<string, unknown>) {
    super('case-conflict', detail, undefined, members);
  }
}

export const caseClosed = (): CaseConflictError =>
  new CaseConflictError({ da: 'Sagen er lukket og kan ikke ændres.', en: 'The case is closed and cannot be changed.' });

export const alreadyInCase = (submissionId: string): CaseConflictError =>
  new CaseConflictError(
    {
      da: `Indsendelsen ${submissionId} hører allerede til en sag.`,
      en: `Submission ${submissionId} already belongs to a case.`,
    },
    { submissionId },
  );
