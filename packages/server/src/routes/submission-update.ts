import { Router } from 'express';
import { requireAuth } from '../auth/authenticate.js';
import { actorOf, principalOf } from '../auth/principal.js';
import { requireRole, SUBMISSION_ROLES } from '../auth/roles.js';
import { API_BASE, type AppContext } from '../context.js';
import { ifMatchOf, submissionEtag } from '../http/etag.js';
import { localeOf } from '../http/locale.js';
import { writeResult } from '../submissions/submission-view.js';

/** PUT replaces the data (and may move it to another form version); status changes have their own endpoint. */
export function submissionUpdateRouter(ctx: AppContext): Router {
  const router = Router();
  router.put(`${API_BASE}/submissions/:id`, requireAuth, requireRole(SUBMISSION_ROLES), async (req, res) => {
    const body = ctx.validator.parse('SubmissionUpdate', req);
    const id = String(req.params.id);
    const written = await ctx.submissions.update(
      actorOf(principalOf(res)),
      id,
      body,
      ifMatchOf(req, id),
      localeOf(req),
    );
    res.set('ETag', submissionEtag(written.submission.id, written.submission.revision)).json(writeResult(written));
  });
  return router;
}
