import { Router, type Request, type Response } from 'express';
import { contentHash, type CalendarOptions, type FormVersion, type RuleOptionsByRule } from '@skema/core';
import { optionalPrincipalOf, type Principal } from '../auth/principal.js';
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
    // The form's own rule options (for a tenant's effective form, its overlay's too): the browser
    // engine needs them to give the server's severities. Covered by the hash, so by the ETag.
    ...(manifest.ruleOptions ? { ruleOptions: manifest.ruleOptions } : {}),
    schema: form.schema,
    uischema: form.uischema,
    i18n: form.i18n,
    hash: form.hash,
  };
}

/** What the browser needs beside the form to judge as the server does for this tenant. */
interface TenantSettings {
  tenantRuleOptions?: RuleOptionsByRule;
  tenantCalendar?: CalendarOptions;
}

// Per principal (built once per key at start): the tenant's settings and their ETag suffix.
const settingsOf = new WeakMap<Principal, { settings: TenantSettings; tag: string } | null>();

/** The tenant's rule and calendar options, when it has any; `null` when it has none. */
function tenantSettings(principal: Principal | undefined): { settings: TenantSettings; tag: string } | null {
  if (!principal) return null;
  let entry = settingsOf.get(principal);
  if (entry === undefined) {
    const settings: TenantSettings = {
      ...(Object.keys(principal.ruleOptions).length > 0 ? { tenantRuleOptions: principal.ruleOptions } : {}),
      ...(principal.calendarOptions ? { tenantCalendar: principal.calendarOptions } : {}),
    };
    entry =
      Object.keys(settings).length > 0
        ? { settings, tag: contentHash(settings).slice('sha256-'.length, 'sha256-'.length + 16) }
        : null;
    settingsOf.set(principal, entry);
  }
  return entry;
}

/** Form reads: public, cacheable; texts in both languages so one response serves every locale. */
export function formsRouter(ctx: AppContext): Router {
  const router = Router();

  // The list is the key's tenant's: only versions it can open (an overlay pinned to 1.0.0 hides
  // 2.x), with its overlays' titles and hashes, and its own forms. Without a key, the base forms.
  router.get(`${API_BASE}/forms`, (req, res) => {
    const tenantId = optionalPrincipalOf(res)?.tenantId;
    const body = { items: ctx.forms.summaries(tenantId) };
    res.vary('Authorization');
    sendCached(req, res, `"${contentHash(body)}"`, tenantId ? 'private, no-cache' : 'no-cache', body);
  });

  router.get(`${API_BASE}/forms/:formId`, (req, res) => {
    const tenantId = optionalPrincipalOf(res)?.tenantId;
    const summary = ctx.forms.summary(tenantId, req.params.formId);
    if (!summary) {
      throw new HttpProblem('form-not-found', {
        da: `Skemaet ${req.params.formId} findes ikke.`,
        en: `Unknown form ${req.params.formId}.`,
      });
    }
    res.vary('Authorization');
    sendCached(req, res, `"${contentHash(summary)}"`, tenantId ? 'private, no-cache' : 'no-cache', summary);
  });

  router.get(`${API_BASE}/forms/:formId/versions/:version`, (req, res) => {
    const principal = optionalPrincipalOf(res);
    const form = ctx.forms.resolve(principal?.tenantId, req.params.formId, req.params.version);
    const tenant = tenantSettings(principal);
    // Only an exact published version is immutable; `latest` or a range may resolve differently tomorrow.
    // A tenant's effective form, rule and calendar options are that tenant's alone, and may change with its configuration.
    const exact = req.params.version === form.manifest.version && form.manifest.status === 'published';
    const cache = form.manifest.overlay || tenant ? 'private, no-cache' : exact ? IMMUTABLE : 'no-cache';
    // Always, also on the public answer: a cache must not hand the anonymous form to a tenant's key.
    res.vary('Authorization');
    const view = formVersionView(form);
    const etag = tenant ? `"${form.hash}+options-${tenant.tag}"` : `"${form.hash}"`;
    sendCached(req, res, etag, cache, tenant ? { ...view, ...tenant.settings } : view);
  });

  return router;
}
