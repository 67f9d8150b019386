/** A create with an id that is already stored (in any tenant): nothing is overwritten. */
export class DuplicateSubmissionError extends Error {
  override readonly name = 'DuplicateSubmissionError';
  constructor(readonly submissionId: string) {
    super(`Submission ${submissionId} already exists`);
  }
}
