import { Router, type NextFunction, type Request, type Response } from 'express';
import { OVERLAY_SCHEMA_ROOTS, type TenantFormRecord } from '@skema/core';
import { requireAuth } from '../auth/authenticate.js';
import { principalOf } from '../auth/principal.js';
import { requireRole } from '../auth/roles.js';
import { API_BASE } from '../context.js';
import { problemsView } from '../form-config/config-problem.js';
import { diffResponse } from '../form-config/diff-view.js';
import { effectiveOverlayView, nextOverlayVersion } from '../form-config/effective-overlay.js';
import {
  checkView,
  configAddress,
  recordView,
  summaryView,
  type FormConfigService,
} from '../form-config/form-config-service.js';
import { OWN_FORM_SCHEMA_ROOTS } from '../form-config/own-form.js';
import { untrustedJsonBody } from '../form-config/untrusted-body.js';
import { localeOf } from '../http/locale.js';
import { HttpProblem } from '../http/problem.js';

/** Where the router is mounted; its own paths are relative to it, so other API requests pass it with one prefix check. */
export const ADMIN_BASE = `${API_BASE}/admin`;
const BASE = '/form-configs';
const ONE = `${BASE}/:kind/:formId/:version`;

// Where each kind of upload keeps JSON Schema, for the untrusted-input checks.
const uploadSchemaRoots = (req: Request) => (req.params.kind === 'form' ? OWN_FORM_SCHEMA_ROOTS : OVERLAY_SCHEMA_ROOTS);
const previewSchemaRoots = () => OVERLAY_SCHEMA_ROOTS.map((root) => `/document${root}`);

function unavailable(_req: Request, _res: Response, next: NextFunction): void {
  next(
    new HttpProblem('not-implemented', {
      da: 'Denne server har ikke et lager til skemakonfiguration; kommunernes tilpasninger ligger kun i git (schemas/tenants).',
      en: 'This server has no form configuration store; tenants’ configuration is only kept in git (schemas/tenants).',
    }),
  );
}

/**
 * Tenants' form configuration through the API (role admin, the key's tenant only): drafts of
 * overlays and own forms, their checks, publication and deprecation, and a live preview.
 * Mounted before the API's JSON parser: uploads are read by the untrusted-document parser.
 */
