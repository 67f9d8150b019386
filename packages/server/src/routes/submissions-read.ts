import { Router } from 'express';
import type { SubmissionFilter } from '@skema/core';
import { requireAuth } from '../auth/authenticate.js';
import { actorOf, principalOf } from '../auth/principal.js';
import { requireRole, SUBMISSION_ROLES } from '../auth/roles.js';
import { API_BASE, type AppContext } from '../context.js';
import { ifNoneMatchHits, submissionEtag } from '../http/etag.js';
import { queryParser, rethrowBadCursor } from '../http/query.js';
import { listSubmissionsParams } from '../schemas/api-parameters.js';
import { revisionView } from '../submissions/submission-view.js';

/** Reads of submissions; each is audited by the use case (lists without sensitive values, DP-02). */
export function submissionsReadRouter(ctx: AppContext): Router {
  const router = Router();
  const parseList = queryParser<SubmissionFilter & { q?: string }>(listSubmissionsParams);
  const guard = [requireAuth, requireRole(SUBMISSION_ROLES)];

  router.get(`${API_BASE}/submissions`, ...guard, async (req, res) => {
    const principal = principalOf(res);
    const { q, ...filter } = parseList(req);
    const page = await ctx.submissions
      .list(actorOf(principal), filter, principal.listFields, q)
      .catch(rethrowBadCursor(filter.cursor));
    res.set('Cache-Control', 'private, no-cache').json(page);
  });

  router.get(`${API_BASE}/submissions/:id`, ...guard, async (req, res) => {
    const submission = await ctx.submissions.get(actorOf(principalOf(res)), String(req.params.id));
    const etag = submissionEtag(submission.id, submission.revision);
    res.set('ETag', etag).set('Cache-Control', 'private, no-cache');
    if (ifNoneMatchHits(req, etag)) return void res.status(304).end();
    res.json(submission);
  });

  router.get(`${API_BASE}/submissions/:id/revisions`, ...guard, async (req, res) => {
    const revisions = await ctx.submissions.revisions(actorOf(principalOf(res)), String(req.params.id));
    res.set('Cache-Control', 'private, no-cache').json({ items: revisions.map(revisionView) });
  });

  return router;
}
