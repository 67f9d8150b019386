import { Router } from 'express';
import { requireAuth } from '../auth/authenticate.js';
import { actorOf, principalOf } from '../auth/principal.js';
import { requireRole, SUBMISSION_ROLES } from '../auth/roles.js';
import { API_BASE, type AppContext } from '../context.js';
import { ifMatchOf, submissionEtag } from '../http/etag.js';
import { localeOf } from '../http/locale.js';
import { writeResult } from '../submissions/submission-view.js';

/** `POST /submissions/{id}/migrate {version}`: 201 with the new revision under the later version (409 on a stale If-Match). */
export function submissionMigrateRouter(ctx: AppContext): Router {
  const router = Router();
  router.post(`${API_BASE}/submissions/:id/migrate`, requireAuth, requireRole(SUBMISSION_ROLES), async (req, res) => {
    const { version } = ctx.validator.parse('MigrateRequest', req);
    const id = String(req.params.id);
    const written = await ctx.submissions.migrate(
      actorOf(principalOf(res)),
      id,
      version,
      ifMatchOf(req, id),
      localeOf(req),
    );
    const { submission } = written;
    res
      .status(201)
      .set('Location', `${API_BASE}/submissions/${encodeURIComponent(submission.id)}`)
      .set('ETag', submissionEtag(submission.id, submission.revision))
      .json(writeResult(written));
  });
  return router;
}
