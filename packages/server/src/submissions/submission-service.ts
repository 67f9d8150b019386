import type { FormVersion, Locale, Submission, SubmissionStatus, ValidationResult } from '@skema/core';
import type { Request } from 'express';
import type { Principal } from '../auth/principal.js';
import type { AppContext } from '../context.js';
import { expectedRevision } from '../http/etag.js';
import { HttpProblem } from '../http/problem.js';
import { approvalBaseline } from '../transitions/approval-baseline.js';
import type { RecordedApproval } from '../transitions/guards.js';
import { errorIssues } from './submission-view.js';

/** Logic shared by the submission routes: forms, validation, ownership, preconditions. */
export class SubmissionService {
  constructor(private readonly ctx: AppContext) {}

  /** The tenant's effective form: the base version with the tenant's overlay, or the tenant's own form. */
  resolveForm(tenantId: string, formId: string, version: string): FormVersion {
    return this.ctx.forms.resolve(tenantId, formId, version);
  }

  /** Drafts are checked for types and formats only; every other status for everything. */
  validate(form: FormVersion, data: unknown, status: SubmissionStatus, principal: Principal | undefined, locale: Locale, now = this.ctx.now()): ValidationResult {
    const result = this.ctx.engine.validate(form, data, {
      locale,
      mode: status === 'draft' ? 'draft' : 'submitted',
      ruleOptions: principal?.ruleOptions,
      calendar: principal?.calendar,
      now,
    });
    this.ctx.metrics.countValidation(form.manifest.id, result.valid);
    return result;
  }

  assertValid(result: ValidationResult): void {
    if (result.valid) return;
    throw new HttpProblem(
      'validation-failed',
      { da: `Indsendelsen har ${result.errors.length} fejl.`, en: `The submission has ${result.errors.length} error(s).` },
      { issues: errorIssues(result) },
    );
  }

  /** Another tenant's submission reads as absent: 404, never 403. */
  async load(principal: Principal, id: string): Promise<Submission> {
    const submission = await this.ctx.store.get(principal.tenantId, id);
    if (!submission) throw new HttpProblem('not-found', { da: 'Indsendelsen findes ikke.', en: 'The submission does not exist.' });
    return submission;
  }

  /** The revision the client's If-Match expects; 428 without one when required, 412 when stale. */
  expectedRevision(req: Request, submission: Submission, required: boolean): number {
    const header = req.get('if-match');
    if (!header) {
      if (required) {
        throw new HttpProblem('precondition-required', {
          da: 'Send If-Match med indsendelsens ETag for at undgå at overskrive andres ændringer.',
          en: 'Send If-Match with the submission’s ETag so no one else’s change is overwritten.',
        });
      }
      return submission.revision;
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
