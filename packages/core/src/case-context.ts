import type { SubmissionStatus } from './store.js';

/** Another submission of the same case, as a cross-form rule may read it (read-only). */
export interface CaseDocument {
  readonly id: string;
  readonly formId: string;
  readonly version: string;
  readonly status: SubmissionStatus;
  readonly data: unknown;
  readonly updatedAt: string;
  /** Attachments stored for the submission (empty until attachments exist). */
  readonly attachments?: readonly CaseAttachment[];
}

/** A stored file a «bilag» may name. */
export interface CaseAttachment {
  readonly id: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  /** The submission it belongs to, or none when it belongs to the case. */
  readonly submissionId?: string;
}

/**
 * The case a validated submission belongs to, as rules see it: the other submissions of the case
 * by form id, never the one being validated (its data is the rule's `data`). Pure data, so the
 * same rules run in the browser and on the server.
 */
export interface CaseContext {
  readonly id: string;
  /** The most recently changed submission of a form in the case, withdrawn and rejected ones left out. */
  latest(formId: string): CaseDocument | undefined;
  /** Every submission of a form in the case, newest first (withdrawn and rejected left out). */
  all(formId: string): readonly CaseDocument[];
  /** Attachments uploaded to the case itself (a «bilag» of any submission in it may reference them). */
  readonly attachments: readonly CaseAttachment[];
}

const LEFT_OUT: ReadonlySet<SubmissionStatus> = new Set(['withdrawn', 'rejected']);

/**
 * Builds a case context from the case's submissions (any order). Grouped once by form, so a rule's
 * `latest` is a map lookup however many submissions the case has.
 */
export function createCaseContext(
  id: string,
  documents: readonly CaseDocument[],
  attachments: readonly CaseAttachment[] = [],
  excludeId?: string,
): CaseContext {
  const byForm = new Map<string, CaseDocument[]>();
  for (const doc of documents) {
    if (doc.id === excludeId || LEFT_OUT.has(doc.status)) continue;
    let list = byForm.get(doc.formId);
    if (!list) byForm.set(doc.formId, (list = []));
    list.push(doc);
  }
  for (const list of byForm.values())
    list.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  return {
    id,
    latest: (formId) => byForm.get(formId)?.[0],
    all: (formId) => byForm.get(formId) ?? [],
    attachments,
  };
}
