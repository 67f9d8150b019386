import { RevisionConflictError, type FormVersion, type Locale, type Submission, type SubmissionStatus, type ValidationResult } from '@skema/core';
import type { Request } from 'express';
import type { Principal } from '../auth/principal.js';
import type { AppContext } from '../context.js';
import { expectedRevision } from '../http/etag.js';
import { HttpProblem } from '../http/problem.js';
import { approvalBaseline } from '../transitions/approval-baseline.js';
import type { RecordedApproval } from '../transitions/guards.js';
import { errorCount, errorIssues } from './submission-view.js';

/** Concurrent writers with `If-Match: *` each win within this many rounds in practice; a bound keeps a pathological case finite. */
const MAX_ANY_MATCH_ATTEMPTS = 50;

function matchesAny(req: Request): boolean {
  const header = req.get('if-match');
  return header !== undefined && expectedRevision(header, '') === 'any';
}

/** Logic shared by the submission routes: forms, validation, ownership, preconditions. */
export class SubmissionService {
  constructor(private readonly ctx: AppContext) {}

  /** The tenant's effective form: the base version with the tenant's overlay, or the tenant's own form. */
  resolveForm(tenantId: string, formId: string, version: string): FormVersion {
    return this.ctx.forms.resolve(tenantId, formId, version);
  }

  /** Drafts are checked for types and formats only; every other status for everything. */
  async validate(form: FormVersion, data: unknown, status: SubmissionStatus, principal: Principal | undefined, locale: Locale, now = this.ctx.now()): Promise<ValidationResult> {
    const result = await this.ctx.validation.validate(form, data, { locale, mode: status === 'draft' ? 'draft' : 'submitted', principal, now });
    this.ctx.metrics.countValidation(form.manifest.id, result.valid, this.ctx.registry.has(form.manifest.id));
    return result;
  }

  assertValid(result: ValidationResult): void {
    if (result.valid) return;
    const count = errorCount(result);
    throw new HttpProblem(
      'validation-failed',
      { da: `Indsendelsen har ${count} fejl.`, en: `The submission has ${count} error(s).` },
      { issues: errorIssues(result), ...(result.truncated ? { members: { truncated: result.truncated } } : {}) },
    );
  }

  /** Another tenant's submission reads as absent: 404, never 403. */
  async load(principal: Principal, id: string): Promise<Submission> {
    const submission = await this.ctx.store.get(principal.tenantId, id);
    if (!submission) throw new HttpProblem('not-found', { da: 'Indsendelsen findes ikke.', en: 'The submission does not exist.' });
    return submission;
  }

  /**
   * Loads the submission and runs a write based on its current revision, which `If-Match` must
   * name (428 without one: a change without it would race any other and fail at random with 412;
   * 412 when stale). `*` matches whichever revision is current, so when another change lands
   * between the read and the write, the submission is read again and the write retried (the
   * write function runs again, on the new revision), instead of failing with 412.
   */
  async writeCurrent<T>(req: Request, principal: Principal, id: string, write: (current: Submission, expectedRevision: number) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.load(principal, id);
      const expected = this.expectedRevision(req, current);
      try {
        return await write(current, expected);
      } catch (e) {
        if (!(e instanceof RevisionConflictError) || !matchesAny(req) || attempt >= MAX_ANY_MATCH_ATTEMPTS) throw e;
      }
    }
  }

  /** The revision the client's If-Match expects; 428 without one, 412 when stale. */
  expectedRevision(req: Request, submission: Submission): number {
    const header = req.get('if-match');
    if (!header) {
      throw new HttpProblem('precondition-required', {
        da: 'Send If-Match med indsendelsens ETag (eller *) for at undgå at overskrive andres ændringer.',
        en: 'Send If-Match with the submission’s ETag (or *) so no one else’s change is overwritten.',
      });
    }
    const expected = expectedRevision(header, submission.id);
    if (expected === 'any') return submission.revision;
    if (expected !== submission.revision) {
      throw new HttpProblem('precondition-failed', {
        da: `Indsendelsen er nu på revision ${submission.revision}; hent den igen.`,
        en: `The submission is now at revision ${submission.revision}; fetch it again.`,
      });
    }
    return expected;
  }

  /**
   * Approvals recorded since the submission's content or status last changed (an edit or a
   * new status voids earlier approvals, a legal hold does not). Approvals live in the audit log's status entries.
   */
  async approvalsSince(principal: Principal, submission: Submission): Promise<RecordedApproval[]> {
    const baseline = approvalBaseline(await this.ctx.store.revisions(principal.tenantId, submission.id));
    const approvals: RecordedApproval[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.ctx.store.queryAudit(principal.tenantId, { submissionId: submission.id, limit: 100, ...(cursor ? { cursor } : {}) });
      for (const entry of page.items) {
        const d = entry.details ?? {};
        if (entry.action === 'status' && typeof d.approvalAs === 'string' && typeof d.revision === 'number' && d.revision > baseline) {
          approvals.push({ by: entry.actor, as: d.approvalAs as RecordedApproval['as'], to: d.requested as SubmissionStatus, revision: d.revision });
        }
      }
      cursor = page.nextCursor;
    } while (cursor);
    return approvals;
  }
}
