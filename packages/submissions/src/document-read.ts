import type { Submission, SubmissionRevision } from '@skema/core';
import type { SubmissionActor } from './actor.js';
import { personOf } from './approve.js';
import type { SubmissionsDeps } from './deps.js';
import { SubmissionNotFoundError } from './errors.js';
import type { SensitiveAccess } from './sensitive-access.js';

/** What a case document is made of: the submission, the revision shown, and the first revision that was submitted. */
export interface DocumentSource {
  submission: Submission;
  revision: SubmissionRevision;
  /** The revision that first entered `submitted` at or before the one shown (who submitted, when). */
  submitted?: SubmissionRevision;
}

/**
 * Reads a submission at a revision (default the current one) for its document, audited like a
 * read: the audit entry names the revision and the categories of sensitive data the document
 * discloses (never the values). Another tenant's submission, or a revision it does not have, is not found.
 */
export async function readForDocument(
  deps: SubmissionsDeps,
  sensitive: SensitiveAccess,
  load: (actor: SubmissionActor, id: string) => Promise<Submission>,
  actor: SubmissionActor,
  id: string,
  revisionNo?: number,
): Promise<DocumentSource> {
  const submission = await load(actor, id);
  const revisions = await deps.store.revisions(actor.tenantId, submission.id);
  const wanted = revisionNo ?? submission.revision;
  const revision = revisions.find((r) => r.revision === wanted);
  if (!revision) throw new SubmissionNotFoundError();
  const fields = sensitive.fieldsFor(actor.tenantId)(revision.formId, revision.version);
  await deps.store.appendAudit({
    tenantId: actor.tenantId,
    at: deps.now().toISOString(),
    actor: actor.id,
    action: 'read',
    submissionId: submission.id,
    details: {
      revision: revision.revision,
      document: 'pdf',
      ...sensitive.readDetails(revision.data, fields),
      ...personOf(actor),
    },
  });
  const submitted = revisions.find((r) => r.revision <= wanted && r.status === 'submitted');
  return { submission, revision, ...(submitted ? { submitted } : {}) };
}
