import { Router } from 'express';
import type { SubmissionFilter } from '@skema/core';
import { requireAuth } from '../auth/authenticate.js';
import { principalOf } from '../auth/principal.js';
import { requireRole, SUBMISSION_ROLES } from '../auth/roles.js';
import { API_BASE, type AppContext } from '../context.js';
import { ifNoneMatchHits, submissionEtag } from '../http/etag.js';
import { queryParser, rethrowBadCursor } from '../http/query.js';
import { listSubmissionsParams } from '../schemas/api-parameters.js';
import { scrubDetails } from '../observability/scrub.js';
import { SensitiveAccess } from '../submissions/sensitive-access.js';
import { SubmissionService } from '../submissions/submission-service.js';
import { revisionView } from '../submissions/submission-view.js';

/**
 * Reads of submissions; every read is recorded in the audit log (who read what, never the data).
 * DP-02: a list is bulk access and must not hand out CPR numbers or health data in bulk, so its
 * items come without their sensitive values (`redacted` names what was removed). The full record
 * is read one submission at a time, and each such read's audit entry records the categories of
 * sensitive data it disclosed (`sensitive`), never the values.
 */
export function submissionsReadRouter(ctx: AppContext): Router {
  const router = Router();
  const service = new SubmissionService(ctx);
  const sensitive = new SensitiveAccess(ctx);
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
      // The filters are the caller's text: `?formId=010118-9901` must not put a CPR number in the audit log.
      details: scrubDetails({ ...criteria, count: page.items.length }),
    });
    const fieldsOf = sensitive.fieldsFor(principal.tenantId);
    const items = page.items.map((s) => sensitive.listItem(s, fieldsOf(s.formId, s.version), principal.listFields?.[s.formId]));
    res.set('Cache-Control', 'private, no-cache').json(page.nextCursor ? { items, nextCursor: page.nextCursor } : { items });
  });

  router.get(`${API_BASE}/submissions/:id`, ...guard, async (req, res) => {
    const principal = principalOf(res);
    const submission = await service.load(principal, req.params.id as string);
    const fields = sensitive.fieldsFor(principal.tenantId)(submission.formId, submission.version);
    await ctx.store.appendAudit({
      tenantId: principal.tenantId,
      at: ctx.now().toISOString(),
      actor: principal.keyId,
      action: 'read',
      submissionId: submission.id,
      details: { revision: submission.revision, ...sensitive.readDetails(submission.data, fields) },
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
      details: { revisions: revisions.length, ...sensitive.revisionsDetails(revisions, sensitive.fieldsFor(principal.tenantId)) },
    });
    res.set('Cache-Control', 'private, no-cache').json({ items: revisions.map(revisionView) });
  });

  return router;
}
