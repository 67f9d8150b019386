import { Router } from 'express';
import jsonPatch from 'fast-json-patch';
import type { SubmissionStatus } from '@skema/core';
import { requireAuth } from '../auth/authenticate.js';
import { principalOf } from '../auth/principal.js';
import { assertRole } from '../auth/roles.js';
import { API_BASE, type AppContext } from '../context.js';
import { submissionEtag } from '../http/etag.js';
import { localeOf } from '../http/locale.js';
import { HttpProblem } from '../http/problem.js';
import { SubmissionService } from '../submissions/submission-service.js';
import { patchDocument, writeResult } from '../submissions/submission-view.js';
import { COMPLETE_STATUSES, isAllowedTransition, TRANSITION_ROLES } from '../transitions/status-graph.js';

/**
 * `POST /submissions/{id}/status {status}`: moves a submission along the status graph, under the
 * form's registered transition guards. A guard that needs a further approval records this one
 * (a revision with unchanged status) and answers 202 with `pendingApprovals`.
 */
export function submissionStatusRouter(ctx: AppContext): Router {
  const router = Router();
  const service = new SubmissionService(ctx);

  router.post(`${API_BASE}/submissions/:id/status`, requireAuth, ctx.validator.body('StatusChange'), async (req, res) => {
    const to = (req.body as { status: SubmissionStatus }).status;
    const principal = principalOf(res);
    assertRole(principal, TRANSITION_ROLES[to]);
    const { updated, result, pending } = await service.writeCurrent(req, principal, req.params.id as string, async (current, expected) => {
      const from = current.status;
      if (!isAllowedTransition(from, to)) {
        throw new HttpProblem('invalid-transition', { da: `Status kan ikke skifte fra ${from} til ${to}.`, en: `Status cannot change from ${from} to ${to}.` });
      }
      const form = service.resolveForm(principal.tenantId, current.formId, current.version);
      const result = await service.validate(form, current.data, COMPLETE_STATUSES.has(to) ? to : 'draft', principal, localeOf(req));
      if (COMPLETE_STATUSES.has(to)) service.assertValid(result);

      const guarded = ctx.guards.guardsFor(current.formId, to).length > 0;
      const approvals = guarded ? await service.approvalsSince(principal, current) : [];
      const decision = ctx.guards.decide({ formId: current.formId, version: current.version, from, to, data: current.data, actor: principal, approvals });
      if (decision.outcome === 'deny') {
        throw new HttpProblem('forbidden', decision.reason, { issues: [{ path: '', code: decision.code, message: decision.reason[localeOf(req)] }] });
      }
      const approval = decision.outcome === 'approve' ? decision : undefined;
      const pending = approval?.pending ?? [];
      const status = pending.length ? from : to;
      const at = ctx.now().toISOString();
      const updated = await ctx.store.update(
        principal.tenantId,
        current.id,
        {
          expectedRevision: expected,
          status,
          receipt: result.receipt,
          action: 'status',
          changes: jsonPatch.compare(patchDocument(current), patchDocument({ ...current, status })) as unknown as Array<Record<string, unknown>>,
          by: principal.keyId,
          at,
        },
        {
          tenantId: principal.tenantId,
          at,
          actor: principal.keyId,
          action: 'status',
          submissionId: current.id,
          details: {
            from,
            to: status,
            requested: to,
            revision: expected + 1,
            ...(approval ? { approvalAs: approval.as } : {}),
            ...(pending.length ? { pending } : {}),
          },
        },
      );
      return { updated, result, pending };
    });
    res
      .status(pending.length ? 202 : 200)
      .set('ETag', submissionEtag(updated.id, updated.revision))
      .json(writeResult(updated, result, pending));
  });

  return router;
}
