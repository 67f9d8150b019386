import { Router } from 'express';
import { requireAuth } from '../auth/authenticate.js';
import { actorOf, principalOf } from '../auth/principal.js';
import { requireRole, SUBMISSION_ROLES } from '../auth/roles.js';
import { API_BASE, type AppContext } from '../context.js';
import { localeOf } from '../http/locale.js';
import { HttpProblem } from '../http/problem.js';
import { queryParser } from '../http/query.js';
import { worklistParams } from '../schemas/api-parameters.js';

/** `GET /worklist`: the derived deadlines of the caller's open cases, not met yet, soonest first. */
export function worklistRouter(ctx: AppContext): Router {
  const router = Router();
  const parse = queryParser<{ until?: string }>(worklistParams);
  router.get(`${API_BASE}/worklist`, requireAuth, requireRole(SUBMISSION_ROLES), async (req, res) => {
    if (!ctx.cases)
      throw new HttpProblem('not-implemented', {
        da: 'Denne server gemmer ikke sager.',
        en: 'This server keeps no cases.',
      });
    const { until } = parse(req);
    const items = await ctx.cases.worklist(actorOf(principalOf(res)), localeOf(req), { until });
    res.set('Cache-Control', 'private, no-cache').json({ items });
  });
  return router;
}
