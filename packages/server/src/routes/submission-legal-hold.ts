import { Router } from 'express';
import { requireAuth } from '../auth/authenticate.js';
import { actorOf, principalOf } from '../auth/principal.js';
import { LEGAL_HOLD_ROLES, requireRole } from '../auth/roles.js';
import { API_BASE, type AppContext } from '../context.js';
import { ifMatchOf, submissionEtag } from '../http/etag.js';

/** `PUT /submissions/{id}/legal-hold {hold, reason}`: sets or releases a legal hold (spec Q17); answers the submission. */
export function submissionLegalHoldRouter(ctx: AppContext): Router {
  const router = Router();
  router.put(`${API_BASE}/submissions/:id/legal-hold`, requireAuth, requireRole(LEGAL_HOLD_ROLES), async (req, res) => {
    const body = ctx.validator.parse('LegalHoldChange', req);
    const id = String(req.params.id);
    const submission = await ctx.submissions.setLegalHold(actorOf(principalOf(res)), id, body, ifMatchOf(req, id));
    res
      .set('ETag', submissionEtag(submission.id, submission.revision))
      .set('Cache-Control', 'private, no-cache')
      .json(submission);
  });
  return router;
}
