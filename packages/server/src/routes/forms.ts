import { Router, type Request, type Response } from 'express';
import { contentHash, type FormVersion } from '@skema/core';
import { optionalPrincipalOf } from '../auth/principal.js';
import { API_BASE, type AppContext } from '../context.js';
import { ifNoneMatchHits } from '../http/etag.js';
import { HttpProblem } from '../http/problem.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Sends a JSON body with a strong ETag, or 304 when the client already has it. */
function sendCached(req: Request, res: Response, etag: string, cacheControl: string, body: unknown): void {
  res.set('ETag', etag).set('Cache-Control', cacheControl);
  if (ifNoneMatchHits(req, etag)) {
    res.status(304).end();
    return;
  }
  res.json(body);
}

export function formVersionView(form: FormVersion) {
  const { manifest } = form;
  return {
    id: manifest.id,
    version: manifest.version,
    status: manifest.status,
    title: manifest.title,
    ...(manifest.description ? { description: manifest.description } : {}),
    changelog: manifest.changelog,
    plugins: manifest.plugins,
    schema: form.schema,
    uischema: form.uischema,
    i18n: form.i18n,
    hash: form.hash,
  };
}

/** Form reads: public, cacheable; texts in both languages so one response serves every locale. */
export function formsRouter(ctx: AppContext): Router {
  const router = Router();

  router.get(`${API_BASE}/forms`, (req, res) => {
    const body = { items: ctx.registry.summaries() };
    sendCached(req, res, `"${contentHash(body)}"`, 'no-cache', body);
  });

  router.get(`${API_BASE}/forms/:formId`, (req, res) => {
    const summary = ctx.registry.summaries().find((s) => s.id === req.params.formId);
    if (!summary) {
      throw new HttpProblem('form-not-found', { da: `Skemaet ${req.params.formId} findes ikke.`, en: `Unknown form ${req.params.formId}.` });
    }
    sendCached(req, res, `"${contentHash(summary)}"`, 'no-cache', summary);
  });

  router.get(`${API_BASE}/forms/:formId/versions/:version`, (req, res) => {
    const form = ctx.forms.resolve(optionalPrincipalOf(res)?.tenantId, req.params.formId, req.params.version);
    // Only an exact published version is immutable; `latest` or a range may resolve differently tomorrow.
    // A tenant's effective form is that tenant's alone.
    const exact = req.params.version === form.manifest.version && form.manifest.status === 'published';
    const cache = form.manifest.overlay ? 'private, no-cache' : exact ? IMMUTABLE : 'no-cache';
    if (form.manifest.overlay) res.vary('Authorization');
    sendCached(req, res, `"${form.hash}"`, cache, formVersionView(form));
  });

  return router;
}
