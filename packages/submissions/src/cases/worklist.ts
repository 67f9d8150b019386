import {
  createCaseContext,
  type CaseDocument,
  type CaseRecord,
  type DerivedDeadline,
  type Locale,
  type Submission,
} from '@skema/core';
import type { SubmissionActor } from '../actor.js';
import type { CasesDeps } from './case-deps.js';
import { caseSubmissions } from './case-reads.js';
import { storedJudgedDate } from '../reference-date.js';

/** One deadline on the worklist: which case, form and field it concerns, and when it falls. */
export interface WorklistItem extends Omit<DerivedDeadline, 'status'> {
  status: 'pending' | 'overdue';
  caseId: string;
  caseTitle: string;
  submissionId: string;
  formId: string;
  version: string;
}

export interface WorklistOptions {
  /** Only deadlines on or before this date (YYYY-MM-DD); default: every deadline not met. */
  until?: string | undefined;
}

/** Most open cases one worklist reads; a caseworker's own open cases are far fewer. */
const MAX_CASES = 500;

const documentOf = (s: Submission): CaseDocument => ({
  id: s.id,
  formId: s.formId,
  version: s.version,
  status: s.status,
  data: s.data,
  updatedAt: s.updatedAt,
});

async function openCasesOf(deps: CasesDeps, actor: SubmissionActor): Promise<CaseRecord[]> {
  const cases: CaseRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.cases.listCases(actor.tenantId, {
      status: 'open',
      member: actor.id,
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    cases.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && cases.length < MAX_CASES);
  return cases;
}

/**
 * The deadlines the rules derive (spec process rules, severity P) from the submissions of the
 * caller's open cases, each derived with its case (so a deadline counted from a meeting recorded
 * in another form is there), not met yet, soonest first. Derived on read: nothing to keep in step.
 */
export async function worklist(
  deps: CasesDeps,
  actor: SubmissionActor,
  locale: Locale,
  options: WorklistOptions = {},
): Promise<WorklistItem[]> {
  const items: WorklistItem[] = [];
  const now = deps.now();
  for (const record of await openCasesOf(deps, actor)) {
    const submissions = (await caseSubmissions(deps, record)).filter(
      (s) => s.status !== 'withdrawn' && s.status !== 'rejected',
    );
    const documents = submissions.map(documentOf);
    for (const submission of submissions) {
      const form = deps.forms().resolve(actor.tenantId, submission.formId, submission.version);
      // Draft mode: deadlines are derived in every mode, and the business rules need not run.
      // Deadlines count from the stamped date; a draft never submitted from today (reference-date.ts).
      const result = await deps.validator.validate(form, submission.data, {
        locale,
        mode: 'draft',
        tenant: actor,
        now,
        case: createCaseContext(record.id, documents, [], submission.id),
        ...storedJudgedDate(submission),
      });
      for (const d of result.derived.deadlines) {
        if (d.status === 'met' || (options.until !== undefined && d.due > options.until)) continue;
        items.push({
          ...d,
          status: d.status,
          caseId: record.id,
          caseTitle: record.title,
          submissionId: submission.id,
          formId: submission.formId,
          version: submission.version,
        });
      }
    }
  }
  return items.sort((a, b) =>
    a.due < b.due ? -1 : a.due > b.due ? 1 : a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0,
  );
}
