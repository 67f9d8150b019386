import { Router } from 'express';
import type { CaseContext } from '@skema/core';
import { actorOf, optionalPrincipalOf, type Principal } from '../auth/principal.js';
import { HttpProblem } from '../http/problem.js';
import { API_BASE, type AppContext } from '../context.js';
import { localeOf } from '../http/locale.js';

/** The case a validation runs in: only for a caller who may read it (its data reaches the rules' messages). */
async function validationCase(ctx: AppContext, principal: Principal | undefined, caseId: string): Promise<CaseContext> {
  if (!principal)
    throw new HttpProblem('unauthorized', {
      da: 'Validering i en sag kræver login eller en API-nøgle.',
      en: 'Validation in a case needs sign-in or an API key.',
    });
  if (!ctx.cases)
    throw new HttpProblem('not-implemented', {
      da: 'Denne server gemmer ikke sager.',
      en: 'This server keeps no cases.',
    });
  return ctx.cases.context(actorOf(principal), caseId);
}

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
    const caseContext = body.caseId === undefined ? undefined : await validationCase(ctx, principal, body.caseId);
    const result = await ctx.validation.validate(form, body.data, {
      locale: localeOf(req),
      mode: body.mode ?? 'submitted',
      tenant: principal,
      now: ctx.now(),
      ...(body.today ? { today: body.today } : {}),
      ...(caseContext ? { case: caseContext } : {}),
    });
    ctx.metrics.countValidation(form.manifest.id, result.valid, ctx.registry.has(form.manifest.id));
    res.json(result);
  });
  return router;
}
