import { Router } from 'express';
import type { AuditFilter } from '@skema/core';
import { requireAuth } from '../auth/authenticate.js';
import { actorOf, principalOf } from '../auth/principal.js';
import { AUDIT_ROLES, requireRole } from '../auth/roles.js';
import { API_BASE, type AppContext } from '../context.js';
import { queryParser, rethrowBadCursor } from '../http/query.js';
import { auditParams } from '../schemas/api-parameters.js';

/** The tenant's audit log, for auditors: who did what to which submission, and when. */
export function auditRouter(ctx: AppContext): Router {
  const router = Router();
  const parse = queryParser<AuditFilter>(auditParams);
  router.get(`${API_BASE}/audit`, requireAuth, requireRole(AUDIT_ROLES), async (req, res) => {
    const filter = parse(req);
    const page = await ctx.submissions
      .auditLog(actorOf(principalOf(res)), filter)
      .catch(rethrowBadCursor(filter.cursor));
    res.set('Cache-Control', 'private, no-cache').json(page);
  });
  return router;
}
