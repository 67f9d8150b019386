import { Router } from 'express';
import type { IsoDate, ValidationMode } from '@skema/core';
import { optionalPrincipalOf } from '../auth/principal.js';
import { API_BASE, type AppContext } from '../context.js';
import { localeOf } from '../http/locale.js';

interface ValidateBody {
  data: unknown;
  mode?: ValidationMode;
  today?: IsoDate;
}

/**
 * Validation without storing: open to anyone (the same check runs in the browser); with an API
 * key, the key's tenant rule options apply.
 */
export function validateRouter(ctx: AppContext): Router {
  const router = Router();
  router.post(`${API_BASE}/forms/:formId/versions/:version/validate`, ctx.validator.body('ValidateRequest'), async (req, res) => {
    const principal = optionalPrincipalOf(res);
    const form = ctx.forms.resolve(principal?.tenantId, String(req.params.formId), String(req.params.version));
    const body = req.body as ValidateBody;
    const result = await ctx.validation.validate(form, body.data, {
      locale: localeOf(req),
      mode: body.mode ?? 'submitted',
      principal,
      now: ctx.now(),
      ...(body.today ? { today: body.today } : {}),
    });
    ctx.metrics.countValidation(form.manifest.id, result.valid, ctx.registry.has(form.manifest.id));
    res.json(result);
  });
  return router;
}
