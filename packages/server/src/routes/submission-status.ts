import { Router } from 'express';
import { requireAuth } from '../auth/authenticate.js';
import { actorOf, principalOf } from '../auth/principal.js';
import { API_BASE, type AppContext } from '../context.js';
import { ifMatchOf, submissionEtag } from '../http/etag.js';
import { localeOf } from '../http/locale.js';
import { writeResult } from '../submissions/submission-view.js';

/**
 * `POST /submissions/{id}/status {status}`: a status change under the form's transition guards;
 * 202 with `pendingApprovals` when a guard recorded this approval and waits for another.
 */
export function submissionStatusRouter(ctx: AppContext): Router {
  const router = Router();
  router.post(`${API_BASE}/submissions/:id/status`, requireAuth, async (req, res) => {
    const { status } = ctx.validator.parse('StatusChange', req);
    const id = String(req.params.id);
    const written = await ctx.submissions.changeStatus(
      actorOf(principalOf(res)),
      id,
      status,
      ifMatchOf(req, id),
      localeOf(req),
    );
    res
      .status(written.pendingApprovals.length ? 202 : 200)
      .set('ETag', submissionEtag(written.submission.id, written.submission.revision))
      .json(writeResult(written));
  });
  return router;
}
