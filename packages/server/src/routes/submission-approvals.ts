import { Router } from 'express';
import { requireAuth } from '../auth/authenticate.js';
import { actorOf, principalOf } from '../auth/principal.js';
import { API_BASE, type AppContext } from '../context.js';
import { ifMatchOf, submissionEtag } from '../http/etag.js';

/**
 * `POST /submissions/{id}/approvals {role, decision, comment?}`: a signed-in person approves or
 * rejects in one of their roles (an API key: 403); the same approval again changes nothing.
 * `PUT /submissions/{id}/assignees {assignees}`: a leder sets who is assigned (need-to-know).
 * Both answer the submission with its ETag.
 */
export function submissionApprovalsRouter(ctx: AppContext): Router {
  const router = Router();
  router.post(`${API_BASE}/submissions/:id/approvals`, requireAuth, async (req, res) => {
    const body = ctx.validator.parse('ApprovalRequest', req);
    const id = String(req.params.id);
    const { submission } = await ctx.submissions.approve(actorOf(principalOf(res)), id, body, ifMatchOf(req, id));
    res
      .set('ETag', submissionEtag(submission.id, submission.revision))
      .set('Cache-Control', 'private, no-cache')
      .json(submission);
  });
  router.put(`${API_BASE}/submissions/:id/assignees`, requireAuth, async (req, res) => {
    const body = ctx.validator.parse('AssigneesChange', req);
    const id = String(req.params.id);
    const submission = await ctx.submissions.assign(actorOf(principalOf(res)), id, body, ifMatchOf(req, id));
    res
      .set('ETag', submissionEtag(submission.id, submission.revision))
      .set('Cache-Control', 'private, no-cache')
      .json(submission);
  });
  return router;
}
