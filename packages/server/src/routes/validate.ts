import { Router } from 'express';
import { optionalPrincipalOf } from '../auth/principal.js';
import { API_BASE, type AppContext } from '../context.js';
import { localeOf } from '../http/locale.js';

/**
 * Validation without storing: open to anyone (the same check runs in the browser); with an API
 * key, the key's tenant rule options apply.
 */
export function validateRouter(ctx: AppContext): Router {
  const router = Router();
  router.post(`${API_BASE}/forms/:formId/versions/:version/validate`, async (req, res) => {
    // Typed by its schema; checked before the form is resolved, as the middleware did.
    const body = ctx.validator.parse('ValidateRequest', req);
    const principal = optionalPrincipalOf(res);
    const form = ctx.forms.resolve(principal?.tenantId, String(req.params.formId), String(req.params.version));
    const result = await ctx.validation.validate(form, body.data, {
      locale: localeOf(req),
      mode: body.mode ?? 'submitted',
      tenant: principal,
      now: ctx.now(),
      ...(body.today ? { today: body.today } : {}),
    });
    ctx.metrics.countValidation(form.manifest.id, result.valid, ctx.registry.has(form.manifest.id));
    res.json(result);
  });
  return router;
}