export function adminFormConfigsRouter(service: FormConfigService | undefined, bodyLimit: string | number): Router {
  const router = Router();
  const guard = [requireAuth, requireRole(['admin'])];
  if (!service) {
    router.all([BASE, `${BASE}/*rest`], ...guard, unavailable);
    return router;
  }

  router.get(BASE, ...guard, async (_req, res) => {
    const { tenantId } = principalOf(res);
    const items = (await service.store.listFormConfigs(tenantId))
      .filter((r) => r.tenantId === tenantId)
      .map(summaryView);
    res.set('Cache-Control', 'private, no-cache').json({ items });
  });

  router.post(`${BASE}/preview`, ...guard, untrustedJsonBody(bodyLimit, previewSchemaRoots), async (req, res) => {
    const { tenantId } = principalOf(res);
    const body = req.body as { kind?: unknown; document?: unknown };
    if (
      typeof body !== 'object' ||
      body === null ||
      body.kind !== 'overlay' ||
      typeof body.document !== 'object' ||
      body.document === null
    ) {
      throw new HttpProblem(
        'invalid-request',
        { da: 'Send { "kind": "overlay", "document": { … } }.', en: 'Send { "kind": "overlay", "document": { … } }.' },
        { issues: [{ path: '/kind', code: 'const', message: '/kind must be "overlay" and /document an object' }] },
      );
    }
    const document = body.document as Record<string, unknown>;
    // An unsaved draft: the tenant may be left out, as in an upload.
    document.tenantId ??= tenantId;
    const { form, base, problems } = service.checker.effectiveOverlay(tenantId, document);
    if (!form || !base) {
      res.json({ ok: false, problems: problemsView(problems, localeOf(req)) });
      return;
    }
    const diff = service.checker.previewDiff(
      base,
      form,
      typeof document.version === 'string' ? document.version : base.manifest.version,
    );
    const next = await nextOverlayVersion(service.published, service.checker, tenantId, base, form);
    res.json({
      ok: true,
      problems: [],
      form: { manifest: form.manifest, schema: form.schema, uischema: form.uischema, i18n: form.i18n, hash: form.hash },
      diff: diffResponse(diff, localeOf(req)),
      next,
    });
  });

  // Before ONE: an editor starts from what is in effect, not from a blank overlay.
  router.get(`${BASE}/effective/:formId`, ...guard, (req, res) => {
    const { tenantId } = principalOf(res);
    res
      .set('Cache-Control', 'private, no-cache')
      .json(effectiveOverlayView(service.published, service.registry, tenantId, String(req.params.formId)));
  });

  router.get(ONE, ...guard, async (req, res) => {
    const { tenantId } = principalOf(res);
    const { kind, formId, version } = configAddress(req.params);
    res.set('Cache-Control', 'private, no-cache').json(recordView(await service.load(tenantId, kind, formId, version)));
  });

  router.put(ONE, ...guard, untrustedJsonBody(bodyLimit, uploadSchemaRoots), async (req, res) => {
    const principal = principalOf(res);
    const { kind, formId, version } = configAddress(req.params);
    const document = service.complete(kind, principal.tenantId, formId, version, req.body);
    // Its check and every validation run in the worker pool: start it while the draft is saved.
    service.warmValidation();
    const record: TenantFormRecord = {
      tenantId: principal.tenantId,
      kind,
      formId,
      version,
      status: 'draft',
      document,
      hash: '',
      updatedAt: service.now(),
      updatedBy: principal.keyId,
    };
    const saved = await service.store.saveFormConfigDraft(
      record,
      service.audit(principal, 'form-config.draft', record),
    );
    res.json(recordView(saved));
  });

  router.post(`${ONE}/check`, ...guard, async (req, res) => {
    const { tenantId } = principalOf(res);
    const { kind, formId, version } = configAddress(req.params);
    res.json(checkView(await service.check(await service.load(tenantId, kind, formId, version)), localeOf(req)));
  });

  router.post(`${ONE}/publish`, ...guard, async (req, res) => {
    const principal = principalOf(res);
    const { kind, formId, version } = configAddress(req.params);
    const record = await service.load(principal.tenantId, kind, formId, version);
    if (record.status !== 'draft') {
      throw new HttpProblem('version-immutable', {
        da: `${kind} ${formId}@${version} er allerede ${record.status === 'published' ? 'udgivet' : 'udfaset'}; lav en ny version.`,
        en: `${kind} ${formId}@${version} is already ${record.status}; create a new version.`,
      });
    }
    const result = await service.check(record);
    if (!result.ok) {
      throw new HttpProblem(
        'form-config-invalid',
        {
          da: `Konfigurationen kan ikke udgives: ${result.problems.length} problem(er).`,
          en: `The configuration cannot be published: ${result.problems.length} problem(s).`,
        },
        {
          members: {
            problems: problemsView(result.problems, localeOf(req)),
            ...(result.diff ? { diff: diffResponse(result.diff, localeOf(req)) } : {}),
            ...(result.requiredBump ? { requiredBump: result.requiredBump } : {}),
          },
        },
      );
    }
    const published = await service.store.setFormConfigStatus(
      principal.tenantId,
      kind,
      formId,
      version,
      'published',
      service.audit(principal, 'form-config.publish', record),
    );
    await service.published.refresh(principal.tenantId);
    res.json(recordView(published));
  });

  router.post(`${ONE}/deprecate`, ...guard, async (req, res) => {
    const principal = principalOf(res);
    const { kind, formId, version } = configAddress(req.params);
    const record = await service.load(principal.tenantId, kind, formId, version);
    if (record.status !== 'published') {
      throw new HttpProblem('version-immutable', {
        da: `Kun en udgivet version kan udfases; ${kind} ${formId}@${version} er ${record.status === 'draft' ? 'en kladde' : 'allerede udfaset'}.`,
        en: `Only a published version can be deprecated; ${kind} ${formId}@${version} is ${record.status}.`,
      });
    }
    const deprecated = await service.store.setFormConfigStatus(
      principal.tenantId,
      kind,
      formId,
      version,
      'deprecated',
      service.audit(principal, 'form-config.deprecate', record),
    );
    await service.published.refresh(principal.tenantId);
    res.json(recordView(deprecated));
  });

  return router;
}
