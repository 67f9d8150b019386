import { Router } from 'express';
import { diffFormVersions, type FormRegistry } from '@skema/core';
import { optionalPrincipalOf } from '../auth/principal.js';
import { API_BASE, type AppContext } from '../context.js';
import { diffResponse, diffView } from '../form-config/diff-view.js';
import { localeOf } from '../http/locale.js';

/**
 * The classified changes between two versions of a form and the semver bump they require
 * (core's `diffFormVersions`). Shared forms compare their own versions; with a key, a form
 * the tenant created itself is compared among its versions. Each change's `message` is in the
 * request's locale.
 */
export function formDiffRouter(ctx: AppContext): Router {
  const router = Router();
  router.get(`${API_BASE}/forms/:formId/versions/:a/diff/:b`, (req, res) => {
    const tenantId = optionalPrincipalOf(res)?.tenantId;
    const own = tenantId ? ctx.forms.source(tenantId)?.forms : undefined;
    const registry: FormRegistry = own?.has(req.params.formId) ? own : ctx.registry;
    const from = registry.resolve(req.params.formId, req.params.a);
    const to = registry.resolve(req.params.formId, req.params.b);
    const diff = diffView(from.manifest.id, from.manifest.version, to.manifest.version, diffFormVersions(from, to));
    const body = diffResponse(diff, localeOf(req));
    res.set('Cache-Control', own?.has(req.params.formId) ? 'private, no-cache' : 'no-cache').json(body);
  });
  return router;
}
