import { Router } from 'express';
import jsonPatch from 'fast-json-patch';
import { requireAuth } from '../auth/authenticate.js';
import { principalOf } from '../auth/principal.js';
import { requireRole, SUBMISSION_ROLES } from '../auth/roles.js';
import { API_BASE, type AppContext } from '../context.js';
import { submissionEtag } from '../http/etag.js';
import { localeOf } from '../http/locale.js';
import { HttpProblem } from '../http/problem.js';
import { SubmissionService } from '../submissions/submission-service.js';
import { patchDocument, writeResult } from '../submissions/submission-view.js';
import { EDITABLE_STATUSES } from '../transitions/status-graph.js';

interface UpdateBody {
  data: Record<string, unknown>;
  version?: string;
}

/** PUT replaces the data (and may move it to another form version); status changes have their own endpoint. */
export function submissionUpdateRouter(ctx: AppContext): Router {
  const router = Router();
  const service = new SubmissionService(ctx);

  router.put(`${API_BASE}/submissions/:id`, requireAuth, requireRole(SUBMISSION_ROLES), ctx.validator.body('SubmissionUpdate'), async (req, res) => {
    const principal = principalOf(res);
    const body = req.body as UpdateBody;
    const { updated, result } = await service.writeCurrent(req, principal, req.params.id as string, async (current, expected) => {
      if (!EDITABLE_STATUSES.has(current.status)) {
        throw new HttpProblem('not-editable', {
          da: `En indsendelse med status ${current.status} kan ikke ændres.`,
          en: `A submission with status ${current.status} cannot be changed.`,
        });
      }
      const form = service.resolveForm(principal.tenantId, current.formId, body.version ?? current.version);
      const result = await service.validate(form, body.data, current.status, principal, localeOf(req));
      service.assertValid(result);
      const version = form.manifest.version;
      const at = ctx.now().toISOString();
      const updated = await ctx.store.update(
        principal.tenantId,
        current.id,
        {
          expectedRevision: expected,
          data: body.data,
          version,
          receipt: result.receipt,
          action: version === current.version ? 'update' : 'migrate',
          changes: jsonPatch.compare(patchDocument(current), patchDocument({ ...current, version, data: body.data })) as unknown as Array<Record<string, unknown>>,
          by: principal.keyId,
          at,
        },
        {
          tenantId: principal.tenantId,
          at,
          actor: principal.keyId,
          action: version === current.version ? 'update' : 'migrate',
          submissionId: current.id,
          details: { revision: expected + 1, version },
        },
      );
      return { updated, result };
    });
    res.set('ETag', submissionEtag(updated.id, updated.revision)).json(writeResult(updated, result));
  });

  return router;
}
