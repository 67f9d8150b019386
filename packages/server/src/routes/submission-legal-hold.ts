import { Router } from 'express';
import { requireAuth } from '../auth/authenticate.js';
import { principalOf } from '../auth/principal.js';
import { LEGAL_HOLD_ROLES, requireRole } from '../auth/roles.js';
import { API_BASE, type AppContext } from '../context.js';
import { submissionEtag } from '../http/etag.js';
import { localeOf } from '../http/locale.js';
import { HttpProblem } from '../http/problem.js';
import { scrubText } from '../observability/scrub.js';
import { SubmissionService } from '../submissions/submission-service.js';

const personalDataInReason = {
  da: '/reason må ikke indeholde et CPR-nummer; skriv en sags- eller retsreference.',
  en: '/reason must not contain a CPR number; give a case or court reference.',
};

/**
 * `PUT /submissions/{id}/legal-hold {hold, reason}`: sets or releases a legal hold, which keeps
 * the submission from deletion by retention (spec Q17). Recorded as a revision with action
 * `legal-hold` (no data changes, so it neither restarts the retention period nor voids pending
 * approvals) and an audit entry `legal-hold` with `{legalHold, reason, revision}`; asking for the
 * hold the submission already has changes nothing.
 */
export function submissionLegalHoldRouter(ctx: AppContext): Router {
  const router = Router();
  const service = new SubmissionService(ctx);

  router.put(`${API_BASE}/submissions/:id/legal-hold`, requireAuth, requireRole(LEGAL_HOLD_ROLES), ctx.validator.body('LegalHoldChange'), async (req, res) => {
    const { hold, reason } = req.body as { hold: boolean; reason: string };
    const principal = principalOf(res);
    // The reason goes to the audit log, which must hold no personal data.
    if (scrubText(reason) !== reason) {
      throw new HttpProblem('invalid-request', personalDataInReason, {
        issues: [{ path: '/reason', code: 'personal-data', message: personalDataInReason[localeOf(req)] }],
      });
    }
    const submission = await service.writeCurrent(req, principal, req.params.id as string, async (current, expected) => {
      if ((current.legalHold ?? false) === hold) return current;
      const at = ctx.now().toISOString();
      return ctx.store.update(
        principal.tenantId,
        current.id,
        { expectedRevision: expected, legalHold: hold, receipt: current.receipt, action: 'legal-hold', changes: [], by: principal.keyId, at },
        { tenantId: principal.tenantId, at, actor: principal.keyId, action: 'legal-hold', submissionId: current.id, details: { legalHold: hold, reason, revision: expected + 1 } },
      );
    });
    res.set('ETag', submissionEtag(submission.id, submission.revision)).set('Cache-Control', 'private, no-cache').json(submission);
  });

  return router;
}
