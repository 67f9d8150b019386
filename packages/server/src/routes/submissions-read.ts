import { Router } from 'express';
import type { SubmissionFilter } from '@skema/core';
import { requireAuth } from '../auth/authenticate.js';
import { principalOf } from '../auth/principal.js';
import { requireRole, SUBMISSION_ROLES } from '../auth/roles.js';
import { API_BASE, type AppContext } from '../context.js';
import { ifNoneMatchHits, submissionEtag } from '../http/etag.js';
import { queryParser, rethrowBadCursor } from '../http/query.js';
import { listSubmissionsParams } from '../schemas/api-parameters.js';
import { SubmissionService } from '../submissions/submission-service.js';
import { revisionView } from '../submissions/submission-view.js';

/** Reads of submissions; every read is recorded in the audit log (who read what, never the data). */
export function submissionsReadRouter(ctx: AppContext): Router {
  const router = Router();
  const service = new SubmissionService(ctx);
  const parseList = queryParser<SubmissionFilter>(listSubmissionsParams);
  const guard = [requireAuth, requireRole(SUBMISSION_ROLES)];

  router.get(`${API_BASE}/submissions`, ...guard, async (req, res) => {
    const principal = principalOf(res);
    const filter = parseList(req);
    const page = await ctx.store.list(principal.tenantId, { limit: 50, ...filter }).catch(rethrowBadCursor(filter.cursor));
    const { cursor: _cursor, limit: _limit, ...criteria } = filter;
    await ctx.store.appendAudit({
      tenantId: principal.tenantId,
      at: ctx.now().toISOString(),
      actor: principal.keyId,
      action: 'list',
      details: { ...criteria, count: page.items.length },
    });
    res.set('Cache-Control', 'private, no-cache').json(page.nextCursor ? { items: page.items, nextCursor: page.nextCursor } : { items: page.items });
  });

  router.get(`${API_BASE}/submissions/:id`, ...guard, async (req, res) => {
    const principal = principalOf(res);
    const submission = await service.load(principal, req.params.id as string);
    await ctx.store.appendAudit({
      tenantId: principal.tenantId,
      at: ctx.now().toISOString(),
      actor: principal.keyId,
      action: 'read',
      submissionId: submission.id,
      details: { revision: submission.revision },
    });
    const etag = submissionEtag(submission.id, submission.revision);
    res.set('ETag', etag).set('Cache-Control', 'private, no-cache');
    if (ifNoneMatchHits(req, etag)) return void res.status(304).end();
    res.json(submission);
  });

  router.get(`${API_BASE}/submissions/:id/revisions`, ...guard, async (req, res) => {
    const principal = principalOf(res);
    const submission = await service.load(principal, req.params.id as string);
    const revisions = await ctx.store.revisions(principal.tenantId, submission.id);
    await ctx.store.appendAudit({
      tenantId: principal.tenantId,
      at: ctx.now().toISOString(),
      actor: principal.keyId,
      action: 'read',
      submissionId: submission.id,
      details: { revisions: revisions.length },
    });
    res.set('Cache-Control', 'private, no-cache').json({ items: revisions.map(revisionView) });
  });

  return router;
}
